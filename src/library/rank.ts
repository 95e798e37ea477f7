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

function findTerm(terms: Uint32Array, t: number): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] === t) return mid;
    if (terms[mid] < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function rankLibrary(segments: Segment[], q: LibraryQuery, o: LibraryRankOptions): LibraryHit[] {
  const satTable = Float64Array.from({ length: 16 }, (_, level) => (level / 15) * (o.k1 + 1));
  const minConfidence = o.minConfidence ?? defaultRankParams.minConfidence;
  const hits: LibraryHit[] = [];
  const p = defaultRankParams;
  const whole = p.confidenceWholeHalf > 0 && q.restTerms !== undefined && q.restWeights !== undefined;
  const add = (s: Segment, acc: Float64Array, terms: ArrayLike<number>, weights: ArrayLike<number>) => {
    for (let i = 0; i < terms.length; i++) {
      const slot = findTerm(s.terms, terms[i]);
      if (slot < 0) continue;
      const w = weights[i];
      for (let at = s.postOffsets[slot]; at < s.postOffsets[slot + 1]; at++) acc[s.postDocs[at]] += w * satTable[s.postLevels[at]];
    }
  };
  for (const s of segments) {
    const acc = new Float64Array(s.docIds.length);
    add(s, acc, q.terms, q.weights);
    // Listed as a bundled candidate is (its query terms' cosine); confident as one is (the whole page's).
    const listed: number[] = [];
    for (let local = 0; local < acc.length; local++) {
      const score = acc[local];
      if (score <= 0 || o.exclude?.has(s.docIds[local])) continue;
      if (confidenceOf(score / (q.norm * s.docNorm[local] || 1), p.confidenceHalf) >= minConfidence) listed.push(local);
    }
    // The whole page's other terms (about a hundred) are walked only for a segment with something to list: most
    // segments of an unrelated collection have nothing, and this walk is most of a query's cost.
    if (listed.length === 0) continue;
    const rest = whole ? new Float64Array(s.docIds.length) : null;
    if (rest) add(s, rest, q.restTerms!, q.restWeights!);
    for (const local of listed) {
      const score = acc[local];
      const denominator = q.norm * s.docNorm[local] || 1;
      const cosine = score / denominator;
      const confidence = rest ? confidenceOf((score + rest[local]) / denominator, p.confidenceWholeHalf) : confidenceOf(cosine, p.confidenceHalf);
      hits.push({ id: s.docIds[local], score, cosine, confidence });
    }
  }
  return hits.sort((a, b) => b.confidence - a.confidence || a.id - b.id).slice(0, o.limit);
}
