/**
 * From scored candidates to the list a reader sees: date proximity, one item per story ("also in: …"),
 * several outlets rather than five items from one, a confidence per result, and the shared terms that say why.
 * Query-time only: tuning these parameters needs no rebuild.
 */
import { defaultQueryTermParams, type QueryTermParams } from '../index/query-terms';

export interface RankParams extends QueryTermParams {
  /** Raw candidates re-ranked. */
  candidates: number;
  /**
   * Date proximity: score × (1 − dateWeight + dateWeight / (1 + days/dateScaleDays)). 0 turns it off. The
   * candidates are cut by score × this factor (see RelatedEngine.dateCut).
   */
  dateWeight: number;
  dateScaleDays: number;
  /** Each earlier result from the same outlet multiplies a candidate's score by (1 − sourcePenalty). */
  sourcePenalty: number;
  /** Cosine at which confidence reaches 0.5 (confidence = c² / (c² + half²)); see confidenceWholeHalf. */
  confidenceHalf: number;
  /** Results with a confidence below this are not returned at all. */
  minConfidence: number;
  alsoInMax: number;
  /** Title agreement: score × (1 + titleWeight × idf-weighted share of the page title's terms in the result's title). */
  titleWeight: number;
  /** Candidates at least this close (cosine) count as full title agreement: a reprint under another headline. */
  titleDupCosine: number;
  /** How many of the best candidates get the title check (it reads their stored title terms, see forEachTitleTerm). */
  titleCandidates: number;
  /**
   * Query expansion from result titles (pseudo-relevance feedback): the titles of the best `expandTitles` results
   * (0 = off) add the terms at least `expandMinTitles` of them share, each weighing expandWeight × share of those
   * titles × idf^idfPower, to a second query of at most `expandMaxTerms` terms.
   */
  expandTitles: number;
  expandMinTitles: number;
  expandWeight: number;
  expandMaxTerms: number;
  /**
   * Headline agreement among the candidates (cluster hypothesis): each of the `agreeCandidates` best candidates
   * scores × (1 + agreeWeight × the share of the other stories among them whose titles use its title words).
   */
  agreeCandidates: number;
  agreeWeight: number;
  /**
   * Whole-page re-scoring: the candidates' cosine with the page's `wholeTerms` strongest terms (any frequency in
   * the page, not only the query's), and score × that cosine^wholeWeight (0 = off).
   */
  wholeTerms: number;
  wholeWeight: number;
  /** At most this many bytes of postings are walked for the re-scoring (its cost, bounded on any corpus). */
  wholeBudgetBytes: number;
  /**
   * Names in the confidence: nameCover is the share of the page's name weight (its name-like query
   * terms, weight × title share, see chips.ts) a candidate matches; the confidence shown is that of the cosine
   * × min(1, nameCover / nameCoverFull)^nameConfidencePower (0 = off). Which results are returned at all
   * (minConfidence) still reads the plain cosine, so the list is the same; only what counts as confident moves.
   */
  nameCoverFull: number;
  nameConfidencePower: number;
  /**
   * Confidence from the whole-page cosine (wholeCosine, the query's and the page's other strong terms), which
   * reaches 0.5 at this cosine; the plain cosine (confidenceHalf) where it was not computed (0 = always plain).
   * Another outlet's report of the same event tells it in its own words, most of them written once in the page:
   * the query's 30 terms see only part of the match, and a longer text dilutes it further (Egypt 1–3 Russia:
   * BBC's report at 0.30 below a March friendly at 0.63). On dev (`npm run eval:sections`) it orders related
   * above unrelated results of a query more often (within-query AUC 0.702 → 0.742; odd half 0.767 → 0.791, even
   * 0.615 → 0.677), and 0.14 puts the logistic crossing at 0.49 (was 0.42), where the sections' floor is.
   */
  confidenceWholeHalf: number;
  /**
   * Events across outlets (events.ts): a listed candidate from another outlet whose headline shares at least
   * eventOverlap of its idf weight with an earlier card's, within eventHours, joins that card (0 = off). Off:
   * on dev it lowered nDCG@10 at every overlap tried (0.4–0.7, both halves; see the commit adding it).
   */
  eventOverlap: number;
  eventHours: number;
}

export const defaultRankParams: RankParams = {
  ...defaultQueryTermParams,
  candidates: 100,
  dateWeight: 0.5,
  dateScaleDays: 4,
  sourcePenalty: 0.05,
  confidenceHalf: 0.11,
  minConfidence: 0.2,
  alsoInMax: 5,
  titleWeight: 0.5,
  titleCandidates: 100,
  titleDupCosine: 0.25,
  expandTitles: 5,
  expandMinTitles: 2,
  expandWeight: 1,
  expandMaxTerms: 35,
  agreeCandidates: 12,
  agreeWeight: 0.1,
  wholeTerms: 100,
  wholeWeight: 0.25,
  wholeBudgetBytes: 128 * 1024,
  nameCoverFull: 0.5,
  nameConfidencePower: 0.5,
  confidenceWholeHalf: 0.14,
  eventOverlap: 0,
  eventHours: 36,
};

/** Confidence at or above which a result counts on the badge. */
export const CONFIDENT = 0.5;

export interface RankInput {
  position: number;
  score: number;
  cosine: number;
  mask: number;
  /** Idf-weighted share of the page title's terms found in this result's title (0..1), when computed. */
  titleOverlap?: number;
  /** Headline agreement with the other best candidates (0..1, see titleAgreement), when computed. */
  agreement?: number;
  /** Cosine with the page's strongest `wholeTerms` terms (see RankParams), when computed. */
  wholeCosine?: number;
  /** Share of the page's name weight this candidate matches (0..1, see RankParams), when computed. */
  nameCover?: number;
}

