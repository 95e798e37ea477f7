/**
 * The library as one corpus file: every collection article as it was imported, and every remembered read as a
 * corpus line (id `read-N`, its text as the body), JSONL gzipped by the browser's CompressionStream. What comes
 * out reads back through the builder's reader (`npm run build:index -- --corpus export.jsonl.gz`), and is a
 * backup: each line's `sila` field (backup-format.ts) says what Restore (library-restore.ts) needs to put it
 * back as a read or into its collection.
 */
import { isIsoDate } from '../lib/corpus/parse-line';
import type { CorpusArticle } from '../lib/types';
import { collectionMeta, readMeta, type BackupMeta } from './backup-format';
import type { CollectionStore } from './collection-import';
import type { ReadRecord } from './records';
import type { LibraryStore } from './store';

/** A line of the backup: an article of the corpus schema and its `sila` field. */
export type BackupLine = CorpusArticle & { sila?: BackupMeta };

export function readAsArticle(read: Omit<ReadRecord, 'v' | 'opening'> & { text: string }): BackupLine {
  // A date the page gave that is not ISO 8601 would make the reader refuse the line: it is kept in `sila` instead.
  const iso = read.published !== null && isIsoDate(read.published);
  return {
    id: `read-${read.id}`,
    title: read.title,
    body: read.text,
    url: read.url,
    source: read.outlet,
    published: iso ? read.published : null,
    sila: readMeta(read.readAt, !iso && read.published ? read.published : undefined),
  };
}

/** One JSON line per article, newline-terminated. */
export function corpusLines(articles: Iterable<BackupLine>): string {
  let out = '';
  for (const a of articles) out += `${JSON.stringify(a)}\n`;
  return out;
}

/** JSONL text as gzip bytes (CompressionStream: in every browser Sila supports, and in node 20). */
export async function gzipText(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Response(stream).blob();
}

/**
 * The whole library as one gzipped corpus file: every remembered read, then every ready collection's articles
 * as they were imported (a collection still importing is not the user's yet). Ids stay as they were; an id a
 * read or an earlier collection already used gets its collection's number (`id~N`), since the builder's reader
 * keeps only the first line of an id and the export must read back whole.
 */
export async function exportLibrary(reads: Pick<LibraryStore, 'allReads' | 'texts'>, collections: Pick<CollectionStore, 'collections' | 'articles'>): Promise<{ file: Blob; articles: number }> {
  const records = await reads.allReads();
  // The whole text is stored apart from the record (records.ts, version 4); a read without one exports its opening.
  const texts = await reads.texts(records.map((r) => r.id));
  const out: BackupLine[] = records.map((r) => readAsArticle({ ...r, text: texts.get(r.id) ?? r.opening }));
  const seen = new Set(out.map((a) => a.id));
  for (const c of await collections.collections()) {
    if (c.state !== 'ready') continue;
    for (const { article } of await collections.articles(c.id)) {
      const id = seen.has(article.id) ? `${article.id}~${c.id}` : article.id;
      seen.add(id);
      out.push({ ...article, id, sila: collectionMeta(c, id === article.id ? undefined : article.id) });
    }
  }
  return { file: await gzipText(corpusLines(out)), articles: out.length };
}
