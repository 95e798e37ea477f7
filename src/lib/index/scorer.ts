import { SAT_BITS, SAT_LEVELS_BASE, SAT_MASK, dequantizeSat, type ChunkedBytes } from './bytes';
import { TopK } from './top-k';

/**
 * The scoring loop of related articles over the shipped postings, used by the engine at query time and by the
 * builder to precompute each corpus article's neighbours, so both answer with the same arithmetic.
 *
 * Postings: for each term, its documents in ascending order, one varint each: gap × SAT_LEVELS_BASE + level,
 * where the level (1..SAT_LEVELS) is the document's BM25 term-frequency saturation quantized over 0..k1+1; a match adds
 * queryWeight × idf^idfPower × saturation to the document's score (see DESIGN.md "Ranking").
 */

export interface PostingsArrays {
  /** idf of each term, by term id. */
  idf: Float32Array;
  /** Byte offset of each term's postings; length termCount + 1. */
  postOffsets: Uint32Array;
  /** The postings, in chunks (see ChunkedBytes): a term's list lies within one chunk. */
  postings: ChunkedBytes;
  docCount: number;
  k1: number;
}

export interface Candidate {
  position: number;
  /** What the candidate is ranked by. */
  score: number;
  /** Its score from the page's own terms alone, when the query was expanded beyond them (see `score`). */
  pageScore?: number;
  /** Bit i set when query term i (in the order given to score) matched this document; first 32 terms only. */
  mask: number;
  /** Cosine with the whole page (its strongest terms, not only the query's), when computed. */
  wholeCosine?: number;
}

export class Scorer {
  private readonly acc: Float32Array;
  private readonly accPage: Float32Array;
  private readonly mask: Uint32Array;
  private readonly touched: Uint32Array;
  /** walkShortlist's index of each wanted document, plus one (0: not wanted); all zero between calls. */
  private readonly slot: Int32Array;
  private readonly satTable: Float32Array;
  private readonly heap = new TopK();

  constructor(private readonly p: PostingsArrays) {
    this.acc = new Float32Array(p.docCount);
    this.accPage = new Float32Array(p.docCount);
    this.mask = new Uint32Array(p.docCount);
    this.touched = new Uint32Array(p.docCount);
    this.slot = new Int32Array(p.docCount);
    // The saturation of each 4-bit level (see quantizeSat in bytes.ts).
    this.satTable = Float32Array.from({ length: SAT_LEVELS_BASE }, (_, level) => dequantizeSat(level, p.k1));
  }

  /** The query being scored between begin and end: its touched count, its page terms, its cut factor. */
  private pass: { touchedCount: number; pageTerms: number; cutFactor: ((doc: number) => number) | null; expanded: boolean } | null = null;

  /**
   * Start a query: add the page's terms into the accumulators. Then `top` ranks, `expand` adds extra terms (the
   * page's postings are walked once for both rankings) and `end` clears the accumulators. All synchronously:
   * the accumulators are the scorer's own, so no other query may run between begin and end.
   *
   * `cutFactor`, when given, multiplies each document's score by a factor in (0, 1] for choosing the best
   * `limit` only (the candidates keep their plain scores): the re-ranking's cheap factors, such as date
   * proximity, then decide which documents reach it, not only their order once there.
   */
  begin(terms: ArrayLike<number>, weights: ArrayLike<number>, cutFactor: ((doc: number) => number) | null = null): void {
    if (this.pass) throw new Error('Scorer.begin: the previous query has not ended');
    this.pass = { touchedCount: this.accumulate(terms, weights, 0, 0), pageTerms: terms.length, cutFactor, expanded: false };
  }

  /** The best `limit` documents so far; after `expand`, each also has its `pageScore` from the page's terms alone. */
  top(limit: number): Candidate[] {
    const pass = this.openPass();
    const result = this.topK(pass.touchedCount, limit, -1, pass.cutFactor);
    if (pass.expanded) for (const c of result) c.pageScore = this.accPage[c.position];
    return result;
  }

  /** Add extra terms to the query (once); extra term i sets mask bit pageTerms + i (none from bit 32 on). */
  expand(terms: ArrayLike<number>, weights: ArrayLike<number>): void {
    const pass = this.openPass();
    if (pass.expanded) throw new Error('Scorer.expand: the query is expanded already');
    for (let i = 0; i < pass.touchedCount; i++) this.accPage[this.touched[i]] = this.acc[this.touched[i]];
    pass.touchedCount = this.accumulate(terms, weights, pass.touchedCount, pass.pageTerms);
    pass.expanded = true;
  }

  end(): void {
    if (this.pass) this.reset(this.pass.touchedCount);
    this.pass = null;
  }

  private openPass(): NonNullable<Scorer['pass']> {
    if (!this.pass) throw new Error('Scorer: no query begun');
    return this.pass;
  }

  /** begin, expand with `extra` (when given), top and end in one call. */
  scoreExpanded(
    terms: ArrayLike<number>,
    weights: ArrayLike<number>,
    limit: number,
    extra: { terms: number[]; weights: number[] } | null,
    cutFactor: ((doc: number) => number) | null = null,
  ): Candidate[] {
    this.begin(terms, weights, cutFactor);
    try {
      if (extra) this.expand(extra.terms, extra.weights);
      return this.top(limit);
    } finally {
      this.end();
    }
  }

