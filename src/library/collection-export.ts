/**
 * The library as one corpus file: every collection article as it was imported, and every remembered read as a
 * corpus line (id `read-N`, its text as the body), JSONL gzipped by the browser's CompressionStream. What comes
 * out reads back through the builder's reader (`npm run build:index -- --corpus export.jsonl.gz`).
 */
import type { CorpusArticle } from '../lib/types';
import type { ReadRecord } from './records';

export function readAsArticle(read: Omit<ReadRecord, 'v' | 'opening'> & { text: string }): CorpusArticle {
  return { id: `read-${read.id}`, title: read.title, body: read.text, url: read.url, source: read.outlet, published: read.published };
}

/** One JSON line per article, newline-terminated. */
export function corpusLines(articles: Iterable<CorpusArticle>): string {
  let out = '';
  for (const a of articles) out += `${JSON.stringify(a)}\n`;
  return out;
}

/** JSONL text as gzip bytes (CompressionStream: in every browser Sila supports, and in node 20). */
export async function gzipText(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Response(stream).blob();
}
