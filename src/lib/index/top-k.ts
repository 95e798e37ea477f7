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

  offer(doc: number, score: number): void {
    const { docs, scores, k } = this;
    if (k === 0) return;
    // Sift with the comparisons written out (no helper calls): a cold query offers thousands of candidates
    // before the JIT has optimised this method.
    let i: number;
    if (this.size < k) {
      i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = scores[parent];
        if (ps < score || (ps === score && docs[parent] > doc)) break;
        docs[i] = docs[parent];
        scores[i] = ps;
        i = parent;
      }
    } else {
      if (score < scores[0] || (score === scores[0] && doc > docs[0])) return;
      const size = this.size;
      i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let m = l;
        if (r < size && (scores[r] < scores[l] || (scores[r] === scores[l] && docs[r] > docs[l]))) m = r;
        const ms = scores[m];
        if (!(ms < score || (ms === score && docs[m] > doc))) break;
        docs[i] = docs[m];
        scores[i] = ms;
        i = m;
      }
    }
    docs[i] = doc;
    scores[i] = score;
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
