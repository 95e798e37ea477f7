/**
 * Toolbar search: find corpus articles by what the user types, fully on-device.
 *
 * Build time: `buildSearchFiles(docs)` → files named search*, each under 4 MiB.
 * Run time: `loadSearcher(source)` → `searcher.search(query, { k })` → positions, scores, matched title words.
 * @example
 *   const files = buildSearchFiles(articles.map((a, position) => ({ position, title: a.title, body: a.body })));
 *   const searcher = await loadSearcher(memorySource(new Map(Object.entries(files))));
 *   searcher.search('امريكا') // finds "أمريكا", "أمْريكا", "امريكا"
 */
export { buildSearchFiles, leadOf, type SearchDocInput, type BuildSearchOptions } from './build';
export { loadSearcher, type LoadSearcherOptions } from './load';
export type { Searcher, SearchHit, SearchOptions } from './searcher';
export type { IndexSource } from '../index/source';
export { miniSearchOptions, searchTuning, SEARCH_FORMAT } from './options';
export { SEARCH_META_FILE } from './files';
