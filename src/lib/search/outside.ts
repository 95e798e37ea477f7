/**
 * Scoring articles that are not in the archive (the reader's remembered reads, a collection) for a typed
 * query, on the archive's scale, so the two lists merge by one score rather than one being appended: the same
 * formula as an archive hit (term-hits.ts and TitleLeadSearcher.rank), MiniSearch's BM25+ over the title times
 * the number of query words the title matched, plus the lead's weighted BM25, with the archive's statistics
 * (document frequencies, average lengths) as if the article were one more document of it.
 *
 * Left out for these articles: fuzzy matches (one-edit neighbours) and the cap on a prefix's completions; a
 * prefix matches every completion the article's own title holds.
 */
import { analyzeTokens } from '../text/index';
import { leadOf } from './build';
import type { SearchTuning } from './options';
import type { PostingsTable } from './postings';
import { PREFIX_WEIGHT } from './term-hits';

/** An article analysed once (its title's and lead's term counts), then scored on every keystroke. */
export interface OutsideDoc {
  titleTf: Map<string, number>;
  titleLength: number;
  /** Title words as written, with their (canonical) term: to name the matched words. */
  titleWords: { term: string; surface: string }[];
  leadTf: Map<string, number>;
  leadLength: number;
}

export interface OutsideHit {
  /** Index of the article in the list scored. */
  index: number;
  score: number;
  matchedTerms: string[];
}

export interface ArchiveStats {
  title: PostingsTable;
  lead: PostingsTable;
  tuning: SearchTuning;
}

