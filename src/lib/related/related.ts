/**
 * Related articles for a page (live query over the postings) or for a corpus article (its neighbours computed
 * at build time), both re-ranked the same way (rank.ts) and explained by the terms they share with the page.
 */
import { analyzeTokens } from '../text';
import type { LoadedIndex } from '../index/load';
import { NO_DATE, toHours } from '../index/format';
import type { RelatedQuery, RelatedResult } from '../types';
import { Scorer, type Candidate } from '../index/scorer';
import { selectQueryTerms, type QueryTerms, type WeightContext } from '../index/query-terms';
import { dateFactor, defaultRankParams, rank, titleAgreement, type RankInput, type RankParams, type Ranked } from './rank';
import { UNKNOWN, countTerms, idf, saturate, toSequence } from '../index/terms';
import { sameEventTest } from './events';
import { chooseChips, nameCover, readableSurface, titleShares, type ChipTerm } from './chips';

export interface RelatedOptions {
  /** Results wanted (stories; their near-duplicates ride along in alsoIn). Default 10. */
  k?: number;
  /** Override ranking parameters (tuning and eval). */
  params?: Partial<RankParams>;
}

export interface AnalyzedQuery extends QueryTerms {
  /** The page's `wholeTerms` strongest terms that are not query terms, and their weights (whole-page re-scoring). */
  restTerms: number[];
  restWeights: number[];
  /** How each of the first 32 query terms (those chips can show) is written in the page, each spelling with its count. */
  surfaces: Map<number, Map<string, number>>;
  hours: number | null;
  /** The page title's terms (ids) with their idf. */
  titleTerms: Map<number, number>;
}

/** Query terms a match mask holds (one bit each of a 32-bit int): the terms chips and name cover can show. */
const MASK_TERMS = 32;

/** Words outside the vocabulary whose lookup is kept (RelatedEngine.idOf): a few pages' worth. */
const MAX_UNKNOWN_KEPT = 20_000;

/** Extra query terms and their weights. */
interface Expansion {
  terms: number[];
  weights: number[];
}

/** How `finish` ranks: the query's norm, the parameters, how many stories, and the corpus article asked about (never shown). */
interface Finish {
  queryNorm: number;
  params: RankParams;
  k: number;
  self?: number;
}

export class RelatedEngine {
  private readonly scorer: Scorer;
  private readonly ctx: WeightContext;

  constructor(private readonly ix: LoadedIndex) {
    const p = ix.meta.sila.params;
    this.scorer = new Scorer({ idf: ix.idf, postOffsets: ix.postOffsets, postings: ix.postings, docCount: ix.docCount, k1: p.k1 });
    this.ctx = { idf: ix.idf, df: ix.df, docCount: ix.docCount, avgLength: ix.meta.sila.avgLength, k1: p.k1, b: p.b, idfPower: p.idfPower };
  }

