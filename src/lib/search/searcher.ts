/**
 * Run time: answer a typed query. MiniSearch ranks the titles (BM25+, prefix on the word being typed, one-edit
 * fuzzy on longer complete words, and its coordination factor: more query words matched ranks higher); the
 * lead signal adds a BM25 score for words the article's opening uses but its title does not.
 */
import { TopK } from '../index/top-k';
import { analyzeTokens } from '../text/index';
import { LATIN_WORD, Transliterator } from './transliterate';
import type { PostingsTable } from './postings';
import { parseQuery } from './query';
import { searchTuning, type SearchTuning } from './options';
import type { TitleIndex } from './title-index';
import { TermScorer, titleTermsOf, type TermHits } from './term-hits';
import { prepareOutside, scoreOutside, type OutsideDoc, type OutsideHit, type OutsideSet } from './outside';

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
  /**
   * The same hits, with `titles` asked once for the hits' titles (for matchedTerms): for a caller that reads
   * titles on demand, such as the engine (its doc store is read chunk by chunk).
   */
  searchWithTitles(query: string, options: SearchOptions, titles: (positions: number[]) => Promise<(string | null | undefined)[]>): Promise<SearchHit[]>;
  /**
   * "Did you mean": the query with each word the archive (almost) never uses replaced by a near title word that
   * it often uses, or null when every word is found. `titles` reads titles to show the word as written.
   * @example await searcher.didYouMean('خاشقحي', titles) // 'خاشقجي'
   */
  didYouMean(query: string, titles: (positions: number[]) => Promise<(string | null | undefined)[]>): Promise<string | null>;
  /** An article outside the archive (a remembered read, a collection's), analysed once for searchOutside. */
  prepareOutside(article: { title: string; body: string }): OutsideDoc;
  /**
   * Such articles scored for a query on the archive's scale (outside.ts), best first: merged with search()'s
   * hits by score, they rank as they would if the archive held them.
   */
  searchOutside(query: string, docs: readonly OutsideDoc[] | OutsideSet): OutsideHit[];
  readonly docCount: number;
}

export class TitleLeadSearcher implements Searcher {
  readonly docCount: number;
  private readonly title: TitleIndex;
  private readonly titleSum: Float64Array;
  private readonly titleCount: Uint8Array;
  private readonly leadSum: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  /** The complete words' sums, kept between keystrokes (see baseFor). */
  private readonly baseTitleSum: Float64Array;
  private readonly baseTitleCount: Uint8Array;
  private readonly baseLeadSum: Float64Array;
  private readonly baseTouched: Int32Array;
  private baseCount = 0;
  private base: { key: string; words: number; keep: number; all: boolean; docs: number[]; scores: number[] } | null = null;
  /** Recently used terms' hits, oldest first (a Map keeps insertion order). */
  private readonly cache = new Map<string, TermHits>();
  private readonly scorer: TermScorer;
  /** Latin words → their Arabic spelling in the titles (an English reader types "Trump", the archive says ترامب). */
  private readonly transliterator: Transliterator;

  constructor(
    title: TitleIndex,
    private readonly lead: PostingsTable,
    private readonly titleOf: ((position: number) => string | null | undefined) | null,
    private readonly tuning: SearchTuning = searchTuning,
    /** Learned spelling variants, variant → canonical (variants.ts): the index holds only canonical terms. */
    private readonly variants: ReadonlyMap<string, string> = new Map(),
  ) {
    this.title = title;
    this.transliterator = new Transliterator(title.table.terms, (i) => title.table.df(i));
    this.docCount = lead.header.docCount;
    this.titleSum = new Float64Array(this.docCount);
    this.titleCount = new Uint8Array(this.docCount);
    this.leadSum = new Float64Array(this.docCount);
    this.seen = new Uint8Array(this.docCount);
    this.touched = new Int32Array(this.docCount);
    this.baseTitleSum = new Float64Array(this.docCount);
    this.baseTitleCount = new Uint8Array(this.docCount);
    this.baseLeadSum = new Float64Array(this.docCount);
    this.baseTouched = new Int32Array(this.docCount);
    // The scorer borrows titleSum, seen and touched: they are all zero whenever a term's hits are computed.
    this.scorer = new TermScorer(title, lead, tuning, { sum: this.titleSum, seen: this.seen, touched: this.touched });
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const { top, parts } = this.rank(query, options);
    return top.map(([position, score]) => ({ position, score, matchedTerms: this.matchedTerms(position, parts, this.titleOf) }));
  }

