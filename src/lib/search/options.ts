/**
 * The one place that says how toolbar search indexes and ranks, shared by the build (scripts), the extension
 * and the evals, so they can never drift apart. MiniSearch needs the very options it indexed with in order to
 * load an index; keep them here and nowhere else.
 */
import type { Options } from 'minisearch';
import { analyze } from '../text/index';

/** Bumped whenever the files written by buildSearchFiles change shape or meaning. */
export const SEARCH_FORMAT = 2;

/** What MiniSearch indexes for each article: its position (the id) and its title. */
export interface TitleDoc {
  id: number;
  title: string;
}

/**
 * MiniSearch options for the title index. The analyzer does all the work (normalise, tokenise, stopwords,
 * stem), so `processTerm` is the identity: "أمريكا", "امريكا" and "أمْريكا" all become one term.
 * @example new MiniSearch(miniSearchOptions).addAll([{ id: 0, title: 'وزارة الخارجية' }])
 */
export const miniSearchOptions: Options<TitleDoc> = {
  idField: 'id',
  fields: ['title'],
  storeFields: [],
  tokenize: (text) => analyze(text),
  processTerm: (term) => term,
  autoVacuum: false,
};

/**
 * Ranking and as-you-type knobs, measured on headline-paraphrases.jsonl split in two halves (odd/even lines):
 * a value is kept only when both halves agree, and otherwise MiniSearch's default stays, so a held-out file
 * built the same way sees the same behaviour. Figures: src/lib/search/README.md.
 */
export const searchTuning = {
  /**
   * The lead: the first characters of the body (about one sentence), indexed apart from the title as a compact
   * BM25 signal. Title alone: MRR@10 0.841, hit@10 0.932; with a 200-character lead 0.845 / 0.945 for 1.4 MB;
   * 400 or 800 characters or the whole body add size, not MRR.
   */
  leadChars: 200,
  /** Lead terms in more than this share of articles are not kept (they rank nothing and cost space). */
  leadMaxDfShare: 0.05,
  /** Weight of the lead's BM25 score added to MiniSearch's title score. */
  leadWeight: 2,
  /** BM25 parameters of the lead signal. */
  leadK1: 1.2,
  leadB: 0.75,
  /** MiniSearch's BM25+ for the title (its defaults). */
  titleBm25: { k: 1.2, b: 0.7, d: 0.5 },
  /**
   * The word being typed is prefix-matched from this many letters of its stem. With half of each query typed,
   * MRR@10 is 0.527 with no prefix matching, 0.544 from 3 letters, 0.553 from 2.
   */
  minPrefixLength: 2,
  /**
   * The word being typed expands to at most this many of its most frequent title completions, together in at
   * most `expansionBudget` titles (the first completion always counts). Two-letter prefixes are what makes a
   * keystroke slow: 12 / 3000 cost p95 1.7 ms CPU per keystroke, 6 / 1500 cost 1.1 ms and keep MRR@10 at half
   * typed at 0.552 (0.553 unbounded); prefixes only from 3 letters would cost 0.8 ms but give 0.544.
   */
  maxExpansions: 6,
  expansionBudget: 1500,
  /** Terms whose hits are kept between keystrokes. */
  cacheTerms: 256,
  /**
   * Complete words whose term has this many letters also match one-edit neighbours (MiniSearch fuzzy, its 0.45
   * weight). MRR@10 0.844 → 0.857 (both halves gain), with one typo per query 0.774 → 0.816; from 6 letters it
   * gains nothing, from 4 no more. Keystroke CPU p95 0.70 → 1.02 ms.
   */
  fuzzyMinLength: 5,
  /**
   * A Latin query word in fewer titles than this is searched by its Arabic spelling (transliterate.ts): the
   * archive is Arabic, and "CNN" or "iPhone" in a few titles must not hide ترامب from "Trump".
   */
  latinMinTitles: 3,
  /**
   * "Did you mean" is offered for a word in at most `typoMaxTitles` titles, never for a word the archive uses:
   * a query that finds its words gets no suggestion. The suggestion must be in `typoMinTitles`+ titles.
   */
  typoMaxTitles: 1,
  typoMinTitles: 3,
  /** Queries are cut to this many characters and terms: nobody types more, and it bounds the work. */
  maxQueryChars: 400,
  maxQueryTerms: 24,
} as const;

export type SearchTuning = typeof searchTuning;
