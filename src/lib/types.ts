/**
 * The shapes every part of Sila agrees on: the corpus schema, what the content script extracts from a page,
 * what the index stores about each article and what the engine answers. Pure types, no runtime code.
 */

/** One line of a corpus JSONL file (see README "Corpus schema"). Only id, title and body are required. */
export interface CorpusArticle {
  id: string;
  title: string;
  /** Paragraphs separated by "\n". */
  body: string;
  url?: string | null;
  source?: string | null;
  /** ISO 8601, with or without offset. */
  published?: string | null;
  category?: string | null;
  other_categories?: string[];
  tags?: string[];
  abstract?: string | null;
  author?: string | null;
}

/** What the content script extracts from the page the user is reading. */
export interface ArticleSnapshot {
  /** True when the page is judged to be one article (not a home page, listing, search page, app). */
  isArticle: boolean;
  title: string;
  /** Main text, paragraphs separated by "\n", without navigation, "read also", comments or footers. */
  text: string;
  /** BCP 47 language tag from the page ("ar", "en"), or "" when unknown. */
  lang: string;
  dir: 'rtl' | 'ltr';
  url: string;
  canonicalUrl: string | null;
  /** ISO 8601, or null when the page gives none. */
  published: string | null;
  /** Outlet name, e.g. "Sky News Arabia", or null. */
  siteName: string | null;
}

/** What the index keeps about one corpus article for display. Index positions are dense 0..n-1. */
export interface DocRecord {
  /** The corpus id. */
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  /** The first words of the body, for the result list. */
  snippet: string;
  /** Position of the story (group of near-duplicate articles) this article belongs to. */
  story: number;
}

/** The page (or corpus article) to find related articles for. */
export interface RelatedQuery {
  title: string;
  body: string;
  published?: string | null;
}

export interface RelatedResult {
  doc: DocRecord;
  /** Index position of doc. */
  position: number;
  score: number;
  /** 2–4 words or names the two articles share, as written in the query article, most telling first. */
  sharedTerms: string[];
  /** The same story printed by other outlets: shown as "also in: …" rather than as separate results. */
  alsoIn: DocRecord[];
  /**
   * 0..1: how sure the engine is that this result is related (a squashed cosine between the page and the result).
   * The badge counts results with confidence ≥ CONFIDENT (0.5, exported by src/lib/engine.ts).
   */
  confidence?: number;
  /** Days between the page's date and the result's, when both are known (shown as "2 days earlier"). */
  daysApart?: number | null;
  /** Set when the result comes from one of the user's collections (src/library), not the bundled archive. */
  collection?: { id: number; name: string };
  /** Set when the result is an article the user read and Sila remembered (src/library): when, ms since the epoch. */
  readAt?: number;
}

/** Where a result comes from: the bundled archive, the articles the user read, or one of their collections. */
export type ResultOrigin = { kind: 'archive' } | { kind: 'reading' } | { kind: 'collection'; id: string; name: string };

export interface SearchResult {
  doc: DocRecord;
  /** Index position of doc in the archive; -1 for an article from the user's library. */
  position: number;
  score: number;
  /** Query words as matched in the title, to highlight. */
  matchedTerms: string[];
  /** Absent: the archive. */
  origin?: ResultOrigin;
}

/** meta.json of a built index: describes the corpus and lists the files. */
export interface CorpusCredit {
  /** The corpus' own name ("ANT Corpus"). */
  title: string;
  /** Its home page (http or https), or null. */
  url: string | null;
  /** The reference its authors ask users to cite, as plain text, or null. */
  citation: string | null;
}

export interface IndexMeta {
  formatVersion: number;
  builtAt: string;
  corpus: {
    name: string;
    articleCount: number;
    storyCount: number;
    sources: { name: string; count: number }[];
    /** ISO dates of the oldest and newest dated articles, or null. */
    dateRange: [string, string] | null;
    languages: string[];
    licenceNote: string;
    /** ISO dates between which 99 % of the dated articles lie (0.5 % and 99.5 % quantiles); older builds lack it. */
    coverage?: [string, string] | null;
    /** Who made the corpus, where a reader can see it and its terms, and the citation its authors ask for. */
    credit?: CorpusCredit | null;
  };
  /** Every file of the index with its size in bytes and SHA-256, so a corrupt package is caught at load. */
  files: { name: string; bytes: number; sha256: string }[];
}
