/**
 * Search over the archive and the user's library as one list: library articles are scored by the archive
 * search's own formula and statistics (src/lib/search/outside.ts), so every result carries a score on one
 * scale and the lists are merged by it, not appended. Each result says where it comes from (its origin).
 */
import type { DocRecord, ResultOrigin, SearchResult } from '../lib/types';
import type { SilaIndex } from '../lib/engine';
import type { SearchableRead } from './library';

/** Characters of a read's text shown under its title. */
export const SNIPPET_CHARS = 300;

/** A read as a result card: a DocRecord with an id no archive article has (archive ids are the corpus'). */
function readAsDoc(read: SearchableRead): DocRecord {
  return { id: `reading:${read.id}`, title: read.title, url: read.url, source: read.outlet, published: read.published, snippet: read.opening.slice(0, SNIPPET_CHARS), story: -1 };
}

/** What search asks of each read, per list of reads (the same array while the reads stay as they are). */
const inputs = new WeakMap<readonly SearchableRead[], { key: string; title: string; body: string }[]>();

/** The reads matching a query, best first, as search results of origin "reading" (at most `limit`). */
export async function searchReads(index: Pick<SilaIndex, 'searchOutside'>, reads: readonly SearchableRead[], query: string, limit: number): Promise<SearchResult[]> {
  if (reads.length === 0) return [];
  let asked = inputs.get(reads);
  if (!asked) inputs.set(reads, (asked = reads.map((r) => ({ key: `reading:${r.id}`, title: r.title, body: r.opening }))));
  const hits = await index.searchOutside(query, asked, 'reading');
  const origin: ResultOrigin = { kind: 'reading' };
  return hits.slice(0, limit).map((h) => ({ doc: readAsDoc(reads[h.index]), position: -1, score: h.score, matchedTerms: h.matchedTerms, origin }));
}

/**
 * Lists from several sources as one, by score (each list best first), at most `limit`. At equal scores the
 * earlier list (the archive, given first) comes first. Archive results are labelled with their origin too.
 */
export function mergeSearchResults(lists: readonly (readonly SearchResult[])[], limit: number): SearchResult[] {
  const all = lists.flatMap((list) => list.map((r): SearchResult => (r.origin ? r : { ...r, origin: { kind: 'archive' } })));
  // Array.prototype.sort is stable: ties keep list order, then each list's own order.
  return all.sort((a, b) => b.score - a.score).slice(0, limit);
}
