/**
 * Which terms of an article make its related-articles query, and how much each weighs. Like Lucene's
 * MoreLikeThis (best tf·idf terms of the article), but with the index's own statistics: BM25 saturation
 * instead of raw tf, a short page topped up with its best single-occurrence terms, and weights kept instead
 * of a flat OR.
 */
import { saturate } from './terms';

export interface QueryTermParams {
  /** At most this many terms make the query (MoreLikeThis: 25). */
  maxTerms: number;
  /** Terms in fewer documents than this are left out (MoreLikeThis: 5): mostly typos and one-off phrases. */
  minDf: number;
  /** Terms whose boosted frequency in the article is below this are left out (MoreLikeThis: 2, unboosted)… */
  minTf: number;
  /** …unless fewer than this many terms remain: then the best of them are taken anyway (short pages). */
  minTerms: number;
  /** Terms in more than this share of documents are left out (they carry little and cost the most). */
  maxDfRatio: number;
}

/** The query-term selection of both sides: the builder's neighbour queries and the engine's live queries. */
export const defaultQueryTermParams: QueryTermParams = {
  maxTerms: 30,
  minDf: 3,
  minTf: 2,
  minTerms: 8,
  maxDfRatio: 0.25,
};

export interface WeightContext {
  idf: Float32Array;
  /** Document frequency before pruning, by term id. */
  df: Uint32Array;
  docCount: number;
  avgLength: number;
  k1: number;
  b: number;
  /** Score contribution = sat_q × sat_d × idf^idfPower (an index parameter: document norms depend on it). */
  idfPower: number;
}

export interface QueryTerms {
  /** Term ids, strongest first. */
  terms: number[];
  /** Score weight of each term: saturation × idf^idfPower. */
  weights: number[];
  /** Norm of the whole article's vector under the same weighting (for the cosine used as confidence). */
  norm: number;
}

export function selectQueryTerms(
  counts: Map<number, number>,
  length: number,
  ctx: WeightContext,
  p: QueryTermParams,
): QueryTerms {
  const maxDf = Math.max(2, p.maxDfRatio * ctx.docCount);
  // A small corpus can't ask for df ≥ 3: scale the floor down below ~6,000 documents.
  const minDf = Math.max(1, Math.min(p.minDf, Math.floor(ctx.docCount / 2000)));
  const strong: { term: number; key: number; sat: number }[] = [];
  const weak: { term: number; key: number; sat: number }[] = [];
  for (const [term, tf] of counts) {
    if (ctx.df[term] > maxDf || ctx.df[term] < minDf) continue;
    const sat = saturate(tf, Math.max(length, 1), ctx.avgLength, ctx.k1, ctx.b);
    (tf >= p.minTf ? strong : weak).push({ term, key: sat * ctx.idf[term], sat });
  }
  const byKey = (a: { key: number; term: number }, b: { key: number; term: number }) => b.key - a.key || a.term - b.term;
  strong.sort(byKey);
  const chosen = strong.slice(0, p.maxTerms);
  // A short page repeats few words: top up with its best single-occurrence terms rather than return nothing.
  if (chosen.length < p.minTerms) chosen.push(...weak.sort(byKey).slice(0, p.minTerms - chosen.length));
  const terms: number[] = [];
  const weights: number[] = [];
  let norm2 = 0;
  for (const { term, sat } of chosen) {
    terms.push(term);
    weights.push(sat * Math.pow(ctx.idf[term], ctx.idfPower));
  }
  // The norm is the whole article's, not only the chosen terms', so that cosine = score / (norm · docNorm)
  // says how much of the article a result accounts for.
  for (const [term, tf] of counts) {
    const sat = saturate(tf, Math.max(length, 1), ctx.avgLength, ctx.k1, ctx.b);
    norm2 += sat * sat * Math.pow(ctx.idf[term], ctx.idfPower);
  }
  return { terms, weights, norm: Math.sqrt(norm2) };
}
