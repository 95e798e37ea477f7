/**
 * One related list for a page from every source: the bundled archive's results, the user's remembered reads and
 * their collections' articles, merged by the one confidence they all compute the same way (rank.ts, the bundled
 * engine's calibrated cosine), not appended. Each library result says where it comes from (`readAt` for a read,
 * `collection` for a collection's article), so the list can label it.
 */
import type { RelatedResult } from '../lib/types';
import type { LibraryMatch } from './library';

/** A remembered read as a related result: a DocRecord with an id no archive article has. */
export function readAsRelated({ read, confidence, score }: LibraryMatch): RelatedResult {
  return {
    doc: { id: `reading:${read.id}`, title: read.title, url: read.url, source: read.outlet, published: read.published, snippet: '', story: -1 },
    position: -1,
    score,
    sharedTerms: [],
    alsoIn: [],
    confidence,
    readAt: read.readAt,
  };
}

/**
 * A collection's result with an id of its own: a collection's article ids are the file's (any string, possibly an
 * archive article's, as when a user imports a corpus that overlaps the bundled one), so the collection is named in it.
 */
export function collectionScoped(result: RelatedResult): RelatedResult {
  return result.collection ? { ...result, doc: { ...result.doc, id: `collection:${result.collection.id}:${result.doc.id}` } } : result;
}

const urlKey = (url: string | null) => (url ? url.replace(/#.*$/, '').replace(/\/+$/, '') : '');

/**
 * The lists as one, best confidence first, at most `limit`: an article at the same URL is listed once (its best
 * source), and never the page itself (`ownUrls`: its URL and canonical URL). A result without a confidence
 * counts as 1, as the sections read it. At equal confidence the earlier list comes first (the archive, given first).
 */
export function mergeRelated(lists: readonly (readonly RelatedResult[])[], options: { limit: number; ownUrls?: readonly string[] }): RelatedResult[] {
  const all = lists.flat();
  // Array.prototype.sort is stable: ties keep list order, then each list's own order.
  all.sort((a, b) => (b.confidence ?? 1) - (a.confidence ?? 1));
  const seen = new Set((options.ownUrls ?? []).map(urlKey).filter(Boolean));
  const ids = new Set<string>();
  const out: RelatedResult[] = [];
  for (const r of all) {
    if (out.length >= options.limit) break;
    const key = urlKey(r.doc.url);
    if ((key && seen.has(key)) || ids.has(r.doc.id)) continue;
    if (key) seen.add(key);
    ids.add(r.doc.id);
    out.push(r);
  }
  return out;
}
