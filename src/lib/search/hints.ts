/**
 * What the search says beside its results: "did you mean" for a word the archive (almost) never
 * uses, and, for a query in Latin letters, that the archive is Arabic with the query spelt in Arabic.
 */
import { LATIN_WORD, arabicSpelling } from './transliterate';
import type { Searcher } from './searcher';

/** A search with fewer results than this asks for hints (the popup, the side panel and the address bar). */
export const HINTS_BELOW = 3;

export interface SearchHints {
  /** The query with its unknown words replaced by near title words, or null. */
  didYouMean: string | null;
  /** For a query written only in Latin letters: the same words spelt in Arabic letters, else null. */
  arabicQuery: string | null;
}

/** Hints for `query`; `titles` reads titles (to show a suggested word as the titles write it). */
export async function hintsFor(
  searcher: Pick<Searcher, 'didYouMean'>,
  query: string,
  titles: (positions: number[]) => Promise<(string | null | undefined)[]>,
): Promise<SearchHints> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const latin = words.length > 0 && words.every((w) => LATIN_WORD.test(w.replace(/[.,;:!?"()-]/g, '')));
  const arabicQuery = latin ? words.map((w) => arabicSpelling(w)).filter(Boolean).join(' ') || null : null;
  return { didYouMean: latin ? null : await searcher.didYouMean(query, titles), arabicQuery };
}
