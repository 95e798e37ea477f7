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
import { prefixHits, titleTermsOf, wordHits, type TermHits } from './term-hits.ts';

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

export class TitleLeadSearcher implements Searcher {
  readonly docCount: number;
  private readonly titleSum: Float64Array;
  private readonly titleCount: Uint8Array;
  private readonly leadSum: Float64Array;
  private readonly seen: Uint8Array;
  /** Recently used terms' hits, oldest first (a Map keeps insertion order). */
  private readonly cache = new Map<string, TermHits>();

  constructor(
    private readonly title: TitleIndex,
    private readonly lead: PostingsTable,
    private readonly titleOf: ((position: number) => string | null | undefined) | null,
    private readonly tuning: SearchTuning = searchTuning,
  ) {
    this.docCount = lead.header.docCount;
    this.titleSum = new Float64Array(this.docCount);
    this.titleCount = new Uint8Array(this.docCount);
    this.leadSum = new Float64Array(this.docCount);
    this.seen = new Uint8Array(this.docCount);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const k = Math.min(1000, Math.max(1, Math.floor(Number(options.k ?? 10)) || 10));
    const t = this.tuning;
    const { terms, partial } = parseQuery(query, { maxChars: t.maxQueryChars, maxTerms: t.maxQueryTerms });
    if ((!terms.length && partial === null) || !this.docCount) return [];

    const parts = terms.map((w) => this.hitsOf(`w:${w}`, () => wordHits(w, this.unknown(w), this.title, this.lead, t)));
    if (partial !== null) {
      parts.push(
        partial.length >= t.minPrefixLength
          ? this.hitsOf(`p:${partial}`, () => prefixHits(partial, this.title, this.lead, t))
          : this.hitsOf(`w:${partial}`, () => wordHits(partial, false, this.title, this.lead, t)),
      );
    }

    // Combine as MiniSearch's search() does (OR: scores add up; then times the number of query terms matched,
    // its coordination factor), plus the lead's BM25.
    const { titleSum, titleCount, leadSum, seen } = this;
    const touched: number[] = [];
    for (const h of parts) {
      for (let i = 0; i < h.titleDocs.length; i++) {
        const d = h.titleDocs[i];
        if (!seen[d]) (seen[d] = 1), touched.push(d);
        titleSum[d] += h.titleScores[i];
        if (titleCount[d] < 255) titleCount[d]++;
      }
      for (let i = 0; i < h.leadDocs.length; i++) {
        const d = h.leadDocs[i];
        if (!seen[d]) (seen[d] = 1), touched.push(d);
        leadSum[d] += h.leadScores[i];
      }
    }
    const score = (d: number) => titleSum[d] * titleCount[d] + leadSum[d];
    const top = topK(touched, score, k);
    const hits = top.map((p) => ({ position: p, score: score(p), matchedTerms: this.matchedTerms(p, parts) }));
    for (const d of touched) {
      titleSum[d] = 0;
      titleCount[d] = 0;
      leadSum[d] = 0;
      seen[d] = 0;
    }
    return hits;
  }

  /** Forget the cached term hits (benchmarks use it to time typing from a fresh popup). */
  clearCache(): void {
    this.cache.clear();
  }

  /** A complete word no index has ever seen: worth a one-edit fuzzy lookup (a known word is meant as typed). */
  private unknown(term: string): boolean {
    return term.length >= this.tuning.fuzzyMinLength && !this.title.has(term) && this.lead.find(term) < 0;
  }

  private hitsOf(key: string, compute: () => TermHits): TermHits {
    let hits = this.cache.get(key);
    if (hits) {
      this.cache.delete(key); // re-insert: most recently used last
    } else {
      hits = compute();
      if (this.cache.size >= this.tuning.cacheTerms) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, hits);
    return hits;
  }

  /** Title words as written whose term matched (exactly, by prefix or fuzzily). */
  private matchedTerms(position: number, parts: TermHits[]): string[] {
    if (!this.titleOf) return [];
    const terms = new Set<string>();
    for (const h of parts) for (const term of titleTermsOf(h, position) ?? []) terms.add(term);
    if (!terms.size) return [];
    const title = this.titleOf(position);
    if (!title) return [];
    const out: string[] = [];
    for (const token of analyzeTokens(title)) if (terms.has(token.term) && !out.includes(token.surface)) out.push(token.surface);
    return out;
  }
}

/** The k positions with the highest score, best first; ties go to the earlier position. */
function topK(candidates: number[], score: (p: number) => number, k: number): number[] {
  const better = (a: number, b: number) => score(a) > score(b) || (score(a) === score(b) && a < b);
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