  /** The page's query terms, weighted exactly as the builder weighs a document. */
  analyze(query: RelatedQuery, params: RankParams = defaultRankParams): AnalyzedQuery {
    const ix = this.ix;
    const titleTokens = analyzeTokens(query.title ?? '');
    const bodyTokens = analyzeTokens(query.body ?? '');
    const titleIds = toSequence(titleTokens, this.idOf);
    const bodyIds = toSequence(bodyTokens, this.idOf);
    const counts = new Map<number, number>();
    const length = countTerms(titleIds, bodyIds, ix.meta.sila.params, counts);
    const selected = selectQueryTerms(counts, length, this.ctx, params);
    // The whole page, for re-scoring the shortlist: its strongest terms whatever their frequency in the page.
    const whole = params.wholeWeight > 0 ? selectQueryTerms(counts, length, this.ctx, { ...params, maxTerms: params.wholeTerms, minTf: 1 }) : null;
    const inQuery = new Set(selected.terms);
    const restTerms: number[] = [];
    const restWeights: number[] = [];
    // A budget of postings bytes bounds the re-scoring's cost whatever the corpus size: strongest terms first,
    // a term whose postings no longer fit is left out (no ant-2018 dev query reaches it).
    let budget = params.wholeBudgetBytes;
    whole?.terms.forEach((term, i) => {
      const bytes = ix.postOffsets[term + 1] - ix.postOffsets[term];
      if (inQuery.has(term) || bytes > budget) return;
      budget -= bytes;
      restTerms.push(term);
      restWeights.push(whole.weights[i]);
    });
    // Confidence compares the whole page with a result, not only the chosen terms: words the corpus never saw
    // (another language, another topic) weigh in with the highest idf, so such a page gets a low cosine.
    const c = this.ctx;
    let norm2 = selected.norm ** 2;
    const unknown = new Map<string, number>();
    for (const [tokens, ids] of [[titleTokens, titleIds], [bodyTokens, bodyIds]] as const) {
      for (let i = 0; i < tokens.length; i++) if (ids[i] === UNKNOWN) unknown.set(tokens[i].term, (unknown.get(tokens[i].term) ?? 0) + 1);
    }
    const maxIdf = idf(0, c.docCount);
    for (const tf of unknown.values()) norm2 += (saturate(tf, length, c.avgLength, c.k1, c.b) ** 2) * Math.pow(maxIdf, c.idfPower);
    selected.norm = Math.sqrt(norm2);

    // The spellings of the terms chips can show (the first MASK_TERMS query terms, see sharedTerms), in page order.
    const surfaces = new Map<number, Map<string, number>>();
    for (const term of selected.terms.slice(0, MASK_TERMS)) surfaces.set(term, new Map());
    for (const [tokens, ids] of [[titleTokens, titleIds], [bodyTokens, bodyIds]] as const) {
      for (let i = 0; i < tokens.length; i++) {
        const seen = surfaces.get(ids[i]);
        if (seen) seen.set(tokens[i].surface, (seen.get(tokens[i].surface) ?? 0) + 1);
      }
    }
    const hours = toHours(query.published ?? null);
    const titleTerms = new Map<number, number>();
    for (const id of titleIds) if (id !== UNKNOWN) titleTerms.set(id, ix.idf[id]);
    return { ...selected, restTerms, restWeights, surfaces, hours: hours === NO_DATE ? null : hours, titleTerms };
  }

  /**
   * Term ids by analysed term, kept across pages: looking a term up is a binary search of the term table, and
   * most of a page's words were on the page before. Bounded by the vocabulary; words it lacks (UNKNOWN) are
   * kept too, up to MAX_UNKNOWN_KEPT, then forgotten at once.
   */
  private readonly termIds = new Map<string, number>();
  private unknownKept = 0;

