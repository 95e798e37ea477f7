/**
 * Run time: answer a typed query. MiniSearch ranks the titles (BM25+, prefix on the word being typed, one-edit
 * fuzzy for words the index has never seen, and its coordination factor: more query words matched ranks
 * higher); the lead signal adds a BM25 score for words the article's opening uses but its title does not.
 */
import { analyzeTokens } from '../text/index.ts';
import type { PostingsTable } from './postings.ts';
import { parseQuery } from './query.ts';
import { searchTuning, type SearchTuning } from './options.ts';
import type { TitleIndex } from './title-index.ts';

export interface SearchHit {
  /** Index position of the article (the engine maps it to a DocRecord). */
  position: number;
  score: number;
  /** Title words, as written in the title, that matched the query: for highlighting. */
  matchedTerms: string[];
}

export interface SearchOptions {
  /** How many hits (default 10, at most 1000). */
  k?: number;
}

export interface Searcher {
  /**
   * Hits for what the user typed so far, best first; [] for an empty query. Never throws on any string.
   * @example searcher.search('وزارة الخارج', { k: 5 })
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  readonly docCount: number;
}

const identity = (t: string) => t;
const splitSpace = (s: string) => s.split(' ');

export class TitleLeadSearcher implements Searcher {
  readonly docCount: number;
  private readonly scores: Float64Array;
  private readonly matched: (Record<string, string[]> | undefined)[];
  private readonly leadAvg: number;

  constructor(
    private readonly title: TitleIndex,
    private readonly lead: PostingsTable,
    private readonly titleOf: ((position: number) => string | null | undefined) | null,
    private readonly tuning: SearchTuning = searchTuning,
  ) {
    this.docCount = lead.header.docCount;
    this.scores = new Float64Array(this.docCount);
    this.matched = new Array(this.docCount);
    this.leadAvg = lead.header.avgLength || 1;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const k = Math.min(1000, Math.max(1, Math.floor(Number(options.k ?? 10)) || 10));
    const t = this.tuning;
    const { terms, partial } = parseQuery(query, { maxChars: t.maxQueryChars, maxTerms: t.maxQueryTerms });
    const all = partial === null ? terms : [...terms, partial];
    if (!all.length || !this.docCount) return [];

    const prefixAt = partial !== null && partial.length >= t.minPrefixLength ? all.length - 1 : -1;
    // Fuzzy only for complete words no field has ever seen: a known word is almost always meant as typed,
    // and fuzzy-expanding it costs time and drifts the ranking.
    const fuzzy = new Set(terms.filter((w) => w.length >= t.fuzzyMinLength && !this.title.has(w) && this.lead.find(w) < 0));

    const touched: number[] = [];
    const scores = this.scores;
    // executeQuery, not search(): search() builds a result object per match and sorts all of them (a third of
    // the time on a long query), when only the top k are wanted.
    const titleHits = this.title.execute(all.join(' '), {
      tokenize: splitSpace,
      processTerm: identity,
      prefix: (_term: string, i: number) => i === prefixAt,
      fuzzy: (term: string) => (fuzzy.has(term) ? 1 : false),
      bm25: t.titleBm25,
    });
    for (const [p, hit] of titleHits) {
      // MiniSearch's coordination factor, as search() applies it: the score times the query terms matched.
      scores[p] = hit.score * (hit.terms.length || 1);
      this.matched[p] = hit.match;
      touched.push(p);
    }

    const n = this.docCount;
    const k1 = t.leadK1;
    const lengths = this.lead.lengths;
    const avg = this.leadAvg;
    const b = t.leadB;
    for (const w of all) {
      const i = this.lead.find(w);
      if (i < 0) continue;
      const df = this.lead.df(i);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * t.leadWeight;
      this.lead.forEach(i, (p, tf) => {
        if (scores[p] === 0) touched.push(p);
        scores[p] += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[p]) / avg));
      });
    }

    const top = topK(touched, scores, k);
    const hits = top.map((p) => ({ position: p, score: scores[p], matchedTerms: this.matchedTerms(p) }));
    for (const p of touched) {
      scores[p] = 0;
      this.matched[p] = undefined;
    }
    return hits;
  }

  /** Title words as written whose term MiniSearch matched (exactly, by prefix or fuzzily). */
  private matchedTerms(position: number): string[] {
    const match = this.matched[position];
    if (!match || !this.titleOf) return [];
    const title = this.titleOf(position);
    if (!title) return [];
    const out: string[] = [];
    for (const token of analyzeTokens(title)) {
      if (Object.hasOwn(match, token.term) && !out.includes(token.surface)) out.push(token.surface);
    }
    return out;
  }
}

/** The k positions with the highest score, best first; ties go to the earlier position. */
function topK(candidates: number[], scores: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  const heap: number[] = []; // min-heap on `better`: heap[0] is the weakest kept
  for (const p of candidates) {
    if (heap.length < k) {
      heap.push(p);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (better(p, heap[0])) {
      heap[0] = p;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && better(heap[m], heap[l])) m = l;
        if (r < heap.length && better(heap[m], heap[r])) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