function counts(terms: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** `canon` maps a term to the spelling the archive's index holds (learned variants). */
export function prepareOutside(article: { title: string; body: string }, tuning: SearchTuning, canon: (term: string) => string): OutsideDoc {
  const titleWords = analyzeTokens(article.title).map((t) => ({ term: canon(t.term), surface: t.surface }));
  const lead = analyzeTokens(leadOf(article.body, tuning.leadChars)).map((t) => canon(t.term));
  return { titleTf: counts(titleWords.map((w) => w.term)), titleLength: titleWords.length, titleWords, leadTf: counts(lead), leadLength: lead.length };
}

/**
 * Prepared articles with a table from each of their title and lead terms to the articles holding it, so that a
 * query scores only the articles holding one of its words (or, for the word being typed, a title word it
 * begins): the others score 0 and would be dropped anyway, so the hits are the same as over every article.
 */
export interface OutsideSet {
  docs: readonly OutsideDoc[];
  byTerm: Map<string, number[]>;
  /** Every title term, sorted: the ones a typed prefix begins are one range of it. */
  titleTerms: string[];
}

export function outsideSet(docs: readonly OutsideDoc[]): OutsideSet {
  const byTerm = new Map<string, number[]>();
  const titles = new Set<string>();
  const add = (term: string, i: number) => {
    const list = byTerm.get(term);
    if (!list) byTerm.set(term, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  docs.forEach((doc, i) => {
    for (const term of doc.titleTf.keys()) (add(term, i), titles.add(term));
    for (const term of doc.leadTf.keys()) add(term, i);
  });
  return { docs, byTerm, titleTerms: [...titles].sort() };
}

/** The articles of `set` a query can score, ascending. */
function candidatesOf(set: OutsideSet, query: { terms: readonly string[]; partial: string | null }, minPrefixLength: number): number[] {
  const seen = new Uint8Array(set.docs.length);
  const out: number[] = [];
  const take = (term: string) => {
    for (const i of set.byTerm.get(term) ?? []) if (!seen[i]) (seen[i] = 1), out.push(i);
  };
  for (const term of query.terms) take(term);
  const p = query.partial;
  if (p !== null) {
    take(p);
    if (p.length >= minPrefixLength) {
      let lo = 0;
      let hi = set.titleTerms.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (set.titleTerms[mid] < p) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < set.titleTerms.length && set.titleTerms[i].startsWith(p); i++) take(set.titleTerms[i]);
    }
  }
  return out.sort((a, b) => a - b);
}

function dfOf(table: PostingsTable, term: string): number {
  const i = table.find(term);
  return i < 0 ? 0 : table.df(i);
}

/** The archive's idf for a term, the article counted as one more document holding it. */
function idf(table: PostingsTable, term: string): number {
  const n = table.header.docCount + 1;
  const df = dfOf(table, term) + 1;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Scores of `docs` for the query's complete terms and the term being typed (already parsed and mapped to the
 * archive's spelling, as the archive search does). Only articles with a positive score are returned, best first.
 */
export function scoreOutside(stats: ArchiveStats, query: { terms: readonly string[]; partial: string | null }, articles: readonly OutsideDoc[] | OutsideSet): OutsideHit[] {
  const docs = 'byTerm' in articles ? articles.docs : articles;
  const indexes = 'byTerm' in articles ? candidatesOf(articles, query, stats.tuning.minPrefixLength) : docs.keys();
  const { title, lead, tuning: t } = stats;
  const { k, b, d } = t.titleBm25;
  const avgTitle = title.header.avgLength || 1;
  const avgLead = lead.header.avgLength || 1;
  // Statistics per term, looked up once per query rather than once per article.
  const memo = <T>(f: (term: string) => T) => {
    const known = new Map<string, T>();
    return (term: string) => {
      let v = known.get(term);
      if (v === undefined) known.set(term, (v = f(term)));
      return v;
    };
  };
  const titleIdf = memo((term) => idf(title, term));
  const bm25plus = (term: string, tf: number, length: number) => titleIdf(term) * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avgTitle)));
  // Lead terms in more than leadMaxDfShare of the archive's leads are not indexed there: not counted here either.
  // The lead table no longer knows them, so their share of titles stands in for it.
  const leadWeight = memo((term) =>
    lead.find(term) >= 0 || dfOf(title, term) <= t.leadMaxDfShare * title.header.docCount ? idf(lead, term) * t.leadWeight : 0,
  );
  const leadScore = (term: string, doc: OutsideDoc) => {
    const tf = doc.leadTf.get(term);
    if (!tf) return 0;
    const w = leadWeight(term);
    if (w === 0) return 0;
    return (w * tf * (t.leadK1 + 1)) / (tf + t.leadK1 * (1 - t.leadB + (t.leadB * doc.leadLength) / avgLead));
  };
  const hits: OutsideHit[] = [];
  for (const index of indexes) {
    const doc = docs[index];
    let titleSum = 0;
    let titleCount = 0;
    let leadSum = 0;
    const matched = new Set<string>();
    for (const term of query.terms) {
      const tf = doc.titleTf.get(term);
      if (tf) (titleSum += bm25plus(term, tf, doc.titleLength)), titleCount++, matched.add(term);
      leadSum += leadScore(term, doc);
    }
    const p = query.partial;
    if (p !== null) {
      let partScore = 0;
      for (const [term, tf] of doc.titleTf) {
        if (term === p) partScore += bm25plus(term, tf, doc.titleLength);
        else if (p.length >= t.minPrefixLength && term.startsWith(p)) {
          const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - p.length));
          partScore += weight * bm25plus(term, tf, doc.titleLength);
        } else continue;
        matched.add(term);
      }
      if (partScore > 0) (titleSum += partScore), titleCount++;
      leadSum += leadScore(p, doc);
    }
    const score = titleSum * titleCount + leadSum;
    if (score <= 0) continue;
    const surfaces: string[] = [];
    for (const w of doc.titleWords) if (matched.has(w.term) && !surfaces.includes(w.surface)) surfaces.push(w.surface);
    hits.push({ index, score, matchedTerms: surfaces });
  }
  return hits.sort((a, b) => b.score - a.score || a.index - b.index);
}
