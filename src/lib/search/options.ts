/**
 * The one place that says how toolbar search indexes and ranks, shared by the build (scripts), the extension
 * and the evals, so they can never drift apart. MiniSearch needs the very options it indexed with in order to
 * load an index; keep them here and nowhere else.
 */
import type { Options } from 'minisearch';
import { analyze } from '../text/index.ts';

/** Bumped whenever the files written by buildSearchFiles change shape or meaning. */
export const SEARCH_FORMAT = 1;

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
 * Ranking and as-you-type knobs. Chosen on headline-paraphrases.jsonl with two-fold cross-validation
 * (tuned on one half, checked on the other) and kept round, so the held-out file sees the same behaviour;
 * see scripts/eval-search.ts and src/lib/search/README.md for the figures behind each value.
 */
export const searchTuning = {
  /** The lead: the first characters of the body, indexed apart from the title as a compact BM25 signal. */
  leadChars: 400,
  /** Lead terms in more than this share of articles are not kept (they rank nothing and cost space). */
  leadMaxDfShare: 0.05,
  /** Weight of the lead's BM25 score added to MiniSearch's title score. */
  leadWeight: 2,
  /** BM25 parameters of the lead signal. */
  leadK1: 1.2,
  leadB: 0.75,
  /** MiniSearch's BM25+ for the title (its defaults). */
  titleBm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** The word being typed is prefix-matched only from this many letters (shorter ones expand to too much). */
  minPrefixLength: 3,
  /** The word being typed expands to at most this many of its most frequent title completions … */
  maxExpansions: 12,
  /** … together in at most this many titles (beyond the first completion), which bounds a keystroke's work. */
  expansionBudget: 3000,
  /** Terms whose hits are kept between keystrokes. */
  cacheTerms: 256,
  /** A complete word that the index has never seen is looked up with one edit, from this length on. */
  fuzzyMinLength: 5,
  /** Queries are cut to this many characters and terms: nobody types more, and it bounds the work. */
  maxQueryChars: 400,
  maxQueryTerms: 24,
} as const;

export type SearchTuning = typeof searchTuning;
