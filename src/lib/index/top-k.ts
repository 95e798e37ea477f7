/**
 * The k best (position, score) pairs offered, kept in a min-heap on typed arrays: ties go to the earlier
 * position. One instance can be reused for many rankings (reset), so a query allocates nothing per candidate.
 */
export class TopK {
  private docs = new Int32Array(0);
  private scores = new Float64Array(0);
  private size = 0;
  private k = 0;

  constructor(k = 0) {
    this.reset(k);
  }

  /** Empty the heap for a new ranking of the best `k`. */
  reset(k: number): void {
    if (this.docs.length < k) {
      this.docs = new Int32Array(k);
      this.scores = new Float64Array(k);
    }
    this.k = k;
    this.size = 0;
  }

  /** Whether k pairs are held, so that an offer must beat `worst` to enter. */
  get full(): boolean {
    return this.size === this.k;
  }

  /** The lowest score held (meaningful when full). */
  get worst(): number {
    return this.scores[0];
  }

  /** i ranks below j */
  private below(i: number, j: number): boolean {
    const { scores, docs } = this;
    return scores[i] < scores[j] || (scores[i] === scores[j] && docs[i] > docs[j]);
  }

  private swap(i: number, j: number): void {
    const { scores, docs } = this;
    const d = docs[i];
    docs[i] = docs[j];
    docs[j] = d;
    const s = scores[i];
    scores[i] = scores[j];
    scores[j] = s;
  }

  offer(doc: number, score: number): void {
    if (this.k === 0) return;
    const { docs, scores } = this;
    if (this.size < this.k) {
      let i = this.size++;
      docs[i] = doc;
      scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score < scores[0] || (score === scores[0] && doc > docs[0])) return;
    docs[0] = doc;
    scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.below(l, m)) m = l;
      if (r < this.size && this.below(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** The positions held, in heap order. */
  positions(): number[] {
    return Array.from(this.docs.subarray(0, this.size));
  }

  /** Best first. */
  sorted(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.docs[i], this.scores[i]]);
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
