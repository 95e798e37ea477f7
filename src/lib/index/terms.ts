/**
 * How an article becomes weighted terms, shared by the index builder (over term ids) and the query side (over
 * the page's text), so that the two can never count differently.
 *
 * An article is two token sequences, title and body, of term ids; `BREAK` marks where two neighbouring analyzed
 * tokens were not adjacent in the text (a stopword or punctuation was between them), so no two-word term is
 * formed across it. Title tokens count `titleBoost` times, the lead (first `leadTokens` tokens of the body)
 * `leadBoost` times, the rest once.
 */
import { analyzeTokens } from '../text';

export const BREAK = 0xffffffff;
/** A query token that is not in the vocabulary: it matches nothing but still separates its neighbours. */
export const UNKNOWN = 0xfffffffe;

export interface TermParams {
  titleBoost: number;
  leadBoost: number;
  leadTokens: number;
  /** Count two-word terms (adjacent tokens) when they are in the vocabulary. */
  bigrams: boolean;
  /** Bigram weight relative to a unigram occurrence. */
  bigramBoost: number;
}

/** Term sequence of one field: analyzed terms in order, with BREAK where tokens were not adjacent. */
export function toSequence(tokens: { term: string; position: number }[], idOf: (term: string) => number): number[] {
  const seq: number[] = [];
  let last = -2;
  for (const token of tokens) {
    if (token.position !== last + 1 && seq.length > 0) seq.push(BREAK);
    seq.push(idOf(token.term));
    last = token.position;
  }
  return seq;
}

/** Analyze a text into a term-id sequence (see toSequence). */
export function analyzeToSequence(text: string, idOf: (term: string) => number): number[] {
  return toSequence(analyzeTokens(text), idOf);
}

/**
 * Boosted term frequencies of one article. `bigramId(a, b)` returns the id of the two-word term or -1.
 * Returns the number of counted unigram tokens (the article length used for length normalisation).
 */
export function countTerms(
  title: ArrayLike<number>,
  body: ArrayLike<number>,
  params: TermParams,
  bigramId: ((a: number, b: number) => number) | null,
  into: Map<number, number>,
): number {
  let length = 0;
  const field = (seq: ArrayLike<number>, boostAt: (i: number) => number) => {
    let prev = BREAK;
    let tokenIndex = 0;
    for (let i = 0; i < seq.length; i++) {
      const id = seq[i];
      if (id === BREAK) {
        prev = BREAK;
        continue;
      }
      const boost = boostAt(tokenIndex++);
      length++;
      if (id !== UNKNOWN) into.set(id, (into.get(id) ?? 0) + boost);
      if (bigramId && prev !== BREAK && prev !== UNKNOWN && id !== UNKNOWN) {
        const bi = bigramId(prev, id);
        if (bi >= 0) into.set(bi, (into.get(bi) ?? 0) + boost * params.bigramBoost);
      }
      prev = id;
    }
  };
  field(title, () => params.titleBoost);
  field(body, (i) => (i < params.leadTokens ? params.leadBoost : 1));
  return length;
}

/** BM25 term-frequency saturation with length normalisation. */
export function saturate(tf: number, length: number, avgLength: number, k1: number, b: number): number {
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
}

/** BM25 idf (never negative). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