  /**
   * Score every document sharing a term with the query and return the best `limit`, highest first.
   * `weights[i]` already includes idf^idfPower; `exclude` (a position, or -1) is left out.
   */
  score(terms: ArrayLike<number>, weights: ArrayLike<number>, limit: number, exclude = -1): Candidate[] {
    const touchedCount = this.accumulate(terms, weights, 0, 0);
    const result = this.topK(touchedCount, limit, exclude);
    this.reset(touchedCount);
    return result;
  }

  /**
   * Add weight × saturation of each term's documents into the accumulators; terms[i] sets mask bit firstBit + i
   * (none from bit 32 on). Returns the new count of touched documents.
   */
  private accumulate(terms: ArrayLike<number>, weights: ArrayLike<number>, touchedCount: number, firstBit: number): number {
    const { postOffsets } = this.p;
    const { acc, mask, touched, satTable } = this;
    // Local copies of the imported constants: where modules are compiled to CommonJS (tsx, so the node benches and
    // the eval), each read of an import is a getter call on the module object, a fifth of a query's CPU there.
    // The extension's bundle reads them directly: there this changes nothing.
    const satBits = SAT_BITS;
    const satMask = SAT_MASK;
    for (let q = 0; q < terms.length; q++) {
      const t = terms[q];
      const w = weights[q];
      const bit = firstBit + q < 32 ? 1 << (firstBit + q) : 0;
      const postings = this.p.postings.slice(postOffsets[t], postOffsets[t + 1]);
      let doc = 0;
      // The varint decoded inline (see bytes.ts: the reader's calls cost a cold first query).
      for (let at = 0; at < postings.length; ) {
        let b = postings[at++];
        let v = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = postings[at++];
          v |= (b & 0x7f) << shift;
        }
        doc += v >>> satBits;
        const s = satTable[v & satMask];
        if (acc[doc] === 0 && mask[doc] === 0) touched[touchedCount++] = doc;
        acc[doc] += w * s;
        mask[doc] |= bit;
      }
    }
    return touchedCount;
  }

  private reset(touchedCount: number): void {
    const { acc, mask, accPage, touched } = this;
    for (let i = 0; i < touchedCount; i++) {
      acc[touched[i]] = 0;
      mask[touched[i]] = 0;
      accPage[touched[i]] = 0;
    }
  }

  /**
   * The score of each of `positions` for these terms (same arithmetic as `score`), walking the terms' whole
   * postings but adding only into the wanted documents: for re-scoring a shortlist with more terms.
   */
  scoreFor(terms: ArrayLike<number>, weights: ArrayLike<number>, positions: number[]): Float64Array {
    const { satTable } = this;
    const out = new Float64Array(positions.length);
    this.walkShortlist(terms, terms.length, positions, (i, q, level) => (out[i] += weights[q] * satTable[level]));
    return out;
  }

  /** For each of `positions`, the bitmask of query terms (first 32) whose postings contain it. */
  matchMasks(terms: ArrayLike<number>, positions: number[]): number[] {
    const masks = positions.map(() => 0);
    this.walkShortlist(terms, Math.min(32, terms.length), positions, (i, q) => (masks[i] |= 1 << q));
    return masks;
  }

  /**
   * Walks the postings of the first `count` terms and calls `hit(i, q, level)` where term q's list holds
   * positions[i]. Only hits call back, so the cost is the decoding of the lists; a list's walk stops past the
   * last wanted document (lists ascend), which no later posting can be.
   */
  private walkShortlist(terms: ArrayLike<number>, count: number, positions: number[], hit: (i: number, q: number, level: number) => void): void {
    if (positions.length === 0) return;
    const { postOffsets } = this.p;
    const { slot } = this;
    const satBits = SAT_BITS; // local copies, as in accumulate
    const satMask = SAT_MASK;
    let last = 0;
    positions.forEach((p, i) => {
      slot[p] = i + 1;
      if (p > last) last = p;
    });
    for (let q = 0; q < count; q++) {
      const postings = this.p.postings.slice(postOffsets[terms[q]], postOffsets[terms[q] + 1]);
      let doc = 0;
      // The varint decoded inline (see bytes.ts: the reader's calls cost a cold first query).
      for (let at = 0; at < postings.length; ) {
        let b = postings[at++];
        let v = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = postings[at++];
          v |= (b & 0x7f) << shift;
        }
        doc += v >>> satBits;
        if (doc > last) break;
        const i = slot[doc];
        if (i !== 0) hit(i - 1, q, v & satMask);
      }
    }
    for (const p of positions) slot[p] = 0;
  }

  /** The best `limit` touched documents by score × cutFactor (when given), returned by score, highest first. */
  private topK(touchedCount: number, limit: number, exclude: number, cutFactor: ((doc: number) => number) | null = null): Candidate[] {
    const { acc, touched, heap: top } = this;
    top.reset(limit);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      const raw = acc[doc];
      if (doc === exclude || raw <= 0) continue;
      // A factor is at most 1: a document whose plain score is below the current worst cannot enter.
      if (top.full && raw < top.worst) continue;
      top.offer(doc, cutFactor ? raw * cutFactor(doc) : raw);
    }
    const out: Candidate[] = [];
    for (const position of top.positions()) out.push({ position, score: acc[position], mask: this.mask[position] });
    out.sort((a, b) => b.score - a.score || a.position - b.position);
    return out;
  }
}
