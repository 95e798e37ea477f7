/**
 * What one query term contributes: its title matches (MiniSearch's BM25+ score) and its lead matches (BM25).
 * Computed once per term and cached, because search-as-you-type re-sends every earlier word on each keystroke:
 * only the word being typed is new work.
 *
 * Title scores are MiniSearch's: the formula of its calcBM25Score and its weights for prefix and fuzzy
 * matches, summed per title in the same order (title-index.test.ts checks them against `mini.search`). They
 * are computed here from the postings into typed arrays because MiniSearch's executeQuery makes a result
 * object, a terms array and a match record per matching title, and its term data a Map: for a term in 13,000
 * titles (مصر in egypt-2013) a keystroke took 10–100 ms, most of it garbage collection.
 */
import type { PostingsTable } from './postings';
import type { SearchTuning } from './options';
import type { TitleIndex } from './title-index';

export interface TermHits {
  /** Documents whose title matched (each once, in no particular order), with the summed title score. */
  titleDocs: Int32Array;
  titleScores: Float64Array;
  /** The title terms that matched, each with its documents ascending (to name the matched words). */
  titleTerms: { term: string; docs: Int32Array }[];
  /** Documents whose lead has the term, ascending, with the weighted BM25 score. */
  leadDocs: Int32Array;
  leadScores: Float64Array;
}

/** MiniSearch's default weights of a prefix and a fuzzy match, before their length discount (weights.*). */
export const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** Per-document scratch arrays, all zero between calls (the searcher lends its own: no second copy). */
export interface Scratch {
  sum: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
}

export class TermScorer {
  constructor(
    private readonly title: TitleIndex,
    private readonly lead: PostingsTable,
    private readonly tuning: SearchTuning,
    private readonly scratch: Scratch,
  ) {}

  /** A complete word: its title term, and when `fuzzy` its one-edit neighbours (MiniSearch's fuzzy: 1). */
  word(term: string, fuzzy: boolean): TermHits {
    const chosen: [string, number][] = [[term, 1]];
    if (fuzzy) for (const [t, distance] of this.title.fuzzy(term, 1)) chosen.push([t, (FUZZY_WEIGHT * t.length) / (t.length + distance)]);
    return this.hits(chosen, term);
  }

  /**
   * The word being typed: its exact term plus its most frequent completions in the titles, each weighted as
   * MiniSearch weights a prefix match. Bounded (tuning.maxExpansions, tuning.expansionBudget) because a short
   * prefix such as "است" has hundreds of completions, and scoring them all would make that keystroke slow.
   */
  prefix(prefix: string): TermHits {
    const completions: { term: string; df: number }[] = [];
    for (const [term, df] of this.title.completions(prefix)) if (term !== prefix) completions.push({ term, df });
    completions.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
    const chosen: [string, number][] = this.title.has(prefix) ? [[prefix, 1]] : [];
    let budget = this.tuning.expansionBudget;
    for (const c of completions) {
      if (chosen.length >= this.tuning.maxExpansions || (c.df > budget && chosen.length > 0)) break;
      const distance = c.term.length - prefix.length;
      chosen.push([c.term, (PREFIX_WEIGHT * c.term.length) / (c.term.length + 0.3 * distance)]);
      budget -= c.df;
    }
    return this.hits(chosen, prefix);
  }

  /** Title hits of the chosen (term, weight) pairs, summed per document in the given order, and the lead's. */
  private hits(chosen: [string, number][], leadTerm: string): TermHits {
    const table = this.title.table;
    const lists: { term: string; docs: Int32Array; scores: Float64Array }[] = [];
    for (const [term, weight] of chosen) {
      const i = table.find(term);
      if (i >= 0) lists.push({ term, ...this.titleScores(i, weight) });
    }
    const titleTerms = lists.map(({ term, docs }) => ({ term, docs }));
    const lead = this.leadHits(leadTerm);
    if (lists.length <= 1) {
      const one = lists[0] ?? { docs: new Int32Array(0), scores: new Float64Array(0) };
      return { titleDocs: one.docs, titleScores: one.scores, titleTerms, leadDocs: lead.docs, leadScores: lead.scores };
    }
    const { sum, seen, touched } = this.scratch;
    let n = 0;
    for (const { docs, scores } of lists) {
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j];
        if (!seen[d]) (seen[d] = 1), (touched[n++] = d);
        sum[d] += scores[j];
      }
    }
    const titleDocs = touched.slice(0, n);
    const titleScores = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const d = titleDocs[j];
      titleScores[j] = sum[d];
      sum[d] = 0;
      seen[d] = 0;
    }
    return { titleDocs, titleScores, titleTerms, leadDocs: lead.docs, leadScores: lead.scores };
  }

  /** weight × MiniSearch's BM25+ (calcBM25Score, written the same way) of title term `i`, for each title with it. */
  private titleScores(i: number, weight: number): { docs: Int32Array; scores: Float64Array } {
    const table = this.title.table;
    const { docs, tfs } = table.decode(i);
    const { k, b, d } = this.tuning.titleBm25;
    const totalCount = table.header.docCount;
    const avgFieldLength = table.header.avgLength;
    const lengths = table.lengths;
    const invDocFreq = Math.log(1 + (totalCount - docs.length + 0.5) / (docs.length + 0.5));
    const scores = new Float64Array(docs.length);
    for (let j = 0; j < docs.length; j++) {
      const termFreq = tfs[j];
      const fieldLength = lengths[docs[j]];
      scores[j] = weight * (invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength))));
    }
    return { docs, scores };
  }

  private leadHits(term: string): { docs: Int32Array; scores: Float64Array } {
    const { lead, tuning: t } = this;
    const i = lead.find(term);
    if (i < 0) return { docs: new Int32Array(0), scores: new Float64Array(0) };
    const { docs, tfs } = lead.decode(i);
    const n = lead.header.docCount;
    const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5)) * t.leadWeight;
    const avg = lead.header.avgLength || 1;
    const lengths = lead.lengths;
    const k1 = t.leadK1;
    const b = t.leadB;
    const scores = new Float64Array(docs.length);
    for (let j = 0; j < docs.length; j++) {
      const tf = tfs[j];
      scores[j] = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[docs[j]]) / avg));
    }
    return { docs, scores };
  }
}

/** The title terms of `doc` that matched `hits` (binary search in each matched term's documents). */
export function titleTermsOf(hits: TermHits, doc: number): string[] {
  const out: string[] = [];
  for (const { term, docs } of hits.titleTerms) {
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid] === doc) {
        out.push(term);
        break;
      }
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return out;
}
