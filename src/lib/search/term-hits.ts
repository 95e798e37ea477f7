/**
 * What one query term contributes: its title matches (scored by MiniSearch) and its lead matches (BM25).
 * Computed once per term and cached, because search-as-you-type re-sends every earlier word on each keystroke:
 * only the word being typed is new work.
 */
import type { PostingsTable } from './postings.ts';
import type { SearchTuning } from './options.ts';
import type { TitleIndex } from './title-index.ts';

export interface TermHits {
  /** Documents whose title matched, ascending, with MiniSearch's score and the title terms that matched. */
  titleDocs: Int32Array;
  titleScores: Float64Array;
  titleTerms: string[][];
  /** Documents whose lead has the term, ascending, with the weighted BM25 score. */
  leadDocs: Int32Array;
  leadScores: Float64Array;
}

const identity = (t: string) => t;
const splitNone = (s: string) => [s];
/** MiniSearch's default weight of a prefix match, before its length discount (weights.prefix). */
const PREFIX_WEIGHT = 0.375;

/** Title and lead hits of a complete word; fuzzy (one edit) when `fuzzy` is set. */
export function wordHits(term: string, fuzzy: boolean, title: TitleIndex, lead: PostingsTable, tuning: SearchTuning): TermHits {
  const raw = title.execute(term, {
    tokenize: splitNone,
    processTerm: identity,
    fuzzy: fuzzy ? 1 : false,
    bm25: tuning.titleBm25,
  });
  const acc = new Map<number, { score: number; terms: string[] }>();
  for (const [doc, m] of raw) acc.set(doc, { score: m.score, terms: Object.keys(m.match) });
  return finish(acc, leadHits(term, lead, tuning));
}

/**
 * Hits of the word being typed: its exact term plus its most frequent completions in the titles, each weighted
 * as MiniSearch weights a prefix match. Bounded (tuning.maxExpansions, tuning.expansionBudget) because a short
 * prefix such as "است" has hundreds of completions, and scoring them all would make that keystroke slow.
 */
export function prefixHits(prefix: string, title: TitleIndex, lead: PostingsTable, tuning: SearchTuning): TermHits {
  const completions: { term: string; df: number }[] = [];
  for (const [term, df] of title.completions(prefix)) if (term !== prefix) completions.push({ term, df });
  completions.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
  const chosen = title.has(prefix) ? [prefix] : [];
  let budget = tuning.expansionBudget;
  for (const c of completions) {
    if (chosen.length >= tuning.maxExpansions || (c.df > budget && chosen.length > 0)) break;
    chosen.push(c.term);
    budget -= c.df;
  }
  const acc = new Map<number, { score: number; terms: string[] }>();
  for (const term of chosen) {
    const distance = term.length - prefix.length;
    const weight = distance === 0 ? 1 : (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);
    const raw = title.execute(term, { tokenize: splitNone, processTerm: identity, bm25: tuning.titleBm25 });
    for (const [doc, m] of raw) {
      const a = acc.get(doc);
      if (a) {
        a.score += weight * m.score;
        a.terms.push(term);
      } else acc.set(doc, { score: weight * m.score, terms: [term] });
    }
  }
  return finish(acc, leadHits(prefix, lead, tuning));
}

function leadHits(term: string, lead: PostingsTable, t: SearchTuning): { docs: Int32Array; scores: Float64Array } {
  const i = lead.find(term);
  if (i < 0) return { docs: new Int32Array(0), scores: new Float64Array(0) };
  const n = lead.header.docCount;
  const df = lead.df(i);
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * t.leadWeight;
  const avg = lead.header.avgLength || 1;
  const lengths = lead.lengths;
  const k1 = t.leadK1;
  const b = t.leadB;
  const docs = new Int32Array(df);
  const scores = new Float64Array(df);
  let j = 0;
  lead.forEach(i, (p, tf) => {
    docs[j] = p;
    scores[j++] = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[p]) / avg));
  });
  return { docs, scores };
}

function finish(acc: Map<number, { score: number; terms: string[] }>, lead: { docs: Int32Array; scores: Float64Array }): TermHits {
  const docs = Int32Array.from(acc.keys()).sort();
  const scores = new Float64Array(docs.length);
  const terms: string[][] = new Array(docs.length);
  docs.forEach((d, i) => {
    const a = acc.get(d)!;
    scores[i] = a.score;
    terms[i] = a.terms;
  });
  return { titleDocs: docs, titleScores: scores, titleTerms: terms, leadDocs: lead.docs, leadScores: lead.scores };
}

/** The title terms of `doc` that matched `hits`, or undefined (binary search: titleDocs is ascending). */
export function titleTermsOf(hits: TermHits, doc: number): string[] | undefined {
  let lo = 0;
  let hi = hits.titleDocs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = hits.titleDocs[mid];
    if (d === doc) return hits.titleTerms[mid];
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