  async searchWithTitles(
    query: string,
    options: SearchOptions,
    titles: (positions: number[]) => Promise<(string | null | undefined)[]>,
  ): Promise<SearchHit[]> {
    const { top, parts } = this.rank(query, options);
    if (!top.length) return [];
    const shown = await titles(top.map(([position]) => position));
    return top.map(([position, score], i) => ({ position, score, matchedTerms: this.matchedTerms(position, parts, () => shown[i]) }));
  }

  /** The k best (position, score) pairs, and the query terms' hits (for matchedTerms). */
  private rank(query: string, options: SearchOptions): { top: [number, number][]; parts: TermHits[] } {
    const k = Math.min(1000, Math.max(1, Math.floor(Number(options.k ?? 10)) || 10));
    const t = this.tuning;
    const { terms, partial } = this.queryOf(query);
    if ((!terms.length && partial === null) || !this.docCount) return { top: [], parts: [] };

    const parts = terms.map((w) => this.hitsOf(`w:${w}`, () => this.scorer.word(w, this.fuzzy(w))));
    if (partial !== null) {
      parts.push(
        partial.length >= t.minPrefixLength
          ? this.hitsOf(`p:${partial}`, () => this.scorer.prefix(partial))
          : this.hitsOf(`w:${partial}`, () => this.scorer.word(partial, false)),
      );
    }

    // Combine as MiniSearch's search() does (OR: scores add up; then times the number of query terms matched,
    // its coordination factor), plus the lead's BM25. The complete words' sums are kept between keystrokes
    // (they only change when a word is completed), so a keystroke costs the word being typed, not the query.
    const base = this.baseFor(terms, parts.slice(0, terms.length), k);
    if (partial === null) return { top: base.docs.slice(0, k).map((d, i) => [d, base.scores[i]]), parts };
    const last = parts[parts.length - 1];
    const { titleSum, titleCount, leadSum, seen, touched } = this;
    let n = 0;
    for (let i = 0; i < last.titleDocs.length; i++) {
      const d = last.titleDocs[i];
      if (!seen[d]) (seen[d] = 1), (touched[n++] = d);
      titleSum[d] += last.titleScores[i];
      titleCount[d] = 1;
    }
    for (let i = 0; i < last.leadDocs.length; i++) {
      const d = last.leadDocs[i];
      if (!seen[d]) (seen[d] = 1), (touched[n++] = d);
      leadSum[d] += last.leadScores[i];
    }
    const top = new TopK(k);
    const { baseTitleSum, baseTitleCount, baseLeadSum } = this;
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      // The same additions in the same order as summing every part afresh, so the scores are identical.
      top.offer(d, (baseTitleSum[d] + titleSum[d]) * Math.min(255, baseTitleCount[d] + titleCount[d]) + (baseLeadSum[d] + leadSum[d]));
    }
    // The complete words' best documents that the typed word does not touch keep their score: the first k of
    // them (best first) are all that can enter.
    let offered = 0;
    for (let i = 0; i < base.docs.length && offered < k; i++) {
      if (seen[base.docs[i]]) continue;
      top.offer(base.docs[i], base.scores[i]);
      offered++;
    }
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      titleSum[d] = 0;
      titleCount[d] = 0;
      leadSum[d] = 0;
      seen[d] = 0;
    }
    if (offered < k && !base.all) return { top: this.combineAll(parts, k), parts };
    return { top: top.sorted(), parts };
  }

  /** The query's complete terms and the term being typed, in the index's spelling (variants, Latin names). */
  private queryOf(query: string): { terms: string[]; partial: string | null } {
    const t = this.tuning;
    const parsed = parseQuery(query, { maxChars: t.maxQueryChars, maxTerms: t.maxQueryTerms });
    const latin = this.latinTerms(query, parsed.terms, parsed.partial);
    const terms = [...new Set(parsed.terms.map((w) => latin.get(w) ?? this.canon(w)))];
    let partial = parsed.partial === null ? null : this.canon(parsed.partial);
    if (partial !== null && latin.has(partial)) {
      // A Latin name being typed: its Arabic spelling as a whole word (a Latin prefix completes nothing).
      terms.push(latin.get(partial)!);
      partial = null;
    }
    return { terms, partial };
  }

  prepareOutside(article: { title: string; body: string }): OutsideDoc {
    return prepareOutside(article, this.tuning, (term) => this.canon(term));
  }

  searchOutside(query: string, docs: readonly OutsideDoc[] | OutsideSet): OutsideHit[] {
    const q = this.queryOf(query);
    if (!q.terms.length && q.partial === null) return [];
    return scoreOutside({ title: this.title.table, lead: this.lead, tuning: this.tuning }, q, docs);
  }

  /**
   * The complete words' summed scores (in baseTitleSum, baseTitleCount, baseLeadSum) and their best documents,
   * best first: all of them when few, else the best max(64, 4k) (`all` false), updated when the words change.
   * Typing completes one word at a time, so when the earlier words are the kept ones only the new words' hits
   * are added (the same sums in the same order as afresh), and only the documents they touch and the kept best
   * can make the new best (scores only grow): a completed word costs its own hits, not the whole query's.
   */
  private baseFor(terms: string[], parts: TermHits[], k: number): { docs: number[]; scores: number[]; all: boolean } {
    const key = terms.join('\u0000');
    const keep = Math.max(64, 4 * k);
    const old = this.base;
    if (old && old.key === key && (old.all || old.keep >= keep)) return old;
    const { baseTitleSum, baseTitleCount, baseLeadSum, baseTouched, seen, touched } = this;
    const extend = old !== null && old.keep === keep && old.key !== '' && key.startsWith(`${old.key}\u0000`);
    if (!extend) {
      for (let i = 0; i < this.baseCount; i++) {
        const d = baseTouched[i];
        baseTitleSum[d] = 0;
        baseTitleCount[d] = 0;
        baseLeadSum[d] = 0;
      }
      this.baseCount = 0;
    }
    let n = this.baseCount; // documents with a score (every title or lead score is > 0)
    let m = 0; // documents the added words touch
    for (const h of parts.slice(extend ? old.words : 0)) {
      const docs = h.titleDocs;
      const scores = h.titleScores;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        if (!seen[d]) {
          seen[d] = 1;
          touched[m++] = d;
          if (!baseTitleCount[d] && !baseLeadSum[d]) baseTouched[n++] = d;
        }
        baseTitleSum[d] += scores[i];
        if (baseTitleCount[d] < 255) baseTitleCount[d]++;
      }
      const leadDocs = h.leadDocs;
      const leadScores = h.leadScores;
      for (let i = 0; i < leadDocs.length; i++) {
        const d = leadDocs[i];
        if (!seen[d]) {
          seen[d] = 1;
          touched[m++] = d;
          if (!baseTitleCount[d] && !baseLeadSum[d]) baseTouched[n++] = d;
        }
        baseLeadSum[d] += leadScores[i];
      }
    }
    const top = new TopK(keep);
    for (let i = 0; i < m; i++) {
      const d = touched[i];
      top.offer(d, baseTitleSum[d] * baseTitleCount[d] + baseLeadSum[d]);
    }
    if (extend) for (let i = 0; i < old.docs.length; i++) if (!seen[old.docs[i]]) top.offer(old.docs[i], old.scores[i]);
    for (let i = 0; i < m; i++) seen[touched[i]] = 0;
    this.baseCount = n;
    const sorted = top.sorted();
    this.base = { key, words: terms.length, keep, all: n <= keep, docs: sorted.map((e) => e[0]), scores: sorted.map((e) => e[1]) };
    return this.base;
  }

  /** Every part summed afresh (when the kept best documents of the complete words run out). */
  private combineAll(parts: TermHits[], k: number): [number, number][] {
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
    return top.sorted();
  }

  /** Forget the cached term hits (benchmarks use it to time typing from a fresh popup). */
  clearCache(): void {
    this.cache.clear();
    this.base = null;
  }

  /**
   * Complete words of `fuzzyMinLength`+ letters also match their one-edit neighbours in the titles: besides
   * typos, this catches what the stemmer leaves apart (يلتقى / يلتقي, a letter of a name spelt two ways).
   */
  private fuzzy(term: string): boolean {
    return term.length >= this.tuning.fuzzyMinLength;
  }

  /**
   * Latin query words the titles (almost) never use, each → the Arabic term that spells it (transliterate.ts).
   * The word as typed is transliterated, not its English stem (Porter makes Abbas "abba").
   */
  latinTerms(query: string, terms: readonly string[], partial: string | null): Map<string, string> {
    const out = new Map<string, string>();
    const words = partial === null ? terms : [...terms, partial];
    if (!words.some((w) => LATIN_WORD.test(w))) return out;
    const surfaces = new Map<string, string>();
    for (const token of analyzeTokens(query)) if (!surfaces.has(token.term)) surfaces.set(token.term, token.surface);
    for (const w of words) {
      if (!LATIN_WORD.test(w) || out.has(w)) continue;
      const at = this.title.table.find(w);
      if (at >= 0 && this.title.table.df(at) >= this.tuning.latinMinTitles) continue;
      const arabic = this.transliterator.arabicFor(surfaces.get(w) ?? w);
      if (arabic) out.set(w, this.canon(arabic));
    }
    return out;
  }

  async didYouMean(query: string, titles: (positions: number[]) => Promise<(string | null | undefined)[]>): Promise<string | null> {
    const t = this.tuning;
    const tokens = analyzeTokens(query.slice(0, t.maxQueryChars)).slice(0, t.maxQueryTerms);
    let changed = false;
    const replaced = new Map<string, string>();
    for (const token of tokens) {
      if (replaced.has(token.surface) || LATIN_WORD.test(token.term)) continue;
      const fix = correctionOf(this.title, this.canon(token.term), t);
      if (fix === null) continue;
      const surface = await surfaceOf(this.title, fix, titles, (term) => this.canon(term));
      if (surface) (replaced.set(token.surface, surface), (changed = true));
    }
    if (!changed) return null;
    let out = query.trim();
    for (const [from, to] of replaced) out = out.split(from).join(to);
    return out;
  }

  /** The spelling the index holds for a term (ترمب → ترامب when the corpus taught that they are one name). */
  private canon(term: string): string {
    return this.variants.get(term) ?? term;
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
  private matchedTerms(position: number, parts: TermHits[], titleOf: ((position: number) => string | null | undefined) | null): string[] {
    if (!titleOf) return [];
    const terms = new Set<string>();
    for (const h of parts) for (const term of titleTermsOf(h, position)) terms.add(term);
    if (!terms.size) return [];
    const title = titleOf(position);
    if (!title) return [];
    const out: string[] = [];
    for (const token of analyzeTokens(title)) if (terms.has(this.canon(token.term)) && !out.includes(token.surface)) out.push(token.surface);
    return out;
  }
}

