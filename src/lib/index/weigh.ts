/**
 * One document's postings entries: its strongest terms (static pruning) with their quantized BM25 saturation,
 * and its norm. The index builder weighs every corpus article with it, and the personal library (src/library)
 * weighs a remembered article with it over the bundled vocabulary and statistics, so that both are scored by
 * the same arithmetic.
 */
import { dequantizeSat, quantizeSat } from './bytes';
import { analyzeTokens } from '../text';
import type { LoadedIndex } from './load';
import { defaultQueryTermParams } from './query-terms';
import { UNKNOWN, countTerms, saturate, toSequence } from './terms';

export interface WeighStats {
  /** idf by term id. */
  idf: ArrayLike<number>;
  avgLength: number;
  k1: number;
  b: number;
  idfPower: number;
  keepTerms: number;
}

export interface WeighedDoc {
  /** Term ids kept, ascending. */
  terms: Uint32Array;
  /** Quantized saturation level (1..15) of each kept term. */
  levels: Uint8Array;
  norm: number;
}

/**
 * `counts`: boosted term frequency by term id (countTerms), already limited to terms that may have postings;
 * `length`: the document's length in tokens.
 */
export function weighDocument(counts: Iterable<[number, number]>, length: number, s: WeighStats): WeighedDoc {
  const halfPower = s.idfPower / 2;
  const entries: { t: number; sat: number; key: number }[] = [];
  for (const [t, tf] of counts) {
    const sat = saturate(tf, length, s.avgLength, s.k1, s.b);
    entries.push({ t, sat, key: sat * Math.pow(s.idf[t], halfPower) });
  }
  entries.sort((a, b) => b.key - a.key || a.t - b.t);
  const kept = entries.slice(0, s.keepTerms).sort((a, b) => a.t - b.t);
  const levels = Uint8Array.from(kept, (e) => quantizeSat(e.sat, s.k1));
  let norm2 = 0;
  kept.forEach((e, i) => {
    const q = dequantizeSat(levels[i], s.k1);
    norm2 += q * q * Math.pow(s.idf[e.t], s.idfPower);
  });
  return { terms: Uint32Array.from(kept, (e) => e.t), levels, norm: Math.sqrt(norm2) };
}

/**
 * A page or remembered article weighed over a loaded index's vocabulary and statistics, exactly as the builder
 * would have weighed it had it been in the corpus: words outside the vocabulary and words too common to have
 * postings are left out, the rest saturated against the corpus's avgLength and kept by idf.
 */
export function weighArticle(ix: LoadedIndex, article: { title?: string | null; body?: string | null }): WeighedDoc {
  const p = ix.meta.sila.params;
  const idOf = (term: string) => {
    const id = ix.termId(term);
    return id < 0 ? UNKNOWN : id;
  };
  const counts = new Map<number, number>();
  const length = countTerms(
    toSequence(analyzeTokens(article.title ?? ''), idOf),
    toSequence(analyzeTokens(article.body ?? ''), idOf),
    p,
    counts,
  );
  // The builder gives no postings to terms in more than maxDfRatio of the documents (see build.ts).
  const maxDf = Math.max(2, defaultQueryTermParams.maxDfRatio * ix.docCount);
  const eligible: [number, number][] = [];
  for (const [t, tf] of counts) if (ix.df[t] <= maxDf) eligible.push([t, tf]);
  return weighDocument(eligible, length, { idf: ix.idf, avgLength: ix.meta.sila.avgLength, k1: p.k1, b: p.b, idfPower: p.idfPower, keepTerms: p.keepTerms });
}