  private readonly idOf = (term: string): number => {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.ix.termId(term);
      if (id < 0) {
        id = UNKNOWN;
        if (++this.unknownKept > MAX_UNKNOWN_KEPT) {
          for (const [t, known] of this.termIds) if (known === UNKNOWN) this.termIds.delete(t);
          this.unknownKept = 1;
        }
      }
      this.termIds.set(term, id);
    }
    return id;
  };

  /**
   * The page's analysis with the default parameters, kept for the next question about the same page: the
   * archive ranks a page when it is read, and the library (src/library) asks about that same page when the
   * popup opens; analysing it is a third of a related answer's cost. Callers never change what it returns.
   */
  analyzePage(query: RelatedQuery): Readonly<AnalyzedQuery> {
    const title = query.title ?? '';
    const body = query.body ?? '';
    const published = query.published ?? null;
    const last = this.lastPage;
    if (last && last.title === title && last.body === body && last.published === published) return last.analysis;
    const analysis = this.analyze(query);
    this.lastPage = { title, body, published, analysis };
    return analysis;
  }

  private lastPage: { title: string; body: string; published: string | null; analysis: AnalyzedQuery } | null = null;

  /** The page's analysis for these options: the kept one with the default parameters, a copy the caller may change. */
  private analysisFor(query: RelatedQuery, options: RelatedOptions, params: RankParams): AnalyzedQuery {
    return options.params ? this.analyze(query, params) : { ...this.analyzePage(query) };
  }

  /** Related articles for a page that is not a corpus article (reads the postings and documents it needs). */
  async related(query: RelatedQuery, options: RelatedOptions = {}): Promise<RelatedResult[]> {
    return this.relatedLive(query, options, -1);
  }

  /**
   * The live query; `self` (a corpus article's own position, or -1) is never a candidate, so a corpus page is
   * answered exactly as a new page would be, without itself.
   */
  private async relatedLive(query: RelatedQuery, options: RelatedOptions, self: number): Promise<RelatedResult[]> {
    const params = { ...defaultRankParams, ...options.params };
    const q = this.analysisFor(query, options, params);
    if (self >= 0 && q.hours === null && this.ix.docHours[self] !== NO_DATE) q.hours = this.ix.docHours[self];
    if (q.terms.length === 0) return [];
    await this.ix.ensurePostings(q.terms);
    const k = options.k ?? 10;
    const ranking: Finish = { queryNorm: q.norm, params, k, self: self < 0 ? undefined : self };
    const others = (found: Candidate[]) => (self < 0 ? found : found.filter((c) => c.position !== self));
    if (params.expandTitles <= 0) return this.finish(others(this.scorer.score(q.terms, q.weights, params.candidates)), q, ranking);
    // Ranked again with the words of the best results' titles. Their postings are usually in memory already:
    // then the page's postings, walked once, serve both rankings; when they are not, they are read and the whole
    // expanded query scored afresh (the scorer's accumulators cannot wait across a read).
    const cut = this.dateCut(q.hours, params);
    let found: Candidate[];
    let extra: Expansion | null;
    let ready: boolean;
    this.scorer.begin(q.terms, q.weights, cut);
    try {
      found = this.scorer.top(params.candidates);
      extra = this.titleExpansion(others(found), q, params);
      ready = extra !== null && this.ix.hasPostings(extra.terms);
      if (extra && ready) {
        this.scorer.expand(extra.terms, extra.weights);
        found = this.scorer.top(params.candidates);
      }
    } finally {
      this.scorer.end();
    }
    if (extra && !ready) {
      await this.ix.ensurePostings(extra.terms);
      found = this.scorer.scoreExpanded(q.terms, q.weights, params.candidates, extra, cut);
    }
    found = others(found);
    if (params.wholeWeight > 0) await this.scoreWholePage(found, q);
    return this.finish(found, q, ranking);
  }

  /**
   * Second stage: each candidate's cosine with the whole page. The query (30 terms, each at least twice in the
   * page) finds the candidates cheaply; the page's other strong terms, most of them written once, then add
   * evidence that separates a report of the same event from one on the same subject. Only the shortlist is
   * scored, but the terms' whole postings are walked: the page's 100 strongest terms and a budget of postings
   * bytes (`wholeBudgetBytes`) bound the cost.
   */
  private async scoreWholePage(found: Candidate[], q: AnalyzedQuery): Promise<void> {
    const ix = this.ix;
    await ix.ensurePostings(q.restTerms);
    const rest = this.scorer.scoreFor(q.restTerms, q.restWeights, found.map((c) => c.position));
    found.forEach((c, i) => {
      c.wholeCosine = ((c.pageScore ?? c.score) + rest[i]) / (q.norm * ix.docNorm[c.position] || 1);
    });
  }

  /**
   * Candidates are cut by score × date proximity, the factor the re-ranking applies, rather than by score:
   * for a subject covered every month (oil prices, a league), the same story a day earlier can score just
   * below a hundred articles on the same subject from other months, and would never reach the re-ranking.
   */
  private dateCut(hours: number | null, params: RankParams): ((doc: number) => number) | null {
    if (hours === null || params.dateWeight <= 0) return null;
    const { docHours } = this.ix;
    return (doc) => (docHours[doc] === NO_DATE ? 1 : dateFactor(Math.abs(hours - docHours[doc]) / 24, params));
  }

  /**
   * Title feedback (pseudo-relevance feedback from titles): the words that several of the best results put in their headlines
   * (names, places, the event) join the page's terms in a second query. Results are ranked by that query; their
   * confidence and shared terms stay the page's own, so expansion can reorder but never vouch for a result.
   */
  private titleExpansion(found: Candidate[], q: AnalyzedQuery, params: RankParams): Expansion | null {
    const ix = this.ix;
    // The best few stories by the full ranking; the 30 highest-scoring candidates hold them in practice.
    const top = this.rankCandidates(found.slice(0, 30), q, q.norm, params, params.expandTitles);
    const titles = new Map<number, number>();
    for (const r of top) {
      const seen = new Set<number>();
      ix.forEachTitleTerm(r.position, (term) => seen.add(term));
      for (const term of seen) titles.set(term, (titles.get(term) ?? 0) + 1);
    }
    const maxDf = params.maxDfRatio * ix.docCount;
    const minDf = Math.max(1, Math.min(params.minDf, Math.floor(ix.docCount / 2000)));
    const power = ix.meta.sila.params.idfPower;
    const added: [number, number][] = [];
    for (const [term, count] of titles) {
      if (count < params.expandMinTitles || ix.df[term] > maxDf || ix.df[term] < minDf) continue;
      added.push([term, params.expandWeight * (count / top.length) * Math.pow(ix.idf[term], power)]);
    }
    if (added.length === 0) return null;
    const extra = added.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, params.expandMaxTerms);
    return { terms: extra.map((e) => e[0]), weights: extra.map((e) => e[1]) };
  }

  /**
   * Related articles for corpus article `position`; never itself. With the page's text (`query`, what the
   * extension has) it is the live query without the article: the 12 precomputed neighbours were scored without
   * date proximity, title feedback or whole-page re-scoring, and that left other outlets' reports of the very
   * event out (Egypt 1–3 Russia: BBC's report missing; Khashoggi: 8 of 10 from CNN Arabic).
   * Without it (the doc store holds only a snippet), the precomputed neighbours are re-ranked.
   */
  async relatedToPosition(position: number, options: RelatedOptions & { query?: RelatedQuery } = {}): Promise<RelatedResult[]> {
    const ix = this.ix;
    if (options.query && (options.query.body ?? '').trim()) return this.relatedLive(options.query, options, position);
    const params = { ...defaultRankParams, ...options.params };
    await Promise.all([ix.ensureNeighbours([position]), options.query ? null : ix.ensureDocs([position])]);
    const { positions, scores } = ix.neighbours(position);
    let query = options.query;
    if (!query) {
      const doc = ix.doc(position);
      query = { title: doc.title, body: doc.snippet, published: doc.published };
    }
    const q = this.analysisFor(query, options, params);
    if (options.query?.published == null) q.hours = ix.docHours[position] === NO_DATE ? null : ix.docHours[position];
    await ix.ensurePostings(q.terms.slice(0, MASK_TERMS));
    const masks = this.scorer.matchMasks(q.terms, positions);
    const found: Candidate[] = positions.map((p, i) => ({ position: p, score: scores[i], mask: masks[i] }));
    return this.finish(found, q, { queryNorm: ix.queryNorm[position], params, k: options.k ?? 10, self: position });
  }

  /** Date, title agreement, stories and outlets (rank.ts) over scored candidates: the best k stories. */
  private rankCandidates(found: Candidate[], q: AnalyzedQuery, queryNorm: number, params: RankParams, k: number): Ranked[] {
    const ix = this.ix;
    // The cosine (confidence) is always the page's own, even when an expanded query ranks the candidates.
    const inputs: RankInput[] = found.map((c) => ({
      position: c.position,
      score: c.score,
      cosine: (c.pageScore ?? c.score) / (queryNorm * ix.docNorm[c.position] || 1),
      mask: c.mask,
      wholeCosine: c.wholeCosine,
    }));
    if (params.titleWeight > 0 && q.titleTerms.size > 0) {
      let total = 0;
      for (const w of q.titleTerms.values()) total += w;
      for (const c of inputs.slice(0, params.titleCandidates)) {
        let shared = 0;
        ix.forEachTitleTerm(c.position, (term) => (shared += q.titleTerms.get(term) ?? 0));
        c.titleOverlap = shared / total;
      }
    }
    if (params.nameConfidencePower > 0) {
      const names = this.nameWeights(q);
      if (names.total > 0) for (const c of inputs) c.nameCover = nameCover(c.mask, names.weights) / names.total;
    }
    if (params.agreeWeight > 0 && params.agreeCandidates > 1) {
      // Title words too common to be query terms (df above maxDfRatio) say nothing about the event.
      const maxDf = params.maxDfRatio * ix.docCount;
      const top = inputs.slice(0, params.agreeCandidates);
      const titles = top.map((c) => {
        const terms: number[] = [];
        ix.forEachTitleTerm(c.position, (term) => ix.df[term] <= maxDf && terms.push(term));
        return terms;
      });
      const shares = titleAgreement(titles, top.map((c) => ix.docStory[c.position]), (term) => ix.idf[term]);
      top.forEach((c, i) => (c.agreement = shares[i]));
    }
    const maxDf = params.maxDfRatio * ix.docCount;
    const sameEvent =
      params.eventOverlap > 0
        ? sameEventTest(
            {
              titleTerms: (position) => {
                const terms: number[] = [];
                ix.forEachTitleTerm(position, (term) => ix.df[term] <= maxDf && terms.push(term));
                return terms;
              },
              weight: (term) => ix.idf[term],
              source: ix.docSource,
              hours: ix.docHours,
              noDate: NO_DATE,
            },
            params.eventHours,
            params.eventOverlap,
          )
        : undefined;
    return rank(
      inputs,
      { docHours: ix.docHours, docSource: ix.docSource, docStory: ix.docStory, queryHours: q.hours, noDate: NO_DATE, sameEvent },
      params,
      k,
    );
  }

  /** The best k stories of the scored candidates, with the documents they show (read from the doc store). */
  private async finish(found: Candidate[], q: AnalyzedQuery, { queryNorm, params, k, self }: Finish): Promise<RelatedResult[]> {
    const ix = this.ix;
    const ranked = this.rankCandidates(found, q, queryNorm, params, k);
    const alsoIns = ranked.map((r) => {
      const members = ix.storyOf(r.position).filter((p) => p !== r.position && p !== self);
      const order = [...r.storyCandidates.filter((p) => p !== self), ...members.filter((p) => !r.storyCandidates.includes(p))];
      return order.slice(0, params.alsoInMax);
    });
    // Only the documents shown are read from the doc store.
    await ix.ensureDocs([...ranked.map((r) => r.position), ...alsoIns.flat()]);
    const chips = this.sharedTerms(q, ranked.map((r) => r.mask), ranked.map((r) => ix.doc(r.position).title));
    return ranked.map((r, i) => ({
      doc: ix.doc(r.position),
      position: r.position,
      score: r.score,
      confidence: r.confidence,
      daysApart: r.daysApart,
      sharedTerms: chips[i],
      alsoIn: alsoIns[i].map((p) => ix.doc(p)),
    }));
  }

  /**
   * The chips of articles outside the index (the user's library: reads, collections' articles), chosen among
   * them as a bundled result's are among its list: the page's query terms each article's title or text holds.
   * The page's analysis is the kept one (analyzePage): the library asked about this page just before
   * (SilaIndex.libraryQuery), so the page is not analysed again.
   */
  sharedTermsOutside(query: RelatedQuery, docs: readonly { title: string; body: string }[]): string[][] {
    if (docs.length === 0) return [];
    const q = this.analyzePage(query);
    const slot = new Map<number, number>();
    for (let i = 0; i < Math.min(MASK_TERMS, q.terms.length); i++) slot.set(q.terms[i], i);
    const masks = docs.map((doc) => {
      let mask = 0;
      for (const text of [doc.title, doc.body]) {
        for (const t of analyzeTokens(text)) {
          const i = slot.get(this.idOf(t.term));
          if (i !== undefined) mask |= 1 << i;
        }
      }
      return mask;
    });
    return this.sharedTerms(q, masks, docs.map((d) => d.title));
  }

  /** Up to 4 chips per result: name-like shared terms that set it apart from the other results (chips.ts). */
  private sharedTerms(q: Readonly<AnalyzedQuery>, masks: number[], titles: string[]): string[][] {
    const shares = this.titleShares();
    const n = Math.min(MASK_TERMS, q.terms.length);
    const matched = masks.map((mask) => {
      const terms: number[] = [];
      for (let i = 0; i < n; i++) if (mask & (1 << i)) terms.push(i);
      return terms;
    });
    const infos = new Map<number, ChipTerm>();
    const info = (i: number) => {
      let known = infos.get(i);
      if (!known) {
        const term = q.terms[i];
        const written = q.surfaces.get(term);
        known = { weight: q.weights[i], titleShare: shares.shares[term], surface: written ? readableSurface(written, this.ix.terms[term]) : '' };
        infos.set(i, known);
      }
      return known;
    };
    // Each result's title spellings by term: a chip is written as the page or that title writes it most often.
    // A title is analysed when one of its result's chips is spelled (a result may have none).
    const titleSpellings: (Map<number, Map<string, number>> | undefined)[] = [];
    const spellingsOf = (result: number) => {
      let byTerm = titleSpellings[result];
      if (!byTerm) {
        byTerm = new Map();
        for (const t of analyzeTokens(titles[result])) {
          const id = this.idOf(t.term);
          if (id === UNKNOWN) continue;
          const seen = byTerm.get(id) ?? new Map<string, number>();
          byTerm.set(id, seen.set(t.surface, (seen.get(t.surface) ?? 0) + 1));
        }
        titleSpellings[result] = byTerm;
      }
      return byTerm;
    };
    const spell = (result: number, i: number, surface: string) => {
      const term = q.terms[i];
      const inTitle = spellingsOf(result).get(term);
      const written = q.surfaces.get(term);
      return inTitle && written ? readableSurface(written, this.ix.terms[term], inTitle) : surface;
    };
    return chooseChips(matched, info, { max: 4, minTitleShare: shares.mean, sharedDiscount: 0.5, repeatFactor: 0.5 }, spell);
  }

  /** Name weight of each of the first 32 query terms: weight × title share for name-like terms, else 0. */
  private nameWeights(q: AnalyzedQuery): { weights: number[]; total: number } {
    const shares = this.titleShares();
    const weights = q.terms.slice(0, MASK_TERMS).map((term, i) => {
      const share = shares.shares[term];
      return share >= shares.mean && this.ix.terms[term].length >= 3 && /\p{L}/u.test(this.ix.terms[term]) ? q.weights[i] * share : 0;
    });
    return { weights, total: weights.reduce((a, b) => a + b, 0) };
  }

  private shares: ReturnType<typeof titleShares> | null = null;

  /** Each term's smoothed share of title appearances, from the pack's titleDf (on first use: one pass over the terms). */
  private titleShares(): ReturnType<typeof titleShares> {
    return (this.shares ??= titleShares(this.ix.df, this.ix.titleDf));
  }
}
