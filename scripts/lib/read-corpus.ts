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
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parseCorpusLine, type SkipCode } from '../../src/lib/corpus/parse-line';
import type { CorpusArticle } from '../../src/lib/types';

export const schemaHint =
  'a JSONL or JSONL.gz file with one {"id","title","body",…} object per line (README "Corpus schema")';

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface SkippedLine {
  line: number;
  code: SkipCode;
  reason: string;
}

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
  const maxLineBytes = options.maxLineBytes ?? 8 * 1024 * 1024;
  const giveUpAfter = options.giveUpAfter ?? 1000;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const seenIds = new Set<string>();
  const seenArticles = new Set<string>();

  const skip = (line: number, code: SkipCode, reason: string) => {
    stats.skipped[code] = (stats.skipped[code] ?? 0) + 1;
    stats.skippedTotal++;
    options.onSkip?.({ line, code, reason });
    if (stats.read === 0 && stats.lines >= giveUpAfter) {
      throw new CorpusError(
        `Corpus ${file} has no valid article in its first ${stats.lines} lines (last: ${reason}): provide ${schemaHint}.`,
      );
    }
  };

  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk) => (stats.bytesRead += chunk.length));
  const stream = stats.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => stream.destroy(error));

  let lineNumber = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let discarding = false; // inside an over-long line: drop bytes until its newline

  function* finishLine(bytes: Buffer): Generator<CorpusArticle> {
    lineNumber++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    let start = 0;
    if (lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3; // BOM
    if (isBlank(bytes, start, end)) return;
    stats.lines++;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      skip(lineNumber, 'invalid-utf8', `line ${lineNumber}: not valid UTF-8`);
      return;
    }
    const parsed = parseCorpusLine(text, lineNumber);
    if (!parsed.ok) {
      skip(lineNumber, parsed.code, parsed.reason);
      return;
    }
    const { article } = parsed;
    if (seenIds.has(article.id)) {
      skip(lineNumber, 'duplicate-id', `line ${lineNumber}: duplicate id ${JSON.stringify(article.id)}`);
      return;
    }
    seenIds.add(article.id);
    const fingerprint = createHash('sha1').update(article.title).update('\u0000').update(article.body).digest('base64');
    if (seenArticles.has(fingerprint)) {
      skip(lineNumber, 'duplicate-article', `line ${lineNumber}: same title and body as an earlier article (id ${article.id})`);
      return;
    }
    seenArticles.add(fingerprint);
    stats.read++;
    yield article;
  }

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      while (from < chunk.length) {
        const nl = chunk.indexOf(0x0a, from);
        const stop = nl === -1 ? chunk.length : nl;
        if (!discarding) {
          if (pendingBytes + (stop - from) > maxLineBytes) {
            discarding = true;
            pending = [];
            pendingBytes = 0;
          } else if (stop > from) {
            pending.push(chunk.subarray(from, stop));
            pendingBytes += stop - from;
          }
        }
        if (nl === -1) break;
        if (discarding) {
          lineNumber++;
          stats.lines++;
          skip(lineNumber, 'line-too-long', `line ${lineNumber}: longer than ${maxLineBytes} bytes`);
          discarding = false;
        } else {
          const line = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          yield* finishLine(line);
        }
        from = nl + 1;
      }
    }
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    const detail = (error as Error).message;
    const what = stats.gzip ? 'is a truncated or corrupt gzip file' : 'could not be read to the end';
    throw new CorpusError(
      `Corpus ${file} ${what} (${detail}, after line ${lineNumber}): provide a complete ${schemaHint.replace(/^a /, "")}.`,
    );
  }
  if (discarding) {
    lineNumber++;
    stats.lines++;
    skip(lineNumber, 'line-too-long', `line ${lineNumber}: longer than ${maxLineBytes} bytes`);
  } else if (pendingBytes > 0) {
    yield* finishLine(Buffer.concat(pending, pendingBytes));
  }
  if (stats.read === 0) {
    throw new CorpusError(`Corpus ${file} has no valid article (${stats.lines} lines read): provide ${schemaHint}.`);
  }
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** One line per skip code, for a build summary: "  not-json: 3". */
export function formatSkipSummary(stats: CorpusStats): string {
  const entries = Object.entries(stats.skipped).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return 'skipped: none';
  return `skipped: ${stats.skippedTotal} (${entries.map(([code, n]) => `${code} ${n}`).join(', ')})`;
}
