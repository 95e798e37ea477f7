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
