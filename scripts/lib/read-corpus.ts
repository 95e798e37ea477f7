/**
 * Streams a corpus file (JSONL, or JSONL gzipped: detected by magic bytes, not by name) article by article,
 * so a 150k-article corpus never sits in memory as text. Bad lines are skipped with their number and reason;
 * anything that would make the index silently partial (missing file, truncated gzip, a file that is not JSONL
 * at all) throws a CorpusError whose message is one sentence saying what to provide.
 *
 * @example
 * const corpus = openCorpus('articles.jsonl.gz', { onSkip: (s) => console.warn(s.reason) });
 * for await (const article of corpus.articles) index(article);
 * console.log(corpus.stats); // { lines, read, skipped: { 'not-json': 2, … }, … }
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { CorpusLines, type SkippedLine } from '../../src/lib/corpus/lines';
import type { SkipCode } from '../../src/lib/corpus/parse-line';
import type { CorpusArticle } from '../../src/lib/types';

export const schemaHint =
  'a JSONL or JSONL.gz file with one {"id","title","body",…} object per line (README "Corpus schema")';

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export type { SkippedLine };

export interface CorpusStats {
  file: string;
  gzip: boolean;
  /** Non-blank lines seen. */
  lines: number;
  /** Articles handed out. */
  read: number;
  skipped: Partial<Record<SkipCode, number>>;
  skippedTotal: number;
  /** Bytes of the file (compressed, when gzip) consumed so far and in all: for progress. */
  bytesRead: number;
  totalBytes: number;
}

export interface ReadCorpusOptions {
  onSkip?: (skipped: SkippedLine) => void;
  /** A line longer than this (bytes) is skipped without being held in memory. Default 8 MiB. */
  maxLineBytes?: number;
  /** Stop with a CorpusError when none of the first this-many non-blank lines is an article. Default 1000. */
  giveUpAfter?: number;
}

export interface OpenedCorpus {
  articles: AsyncIterable<CorpusArticle>;
  stats: CorpusStats;
}

export function openCorpus(file: string, options: ReadCorpusOptions = {}): OpenedCorpus {
  let totalBytes: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    totalBytes = st.size;
  } catch {
    throw new CorpusError(`Corpus not found at ${file}: pass --corpus FILE or set SILA_CORPUS to ${schemaHint}.`);
  }
  if (totalBytes === 0) throw new CorpusError(`Corpus ${file} is empty: provide ${schemaHint}.`);
  const gzip = startsWithGzipMagic(file);
  const stats: CorpusStats = { file, gzip, lines: 0, read: 0, skipped: {}, skippedTotal: 0, bytesRead: 0, totalBytes };
  return { articles: iterate(file, stats, options), stats };
}

function startsWithGzipMagic(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new CorpusError(`Corpus ${file} is not readable (${(error as Error).message}): provide ${schemaHint}.`);
  }
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

async function* iterate(file: string, stats: CorpusStats, options: ReadCorpusOptions): AsyncGenerator<CorpusArticle> {
  const giveUpAfter = options.giveUpAfter ?? 1000;
  const lines = new CorpusLines({
    maxLineBytes: options.maxLineBytes,
    onSkip: (skipped) => {
      options.onSkip?.(skipped);
      if (lines.read === 0 && lines.lines >= giveUpAfter) {
        throw new CorpusError(
          `Corpus ${file} has no valid article in its first ${lines.lines} lines (last: ${skipped.reason}): provide ${schemaHint}.`,
        );
      }
    },
  });
  const sync = () => Object.assign(stats, { lines: lines.lines, read: lines.read, skipped: lines.skipped, skippedTotal: lines.skippedTotal });

  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk) => (stats.bytesRead += chunk.length));
  const stream = stats.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => stream.destroy(error));

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const got = lines.push(chunk);
      sync();
      for (const { article } of got) yield article;
    }
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    const detail = (error as Error).message;
    const what = stats.gzip ? 'is a truncated or corrupt gzip file' : 'could not be read to the end';
    throw new CorpusError(
      `Corpus ${file} ${what} (${detail}, after line ${lines.lineNumber}): provide a complete ${schemaHint.replace(/^a /, "")}.`,
    );
  }
  const last = lines.end();
  sync();
  for (const { article } of last) yield article;
  if (stats.read === 0) {
    throw new CorpusError(`Corpus ${file} has no valid article (${stats.lines} lines read): provide ${schemaHint}.`);
  }
}

/** One line per skip code, for a build summary: "  not-json: 3". */
export function formatSkipSummary(stats: CorpusStats): string {
  const entries = Object.entries(stats.skipped).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return 'skipped: none';
  return `skipped: ${stats.skippedTotal} (${entries.map(([code, n]) => `${code} ${n}`).join(', ')})`;
}
