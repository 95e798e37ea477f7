/**
 * The library's sources beside the bundled archive, asked together: the remembered reads and the collections,
 * for a page's related articles and for a typed search. Each source is asked on its own: one that cannot be read
 * (a damaged or refused database) costs only its own results, never the others' or the archive's.
 */
import type { SilaIndex } from '../lib/engine';
import type { RelatedResult, SearchResult } from '../lib/types';
import type { CollectionIndex } from './collection-related';
import type { CollectionSearch } from './collection-search';
import { searchCollections } from './collection-search';
import type { Library } from './library';
import { collectionScoped, mergeRelated, readAsRelated } from './related-merge';
import { mergeSearchResults, searchReads } from './search';

export interface LibrarySources {
  /** null: no reads to ask. */
  reads(): Promise<Library | null>;
  /** Absent until collections are stored (then only the reads are asked). */
  collections?(): Promise<{ index: CollectionIndex; search: CollectionSearch }>;
}

export interface LibraryPage {
  title: string;
  text: string;
  published?: string | null;
  /** The page's URL and canonical URL: never listed. */
  urls: string[];
}

function fallback<T>(what: string): (error: unknown) => T[] {
  return (error) => {
    console.warn(`Sila: ${what} left out`, error);
    return [];
  };
}

/** Reads and collections' articles related to a page, merged by confidence, best first, at most `limit`. */
export async function libraryRelated(sources: LibrarySources, page: LibraryPage, limit: number): Promise<RelatedResult[]> {
  const [reads, collections] = await Promise.all([
    sources
      .reads()
      .then((library) => library?.related(page, limit) ?? [])
      .then((matches) => matches.map(readAsRelated))
      .catch(fallback<RelatedResult>('the reads')),
    sources.collections
      ? sources
          .collections()
          .then(({ index }) => index.related(page, limit))
          .then((results) => results.map(collectionScoped))
          .catch(fallback<RelatedResult>('the collections'))
      : [],
  ]);
  return mergeRelated([reads, collections], { limit, ownUrls: page.urls });
}

/** Reads and collections' articles matching a query, on the archive search's scale, merged by score. */
export async function librarySearch(sources: LibrarySources, index: Pick<SilaIndex, 'searchOutside'>, query: string, limit: number): Promise<SearchResult[]> {
  const [reads, collections] = await Promise.all([
    sources
      .reads()
      .then((library) => library?.forSearch() ?? [])
      .then((found) => searchReads(index, found, query, limit))
      .catch(fallback<SearchResult>('the reads')),
    sources.collections
      ? sources
          .collections()
          .then(({ search }) => search.articles())
          .then((articles) => searchCollections(index, articles, query, limit))
          .catch(fallback<SearchResult>('the collections'))
      : [],
  ]);
  return mergeSearchResults([reads, collections], limit);
}