export interface RankContext {
  docHours: Int32Array;
  docSource: Uint16Array;
  docStory: Uint32Array;
  /** Query date in hours since the epoch, or null. */
  queryHours: number | null;
  /** Whether candidate b reports the same event as the already listed a (see events.ts); absent: stories only. */
  sameEvent?: (a: number, b: number) => boolean;
  noDate: number;
}

export interface Ranked {
  position: number;
  score: number;
  cosine: number;
  confidence: number;
  /** Whether the plain cosine reaches minConfidence (the result is returned at all). */
  listed: boolean;
  mask: number;
  /** Other candidates of the same story, best first. */
  storyCandidates: number[];
  daysApart: number | null;
}

export function confidenceOf(cosine: number, half: number): number {
  const c2 = cosine * cosine;
  return c2 / (c2 + half * half);
}

/**
 * Headline agreement of each candidate with the others: the weighted mean, over its title words, of the share
 * of the other stories among the candidates whose titles use the word too (a story counts once, whatever its
 * number of reprints). Where the best candidates are several reports of one event, their headlines repeat its
 * names and places, and a candidate that shares them rises above one from the same section or country that
 * matched the page's body as well but reports something else. `titles[i]` are candidate i's title words.
 */
export function titleAgreement(titles: number[][], stories: ArrayLike<number>, weight: (term: number) => number): number[] {
  const storiesOf = new Map<number, Set<number>>();
  titles.forEach((terms, i) => {
    for (const term of terms) {
      let set = storiesOf.get(term);
      if (!set) storiesOf.set(term, (set = new Set()));
      set.add(stories[i]);
    }
  });
  const others = new Set(Array.from(stories)).size - 1;
  return titles.map((terms) => {
    let shared = 0;
    let total = 0;
    for (const term of terms) {
      const w = weight(term);
      total += w;
      shared += (w * (storiesOf.get(term)!.size - 1)) / Math.max(1, others);
    }
    return total > 0 ? shared / total : 0;
  });
}

/** Date proximity factor for results `daysApart` days from the page (1 when dateWeight is 0). */
export function dateFactor(daysApart: number, p: RankParams): number {
  if (p.dateWeight <= 0) return 1;
  const x = daysApart / p.dateScaleDays;
  return 1 - p.dateWeight + p.dateWeight / (1 + x);
}

export function rank(candidates: RankInput[], ctx: RankContext, p: RankParams, k: number): Ranked[] {
  // 1. Date proximity, confidence.
  const adjusted = candidates.map((c): Ranked => {
    const h = ctx.docHours[c.position];
    let daysApart: number | null = null;
    let factor = 1;
    if (ctx.queryHours !== null && h !== ctx.noDate) {
      daysApart = Math.abs(ctx.queryHours - h) / 24;
      factor = dateFactor(daysApart, p);
    }
    let base = c.score;
    if (p.titleWeight > 0) base *= 1 + p.titleWeight * (c.cosine >= p.titleDupCosine ? 1 : c.titleOverlap ?? 0);
    if (p.agreeWeight > 0) base *= 1 + p.agreeWeight * (c.agreement ?? 0);
    if (p.wholeWeight > 0 && c.wholeCosine !== undefined) base *= Math.pow(c.wholeCosine, p.wholeWeight);
    const named = p.nameConfidencePower > 0 && c.nameCover !== undefined ? Math.pow(Math.min(1, c.nameCover / p.nameCoverFull), p.nameConfidencePower) : 1;
    const confidence =
      p.confidenceWholeHalf > 0 && c.wholeCosine !== undefined ? confidenceOf(c.wholeCosine * named, p.confidenceWholeHalf) : confidenceOf(c.cosine * named, p.confidenceHalf);
    const listed = confidenceOf(c.cosine, p.confidenceHalf) >= p.minConfidence;
    return { position: c.position, score: base * factor, cosine: c.cosine, confidence, listed, mask: c.mask, storyCandidates: [], daysApart };
  });
  adjusted.sort((a, b) => b.score - a.score || a.position - b.position);

  // 2. One item per story: its best candidate; the others ride along.
  const byStory = new Map<number, Ranked>();
  const items: Ranked[] = [];
  for (const c of adjusted) {
    const story = ctx.docStory[c.position];
    const item = byStory.get(story);
    if (item) {
      item.storyCandidates.push(c.position);
      continue;
    }
    if (!c.listed) continue;
    // Another outlet's report of an event already listed joins its card ("also in") instead of a card of its own.
    const event = ctx.sameEvent ? items.find((it) => ctx.sameEvent!(it.position, c.position)) : undefined;
    if (event) {
      event.storyCandidates.push(c.position);
      byStory.set(story, event);
      continue;
    }
    byStory.set(story, c);
    items.push(c);
  }

  // 3. Outlet diversity: greedy, each pick lowers the others from the same outlet.
  if (p.sourcePenalty <= 0) return items.slice(0, k);
  const out: Ranked[] = [];
  // (1 − sourcePenalty)^(results already picked from the outlet), by outlet.
  const outletFactor = new Map<number, number>();
  const left = items.slice();
  while (out.length < k && left.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const s = left[i].score * (outletFactor.get(ctx.docSource[left[i].position]) ?? 1);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    const [pick] = left.splice(best, 1);
    const outlet = ctx.docSource[pick.position];
    outletFactor.set(outlet, (outletFactor.get(outlet) ?? 1) * (1 - p.sourcePenalty));
    out.push(pick);
  }
  return out;
}
