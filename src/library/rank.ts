/**
 * Ranking the library for a page with the bundled engine's arithmetic: the page's query terms and weights
 * (RelatedEngine.analyze: saturation × idf^idfPower over the bundled statistics) against each remembered
 * article's stored saturation levels, as Scorer does over the bundled postings. The cosine and the confidence
 * are computed as for a bundled result, so the two lists can be merged by one comparable number: which hits
 * are listed reads the query terms' cosine (as the bundled `listed` rule), the confidence the whole page's
 * (query terms and the page's other strong terms, RelatedEngine.scoreWholePage) with confidenceWholeHalf, as
 * the bundled ranking computes it. Left out: the bundled confidence's names factor (nameCover), which can only
 * lower it.
 */
import { confidenceOf, defaultRankParams } from '../lib/related/rank';
import type { Segment } from './segment';

export interface LibraryQuery {
  terms: ArrayLike<number>;
  weights: ArrayLike<number>;
  /** Norm of the whole page (RelatedEngine.analyze), the cosine's denominator with the document's norm. */
  norm: number;
  /** The page's other strong terms and weights (AnalyzedQuery.restTerms): the whole-page cosine's rest. */
  restTerms?: ArrayLike<number>;
  restWeights?: ArrayLike<number>;
}

export interface LibraryHit {
  id: number;
  /** Σ weight × saturation over the matched query terms: a bundled candidate's raw score, same scale. */
  score: number;
  cosine: number;
  /** The bundled results' calibrated confidence: of the whole-page cosine when the query has its rest terms. */
  confidence: number;
}

export interface LibraryRankOptions {
  k1: number;
  limit: number;
  /** Library ids never returned (the page itself). */
  exclude?: ReadonlySet<number>;
  /** Hits below this confidence are left out (default: the bundled ranking's minConfidence). */
  minConfidence?: number;
}

/** Every SAMPLE_STEP-th term of a segment: a lookup searches this (small, so it stays in cache) before the block. */
const SAMPLE_STEP = 32;
const samples = new WeakMap<Uint32Array, Uint32Array>();

function sampleOf(terms: Uint32Array): Uint32Array {
  let sample = samples.get(terms);
  if (!sample) {
    sample = new Uint32Array(Math.ceil(terms.length / SAMPLE_STEP));
    for (let i = 0; i < sample.length; i++) sample[i] = terms[i * SAMPLE_STEP];
    samples.set(terms, sample);
  }
  return sample;
}

/**
 * The slot of term `t` in a segment's ascending terms, or -1. A plain binary search over a collection's dozens of
 * segments misses the cache at most of its steps (it was a third of a library query's cost): the sample finds the
 * block of SAMPLE_STEP terms that can hold `t`, then the block is searched.
 */
function findTerm(terms: Uint32Array, sample: Uint32Array, t: number): number {
  // The last sampled term ≤ t.
  let lo = 0;
  let hi = sample.length - 1;
  if (hi < 0 || sample[0] > t) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sample[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  let from = lo * SAMPLE_STEP;
  let to = Math.min(terms.length, from + SAMPLE_STEP) - 1;
  while (from <= to) {
    const mid = (from + to) >>> 1;
    const x = terms[mid];
    if (x === t) return mid;
    if (x < t) from = mid + 1;
    else to = mid - 1;
  }
  return -1;
}

/**
 * The first index in postDocs[from, to) (ascending) whose document is at least `doc`, or `to`. Galloping from
 * `from`: the listed documents are looked up in ascending order, each from where the previous one was found, so
 * a term's lookups cost about its postings or the listed documents' count × log of the gaps, whichever is
 * smaller (a binary search of the whole list for each was half of a library query over a 10,000-article
 * collection: CPU profile, bench:library's slowest pages).
 */
export function lowerBoundFrom(postDocs: Uint32Array, from: number, to: number, doc: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  // Widen [lo, hi] until postDocs[hi] ≥ doc (or the end): every index below lo holds a smaller document.
  while (hi < to && postDocs[hi] < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postDocs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The query terms' scores of one segment's documents, reused by every query (a query is one synchronous call). */
let scratch = new Float64Array(0);

export function rankLibrary(segments: readonly Segment[], q: LibraryQuery, o: LibraryRankOptions): LibraryHit[] {
  const satTable = Float64Array.from({ length: 16 }, (_, level) => (level / 15) * (o.k1 + 1));
  const minConfidence = o.minConfidence ?? defaultRankParams.minConfidence;
  const hits: LibraryHit[] = [];
  const p = defaultRankParams;
  const whole = p.confidenceWholeHalf > 0 && q.restTerms !== undefined && q.restWeights !== undefined;
  // The cosine under which confidenceOf is below minConfidence (c² / (c² + half²) ≥ m ⟺ c ≥ half·√(m / (1 − m))),
  // a little lower so that rounding never drops a document: the ones above it are then asked confidenceOf itself.
  const floor = minConfidence >= 1 ? Infinity : p.confidenceHalf * Math.sqrt(Math.max(0, minConfidence) / (1 - minConfidence)) * (1 - 1e-9);
  for (const s of segments) {
    const n = s.docIds.length;
    if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
    const acc = scratch;
    const sample = sampleOf(s.terms);
    acc.fill(0, 0, n);
    for (let i = 0; i < q.terms.length; i++) {
      const slot = findTerm(s.terms, sample, q.terms[i]);
      if (slot < 0) continue;
      const w = q.weights[i];
      for (let at = s.postOffsets[slot], end = s.postOffsets[slot + 1]; at < end; at++) acc[s.postDocs[at]] += w * satTable[s.postLevels[at]];
    }
    // Listed as a bundled candidate is (its query terms' cosine); confident as one is (the whole page's).
    const listed: number[] = [];
    const scoreFloor = floor * q.norm;
    for (let local = 0; local < n; local++) {
      const score = acc[local];
      if (score <= 0 || score < scoreFloor * s.docNorm[local] || o.exclude?.has(s.docIds[local])) continue;
      if (confidenceOf(score / (q.norm * s.docNorm[local] || 1), p.confidenceHalf) >= minConfidence) listed.push(local);
    }
    if (listed.length === 0) continue;
    // The whole page's other terms (about a hundred) are looked up for the listed documents only, each in the
    // term's postings (ascending documents): a walk of every posting of them was most of a query's cost. Each
    // document's sum is taken in the terms' order, as a walk would add them, so the confidences are the same.
    const rest = whole ? new Float64Array(listed.length) : null;
    if (rest) {
      const terms = q.restTerms!;
      const weights = q.restWeights!;
      for (let i = 0; i < terms.length; i++) {
        const slot = findTerm(s.terms, sample, terms[i]);
        if (slot < 0) continue;
        const w = weights[i];
        const to = s.postOffsets[slot + 1];
        for (let j = 0, at = s.postOffsets[slot]; j < listed.length && at < to; j++) {
          at = lowerBoundFrom(s.postDocs, at, to, listed[j]);
          if (at < to && s.postDocs[at] === listed[j]) rest[j] += w * satTable[s.postLevels[at]];
        }
      }
    }
    listed.forEach((local, j) => {
      const score = acc[local];
      const denominator = q.norm * s.docNorm[local] || 1;
      const cosine = score / denominator;
      const confidence = rest ? confidenceOf((score + rest[j]) / denominator, p.confidenceWholeHalf) : confidenceOf(cosine, p.confidenceHalf);
      hits.push({ id: s.docIds[local], score, cosine, confidence });
    });
  }
  return hits.sort((a, b) => b.confidence - a.confidence || a.id - b.id).slice(0, o.limit);
}
