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
  /** How each query term is written in the page (title first), for sharedTerms. */
  surfaces: Map<number, string>;
  hours: number | null;
  /** The page title's terms (ids) with their idf. */
  titleTerms: Map<number, number>;
}

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
    const ids = new Map<string, number>();
    const idOf = (term: string) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = ix.termId(term);
        if (id < 0) id = UNKNOWN;
        ids.set(term, id);
      }
      return id;
    };
    const counts = new Map<number, number>();
    const length = countTerms(toSequence(titleTokens, idOf), toSequence(bodyTokens, idOf), ix.meta.sila.params, counts);
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
    for (const t of [...titleTokens, ...bodyTokens]) if (ids.get(t.term) === UNKNOWN) unknown.set(t.term, (unknown.get(t.term) ?? 0) + 1);
    const maxIdf = idf(0, c.docCount);
    for (const tf of unknown.values()) norm2 += (saturate(tf, length, c.avgLength, c.k1, c.b) ** 2) * Math.pow(maxIdf, c.idfPower);
    selected.norm = Math.sqrt(norm2);

    const surfaces = new Map<number, string>();
    for (const token of [...titleTokens, ...bodyTokens]) {
      const id = ids.get(token.term)!;
      if (id !== UNKNOWN && !surfaces.has(id)) surfaces.set(id, token.surface);
    }
    const hours = toHours(query.published ?? null);
    const titleTerms = new Map<number, number>();
    for (const t of titleTokens) {
      const id = ids.get(t.term)!;
      if (id !== UNKNOWN) titleTerms.set(id, ix.idf[id]);
    }
    return { ...selected, restTerms, restWeights, surfaces, hours: hours === NO_DATE ? null : hours, titleTerms };
  }

  /** Related articles for a page that is not a corpus article (reads the postings and documents it needs). */
  async related(query: RelatedQuery, options: RelatedOptions = {}): Promise<RelatedResult[]> {
    const params = { ...defaultRankParams, ...options.params };
    const q = this.analyze(query, params);
    if (q.terms.length === 0) return [];
    await this.ix.ensurePostings(q.terms);
    const ranking: Finish = { queryNorm: q.norm, params, k: options.k ?? 10 };
    if (params.expandTitles <= 0) return this.finish(this.scorer.score(q.terms, q.weights, params.candidates), q, ranking);
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
      extra = this.titleExpansion(found, q, params);
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

  /** Related articles for corpus article `position`, from its precomputed neighbours; never itself. */
  async relatedToPosition(position: number, options: RelatedOptions & { query?: RelatedQuery } = {}): Promise<RelatedResult[]> {
    const ix = this.ix;
    const params = { ...defaultRankParams, ...options.params };
    await Promise.all([ix.ensureNeighbours([position]), options.query ? null : ix.ensureDocs([position])]);
    const { positions, scores } = ix.neighbours(position);
    let query = options.query;
    if (!query) {
      const doc = ix.doc(position);
      query = { title: doc.title, body: doc.snippet, published: doc.published };
    }
    const q = this.analyze(query, params);
    if (options.query?.published == null) q.hours = ix.docHours[position] === NO_DATE ? null : ix.docHours[position];
    await ix.ensurePostings(q.terms.slice(0, 32));
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
    return rank(
      inputs,
      { docHours: ix.docHours, docSource: ix.docSource, docStory: ix.docStory, queryHours: q.hours, noDate: NO_DATE },
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
    return ranked.map((r, i) => ({
      doc: ix.doc(r.position),
      position: r.position,
      score: r.score,
      confidence: r.confidence,
      daysApart: r.daysApart,
      sharedTerms: this.sharedTerms(q, r.mask),
      alsoIn: alsoIns[i].map((p) => ix.doc(p)),
    }));
  }

  /** Up to 4 of the matched query terms, strongest (rarest, most repeated) first, as the page writes them. */
  private sharedTerms(q: AnalyzedQuery, mask: number): string[] {
    const chosen: string[] = [];
    for (let i = 0; i < Math.min(32, q.terms.length) && chosen.length < 4; i++) {
      const surface = mask & (1 << i) ? q.surfaces.get(q.terms[i]) : undefined;
      if (surface && !chosen.includes(surface)) chosen.push(surface);
    }
    return chosen;
  }
}