/**
 * A title term to offer for `term` when the titles hold it at most `typoMaxTitles` times: its nearest
 * neighbours (one edit, or two for 6+ letters) in at least `typoMinTitles` titles and 10 times as many as it, the
 * nearest and then the commonest first. Null when the term is found or nothing near is much commoner.
 */
export function correctionOf(title: TitleIndex, term: string, t: SearchTuning = searchTuning): string | null {
  if (term.length < 3) return null;
  const at = title.table.find(term);
  const own = at >= 0 ? title.table.df(at) : 0;
  if (own > t.typoMaxTitles) return null;
  let best: [string, number, number] | null = null;
  for (const [candidate, distance] of title.fuzzy(term, term.length >= 6 ? 2 : 1)) {
    const i = title.table.find(candidate);
    if (i < 0) continue;
    const df = title.table.df(i);
    if (df < Math.max(t.typoMinTitles, 10 * own)) continue;
    if (!best || distance < best[1] || (distance === best[1] && df > best[2])) best = [candidate, distance, df];
  }
  return best ? best[0] : null;
}

/** The commonest way the titles write `term` (from its first titles), e.g. خاشقج → خاشقجي. */
async function surfaceOf(
  title: TitleIndex,
  term: string,
  titles: (positions: number[]) => Promise<(string | null | undefined)[]>,
  canon: (term: string) => string,
): Promise<string | null> {
  const i = title.table.find(term);
  if (i < 0) return null;
  const docs = Array.from(title.table.decode(i).docs.slice(0, 8));
  const counts = new Map<string, number>();
  for (const text of await titles(docs)) {
    for (const token of analyzeTokens(text ?? '')) if (canon(token.term) === term) counts.set(token.surface, (counts.get(token.surface) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const [surface, n] of counts) if (!best || n > best[1] || (n === best[1] && surface.length < best[0].length)) best = [surface, n];
  return best ? best[0] : null;
}
