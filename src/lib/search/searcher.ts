/**
 * Run time: answer a typed query. MiniSearch ranks the titles (BM25+, prefix on the word being typed, one-edit
 * fuzzy on longer complete words, and its coordination factor: more query words matched ranks higher); the
 * lead signal adds a BM25 score for words the article's opening uses but its title does not.
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
  private readonly touched: Int32Array;
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
    this.touched = new Int32Array(this.docCount);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const k = Math.min(1000, Math.max(1, Math.floor(Number(options.k ?? 10)) || 10));
    const t = this.tuning;
    const { terms, partial } = parseQuery(query, { maxChars: t.maxQueryChars, maxTerms: t.maxQueryTerms });
    if ((!terms.length && partial === null) || !this.docCount) return [];

    const parts = terms.map((w) => this.hitsOf(`w:${w}`, () => wordHits(w, this.fuzzy(w), this.title, this.lead, t)));
    if (partial !== null) {
      parts.push(
        partial.length >= t.minPrefixLength
          ? this.hitsOf(`p:${partial}`, () => prefixHits(partial, this.title, this.lead, t))
          : this.hitsOf(`w:${partial}`, () => wordHits(partial, false, this.title, this.lead, t)),
      );
    }

    // Combine as MiniSearch's search() does (OR: scores add up; then times the number of query terms matched,
    // its coordination factor), plus the lead's BM25.
    const { titleSum, titleCount, leadSum, seen, touched } = this;
    let n = 0;
    for (const h of parts) {
      const docs = h.titleDocs;
      const scores = h.titleScores;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        if (!seen[d]) (seen[d] = 1), (touched[n++] = d);
        titleSum[d] += scores[i];
        if (titleCount[d] < 255) titleCount[d]++;
      }
      const leadDocs = h.leadDocs;
      const leadScores = h.leadScores;
      for (let i = 0; i < leadDocs.length; i++) {
        const d = leadDocs[i];
        if (!seen[d]) (seen[d] = 1), (touched[n++] = d);
        leadSum[d] += leadScores[i];
      }
    }
    const top = new TopK(k);
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      top.offer(d, titleSum[d] * titleCount[d] + leadSum[d]);
      titleSum[d] = 0;
      titleCount[d] = 0;
      leadSum[d] = 0;
      seen[d] = 0;
    }
    return top.sorted().map(([position, score]) => ({ position, score, matchedTerms: this.matchedTerms(position, parts) }));
  }

  /** Forget the cached term hits (benchmarks use it to time typing from a fresh popup). */
  clearCache(): void {
    this.cache.clear();
  }

  /**
   * Complete words of `fuzzyMinLength`+ letters also match their one-edit neighbours in the titles: besides
   * typos, this catches what the stemmer leaves apart (يلتقى / يلتقي, a letter of a name spelt two ways).
   */
  private fuzzy(term: string): boolean {
    return term.length >= this.tuning.fuzzyMinLength;
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

/** The k best (position, score) pairs offered, kept in a min-heap; ties go to the earlier position. */
class TopK {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.docs = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** a ranks below b */
  private below(i: number, j: number): boolean {
    const { scores, docs } = this;
    return scores[i] < scores[j] || (scores[i] === scores[j] && docs[i] > docs[j]);
  }

  private swap(i: number, j: number): void {
    const { scores, docs } = this;
    const d = docs[i];
    docs[i] = docs[j];
    docs[j] = d;
    const s = scores[i];
    scores[i] = scores[j];
    scores[j] = s;
  }

  offer(doc: number, score: number): void {
    const { docs, scores } = this;
    if (this.size < this.k) {
      let i = this.size++;
      docs[i] = doc;
      scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score < scores[0] || (score === scores[0] && doc > docs[0])) return;
    docs[0] = doc;
    scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.below(l, m)) m = l;
      if (r < this.size && this.below(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** Best first. */
  sorted(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.docs[i], this.scores[i]]);
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
