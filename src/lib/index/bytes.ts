/**
 * The one varint of the index files: an unsigned integer below 2^31, 7 bits a byte, low bits first, the high
 * bit set on every byte but the last. ByteWriter writes it, VarintReader reads it, except in the three loops
 * of a related query (the scorer's two postings walks and LoadedIndex.forEachTitleTerm), which decode it inline:
 * through the reader's object and two calls per value, a cold service worker's first query took 1.09-1.14x the
 * CPU (bundled, 20 paired cold starts), since it runs before the JIT has optimised anything.
 */

/** A growable byte buffer for the builders: varint postings of a 150k-article corpus without a huge JS array. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buf[this.length++] = value;
  }

  varint(value: number): void {
    this.ensure(5);
    while (value >= 0x80) {
      this.buf[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buf[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** The written bytes (a copy sized exactly). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads the varints of bytes[at, end) in order: `while (r.more()) r.next()`. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at = 0,
    private readonly end = bytes.length,
  ) {}

  more(): boolean {
    return this.at < this.end;
  }

  next(): number {
    const { bytes } = this;
    let b = bytes[this.at++];
    let v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[this.at++];
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    return v;
  }
}

/** Sort (key, value) pairs by key and return them as two parallel arrays, for binary-searchable lookups. */
export function sortedPairs(keys: ArrayLike<number>, values: ArrayLike<number>): { keys: Uint32Array; values: Uint32Array } {
  const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || values[a] - values[b]);
  return {
    keys: Uint32Array.from(order, (i) => keys[i]),
    values: Uint32Array.from(order, (i) => values[i]),
  };
}

/** First index i with keys[i] >= key (keys ascending). */
export function lowerBound(keys: ArrayLike<number>, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One logical byte string kept as chunks: `starts` holds each chunk's offset in the logical string. Items
 * (documents, posting lists) never straddle chunks. Chunks may be read on demand: `ensure` fetches the missing
 * ones (each a file of its own in the shipped index, see load.ts), and `slice` then views them in place.
 */
export class ChunkedBytes {
  readonly chunks: (Uint8Array | null)[];
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    chunks: (Uint8Array | null)[],
    readonly starts: Uint32Array,
    private readonly fetchChunk?: (chunk: number) => Promise<Uint8Array>,
  ) {
    this.chunks = chunks;
  }

  /** Chunk holding the item that starts at logical offset `at`. */
  chunkOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether the chunk holding logical offset `at` is in memory. */
  has(at: number): boolean {
    return this.chunks[this.chunkOf(at)] !== null;
  }

  /** Read the chunks holding the items that start at these logical offsets (in parallel; each chunk once). */
  async ensure(offsets: Iterable<number>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const at of offsets) {
      const c = this.chunkOf(at);
      if (this.chunks[c] !== null) continue;
      let wait = this.pending.get(c);
      if (!wait) {
        if (!this.fetchChunk) throw new Error(`chunk ${c} is not loaded and there is no way to load it`);
        wait = this.fetchChunk(c).then(
          (bytes) => {
            this.chunks[c] = bytes;
            this.pending.delete(c);
          },
          (error: unknown) => {
            this.pending.delete(c);
            throw error;
          },
        );
        this.pending.set(c, wait);
      }
      waits.push(wait);
    }
    if (waits.length) await Promise.all(waits);
  }

  /** The bytes of the item [from, to) (logical offsets); its chunk must be loaded (see ensure). */
  slice(from: number, to: number): Uint8Array {
    if (from === to) return EMPTY;
    const c = this.chunkOf(from);
    const chunk = this.chunks[c];
    if (chunk === null) throw new Error(`chunk ${c} is read on demand and was not loaded (call ensure first)`);
    return chunk.subarray(from - this.starts[c], to - this.starts[c]);
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Cut `bytes` into chunks of at most `maxChunk` bytes at item boundaries (`bounds`: item start offsets and the
 * end). An item larger than `maxChunk` (up to `maxItem`) gets a chunk of its own.
 */
export function chunkAt(
  bytes: Uint8Array,
  bounds: ArrayLike<number>,
  maxChunk: number,
  maxItem = maxChunk,
): { chunks: Uint8Array[]; starts: Uint32Array } {
  const starts: number[] = [0];
  let chunkStart = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i] - chunkStart > maxChunk && bounds[i - 1] > chunkStart) {
      chunkStart = bounds[i - 1];
      starts.push(chunkStart);
    }
    if (bounds[i] - chunkStart > Math.max(maxChunk, maxItem)) throw new Error(`one item of ${bounds[i] - bounds[i - 1]} bytes is larger than a chunk`);
  }
  const chunks = starts.map((s, i) => bytes.subarray(s, i + 1 < starts.length ? starts[i + 1] : bytes.length));
  return { chunks, starts: Uint32Array.from(starts) };
}

/**
 * Term-frequency saturation is stored in 4 bits: 15 levels over (0, k1 + 1]; ranking measured no worse. A
 * posting's varint is gap × SAT_LEVELS_BASE + level, read back with `>>> SAT_BITS` and `& SAT_MASK`.
 */
export const SAT_BITS = 4;
export const SAT_LEVELS_BASE = 1 << SAT_BITS;
export const SAT_MASK = SAT_LEVELS_BASE - 1;
export const SAT_LEVELS = SAT_MASK;

export function quantizeSat(sat: number, k1: number): number {
  return Math.max(1, Math.min(SAT_LEVELS, Math.round((sat / (k1 + 1)) * SAT_LEVELS)));
}

export function dequantizeSat(q: number, k1: number): number {
  return (q / SAT_LEVELS) * (k1 + 1);
}
