/** A growable byte buffer for the builder: varint postings of a 150k-article corpus without a huge JS array. */
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
 * One logical byte string kept as chunks, each within one pack part (so it is viewed where it lies): `starts`
 * holds each chunk's offset in the logical string. Items (documents, posting lists) never straddle chunks.
 */
export class ChunkedBytes {
  constructor(
    readonly chunks: Uint8Array[],
    readonly starts: Uint32Array,
  ) {}

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

  /** The bytes of the item [from, to) (logical offsets). */
  slice(from: number, to: number): Uint8Array {
    const c = this.chunkOf(from);
    return this.chunks[c].subarray(from - this.starts[c], to - this.starts[c]);
  }
}

/** Cut `bytes` into chunks of at most `maxChunk` bytes at item boundaries (`bounds`: item start offsets and the end). */
export function chunkAt(bytes: Uint8Array, bounds: ArrayLike<number>, maxChunk: number): { chunks: Uint8Array[]; starts: Uint32Array } {
  const starts: number[] = [0];
  let chunkStart = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i] - chunkStart > maxChunk && bounds[i - 1] > chunkStart) {
      chunkStart = bounds[i - 1];
      starts.push(chunkStart);
    }
    if (bounds[i] - chunkStart > maxChunk) throw new Error(`one item of ${bounds[i] - bounds[i - 1]} bytes is larger than a chunk`);
  }
  const chunks = starts.map((s, i) => bytes.subarray(s, i + 1 < starts.length ? starts[i + 1] : bytes.length));
  return { chunks, starts: Uint32Array.from(starts) };
}
