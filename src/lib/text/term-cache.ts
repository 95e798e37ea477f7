/**
 * Token → term memo keyed by a span of the normalised text, so a token seen before costs a hash over its
 * characters and one probe, without creating a string. A corpus has ~200k distinct tokens and millions of
 * occurrences; a Map keyed by freshly sliced strings spent more time hashing and allocating than the whole
 * normaliser (measured on ant-2018: ~2.5× slower than this table).
 *
 * Open addressing with linear probing; grows by doubling up to MAX_SLOTS, then starts over empty, so junk
 * input cannot grow it without bound.
 */

const MIN_SLOTS = 1 << 12;
const MAX_SLOTS = 1 << 19;

export class TermCache {
  private keys: (string | undefined)[] = [];
  private vals: (string | null)[] = [];
  private hashes = new Int32Array(0);
  private mask = 0;
  private size = 0;

  constructor(private readonly compute: (token: string) => string | null) {
    this.alloc(MIN_SLOTS);
  }

  /** The term for the token text[start, end). */
  termOfSpan(text: string, start: number, end: number): string | null {
    let h = 0x811c9dc5 | 0; // FNV-1a over UTF-16 code units
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const len = end - start;
    let p = h & this.mask;
    for (;;) {
      const k = this.keys[p];
      if (k === undefined) break;
      if (this.hashes[p] === h && k.length === len && sameChars(k, text, start)) return this.vals[p];
      p = (p + 1) & this.mask;
    }
    const token = copy(text, start, end);
    const term = this.compute(token);
    if ((this.size + 1) * 2 > this.keys.length) {
      if (this.keys.length >= MAX_SLOTS) this.alloc(this.keys.length);
      else this.grow();
      p = h & this.mask;
      while (this.keys[p] !== undefined) p = (p + 1) & this.mask;
    }
    this.keys[p] = token;
    this.vals[p] = term;
    this.hashes[p] = h;
    this.size++;
    return term;
  }

  private alloc(slots: number): void {
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.vals = new Array<string | null>(slots).fill(null);
    this.hashes = new Int32Array(slots);
    this.mask = slots - 1;
    this.size = 0;
  }

  private grow(): void {
    const { keys, vals, hashes } = this;
    this.alloc(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      let p = hashes[i] & this.mask;
      while (this.keys[p] !== undefined) p = (p + 1) & this.mask;
      this.keys[p] = k;
      this.vals[p] = vals[i];
      this.hashes[p] = hashes[i];
      this.size++;
    }
  }
}

function sameChars(k: string, text: string, start: number): boolean {
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * A flat copy of text[start, end): a plain slice of a long string can keep the whole page or article
 * alive as long as the cache holds the token.
 */
function copy(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end); // V8 copies short slices anyway
  let s = '';
  for (let i = start; i < end; i++) s += text[i]; // one-character strings are shared, not slices
  return s;
}
