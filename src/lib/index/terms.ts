/**
 * How an article becomes weighted terms, shared by the index builder (over term ids) and the query side (over
 * the page's text), so that the two can never count differently.
 *
 * An article is two sequences, title and body, of the term ids of its analyzed tokens. Title tokens count
 * `titleBoost` times, the lead (first `leadTokens` tokens of the body) `leadBoost` times, the rest once.
 */

/** A query token that is not in the vocabulary: it matches nothing but counts in the page's length. */
export const UNKNOWN = 0xfffffffe;

export interface TermParams {
  titleBoost: number;
  leadBoost: number;
  leadTokens: number;
}

/** Term-id sequence of one field: its analyzed terms in order. */
export function toSequence(tokens: { term: string }[], idOf: (term: string) => number): number[] {
  return tokens.map((token) => idOf(token.term));
}

/** Boosted term frequencies of one article into `into`; returns its length in tokens (for length normalisation). */
export function countTerms(title: ArrayLike<number>, body: ArrayLike<number>, params: TermParams, into: Map<number, number>): number {
  const field = (seq: ArrayLike<number>, boostAt: (i: number) => number) => {
    for (let i = 0; i < seq.length; i++) {
      if (seq[i] !== UNKNOWN) into.set(seq[i], (into.get(seq[i]) ?? 0) + boostAt(i));
    }
  };
  field(title, () => params.titleBoost);
  field(body, (i) => (i < params.leadTokens ? params.leadBoost : 1));
  return title.length + body.length;
}

/** BM25 term-frequency saturation with length normalisation. */
export function saturate(tf: number, length: number, avgLength: number, k1: number, b: number): number {
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
}

/** BM25 idf (never negative). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
