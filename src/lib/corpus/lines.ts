/**
 * A corpus file's bytes → its articles, line by line, with the reason and number of every skipped line: the one
 * reader behind `npm run build:index` (scripts/lib/read-corpus.ts, over a file stream), a collection import
 * in the extension (src/library/collection-import.ts, over a Blob's stream) and a restore from a backup, which
 * keeps one field of its own from each line (`keep`). Pure: bytes in, articles out;
 * no I/O, so both hosts feed it their own chunks.
 *
 * @example
 * const lines = new CorpusLines({ onSkip: (s) => console.warn(s.reason) });
 * for (const chunk of chunks) for (const a of lines.push(chunk)) index(a);
 * for (const a of lines.end()) index(a);
 */
import type { CorpusArticle } from '../types';
import { parseCorpusLine, skipOf, type Skip, type SkipCode, type SkipReason } from './parse-line';

/** A skipped line: its number, code, reason as data (`why`, for an interface's own words) and the builder's sentence. */
export interface SkippedLine extends Skip {
  line: number;
}

export interface CorpusLinesOptions {
  onSkip?: (skipped: SkippedLine) => void;
  /** A line longer than this (bytes) is skipped without being held in memory. Default 8 MiB. */
  maxLineBytes?: number;
  /**
   * A field outside the corpus schema to hand back with each article (NumberedArticle.extra), from the reader's
   * own parse of its line, so that a host reading its own format on top of the schema never parses a line twice.
   * @example new CorpusLines({ keep: 'note' }) // the line {"id":"a","title":"T","body":"B","note":1} → extra: 1
   */
  keep?: string;
}

/** An article and the 1-based number of the line it came from (an import resumes after a line number). */
export interface NumberedArticle {
  line: number;
  article: CorpusArticle;
  /** The line's `keep` field (CorpusLinesOptions), as parsed; undefined when the line has none or nothing is kept. */
  extra?: unknown;
}

export class CorpusLines {
  /** 1-based number of the last line seen (blank ones included). */
  lineNumber = 0;
  /** Non-blank lines seen. */
  lines = 0;
  read = 0;
  skipped: Partial<Record<SkipCode, number>> = {};
  skippedTotal = 0;
  private readonly maxLineBytes: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly seenIds = new Set<string>();
  private readonly seenArticles = new Set<string>();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private discarding = false; // inside an over-long line: drop bytes until its newline

  constructor(private readonly options: CorpusLinesOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? 8 * 1024 * 1024;
  }

  /** The articles completed by this chunk (the bytes after its last newline wait for the next one). */
  push(chunk: Uint8Array): NumberedArticle[] {
    const out: NumberedArticle[] = [];
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(0x0a, from);
      const stop = nl === -1 ? chunk.length : nl;
      if (!this.discarding) {
        if (this.pendingBytes + (stop - from) > this.maxLineBytes) {
          this.discarding = true;
          this.pending = [];
          this.pendingBytes = 0;
        } else if (stop > from) {
          this.pending.push(chunk.subarray(from, stop));
          this.pendingBytes += stop - from;
        }
      }
      if (nl === -1) break;
      this.finishLine(out);
      from = nl + 1;
    }
    return out;
  }

  /** The last line, when the file does not end with a newline. */
  end(): NumberedArticle[] {
    const out: NumberedArticle[] = [];
    if (this.discarding || this.pendingBytes > 0) this.finishLine(out);
    return out;
  }

  private skip(code: SkipCode, why: SkipReason | Skip): void {
    const skip = 'key' in why ? skipOf(code, this.lineNumber, why) : why;
    this.skipped[code] = (this.skipped[code] ?? 0) + 1;
    this.skippedTotal++;
    this.options.onSkip?.({ line: this.lineNumber, code, why: skip.why, reason: skip.reason });
  }

  private finishLine(out: NumberedArticle[]): void {
    this.lineNumber++;
    const n = this.lineNumber;
    if (this.discarding) {
      this.discarding = false;
      this.lines++;
      this.skip('line-too-long', { key: 'line-too-long', params: [this.maxLineBytes] });
      return;
    }
    const bytes = joinParts(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    let start = 0;
    if (n === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3; // BOM
    if (isBlank(bytes, start, end)) return;
    this.lines++;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end));
    } catch {
      this.skip('invalid-utf8', { key: 'invalid-utf8', params: [] });
      return;
    }
    const parsed = parseCorpusLine(text, n, this.options.keep);
    if (!parsed.ok) return this.skip(parsed.code, parsed);
    const { article } = parsed;
    if (this.seenIds.has(article.id)) return this.skip('duplicate-id', { key: 'duplicate-id', params: [article.id] });
    this.seenIds.add(article.id);
    const fingerprint = articleFingerprint(article.title, article.body);
    if (this.seenArticles.has(fingerprint)) {
      return this.skip('duplicate-article', { key: 'duplicate-article', params: [article.id] });
    }
    this.seenArticles.add(fingerprint);
    this.read++;
    out.push(this.options.keep === undefined ? { line: n, article } : { line: n, article, extra: parsed.extra });
  }
}

function joinParts(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/**
 * Two independent 32-bit FNV-1a hashes of title NUL body plus the lengths: a 64-bit key, synchronous in a
 * browser as in node (a chance collision among 150k articles is ~1e-9, and would only drop one duplicate-looking article).
 */
export function articleFingerprint(title: string, body: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = `${title}\u0000${body}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${title.length}.${body.length}`;
}

/** True when the bytes start with gzip's magic number (a file is judged by its bytes, not its name). */
export const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
