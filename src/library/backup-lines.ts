/**
 * The `sila` field of each line of a backup (backup-format.ts), read from the same bytes the corpus reader
 * (src/lib/corpus/lines.ts) reads, and numbered the way it numbers lines (every newline ends one, blank lines
 * included; a last line without a newline counts), so that line N's article and line N's field meet. The corpus
 * reader keeps judging every line (bad JSON, duplicates, sizes); this only reads what it leaves out.
 */
import { parseBackupMeta, type ParsedMeta } from './backup-format';

export class BackupFields {
  lineNumber = 0;
  private readonly decoder = new TextDecoder();
  private readonly found = new Map<number, ParsedMeta | string>();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private discarding = false;

  /** `maxLineBytes` as the corpus reader's: a line it skips as too long is not held here either. */
  constructor(private readonly maxLineBytes = 8 * 1024 * 1024) {}

  push(chunk: Uint8Array): void {
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
      this.finishLine();
      from = nl + 1;
    }
  }

  end(): void {
    if (this.discarding || this.pendingBytes > 0) this.finishLine();
  }

  /** Line `line`'s field (or why it has none usable), taken: each line's is asked once. */
  take(line: number): ParsedMeta | string {
    const got = this.found.get(line) ?? 'not a line of a Sila backup';
    this.found.delete(line);
    return got;
  }

  /** Forgets the fields of lines up to `line` (the corpus reader skipped them, so nobody asks). */
  dropUpTo(line: number): void {
    for (const n of this.found.keys()) if (n <= line) this.found.delete(n);
  }

  private finishLine(): void {
    this.lineNumber++;
    const parts = this.pending;
    const skip = this.discarding;
    this.pending = [];
    this.pendingBytes = 0;
    this.discarding = false;
    if (skip || parts.length === 0) return;
    const text = parts.length === 1 ? this.decoder.decode(parts[0]) : parts.map((p) => this.decoder.decode(p, { stream: true })).join('') + this.decoder.decode();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return; // the corpus reader reports it
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.found.set(this.lineNumber, parseBackupMeta(value as Record<string, unknown>));
  }
}
