/** Run time: open the files buildSearchFiles wrote. No JSON index parse, no per-posting work at load. */
import type { IndexSource } from '../index/source.ts';
import { SEARCH_FORMAT } from './options.ts';
import { PostingsTable } from './postings.ts';
import { SEARCH_META_FILE, concatBytes, type SearchMeta } from './files.ts';
import { titleIndexFrom } from './title-index.ts';
import { TitleLeadSearcher, type Searcher } from './searcher.ts';

export interface LoadSearcherOptions {
  /**
   * The title at a position, when the caller already holds the DocRecords: then the titles file is not read.
   * Titles are only used to report which title words matched.
   */
  titleOf?: (position: number) => string | null | undefined;
}

/**
 * Load the search index from an IndexSource (package files in the extension, a directory in Node).
 * @example const searcher = await loadSearcher(dirSource('build/cache/…')); searcher.search('ترامب')
 */
export async function loadSearcher(source: IndexSource, options: LoadSearcherOptions = {}): Promise<Searcher> {
  const meta = JSON.parse(await source.text(SEARCH_META_FILE)) as SearchMeta;
  if (meta.format !== SEARCH_FORMAT) {
    throw new Error(`search index format ${meta.format} is not ${SEARCH_FORMAT}: rebuild the index (npm run build:index)`);
  }
  const bytesOf = async (names: string[]) => concatBytes(await Promise.all(names.map((n) => source.bytes(n))));
  const wantTitles = !options.titleOf && meta.files.titles.length > 0;
  const [titleBlob, leadBlob, titleText] = await Promise.all([
    bytesOf(meta.files.title),
    bytesOf(meta.files.lead),
    wantTitles ? Promise.all(meta.files.titles.map((n) => source.text(n))) : Promise.resolve(null),
  ]);
  const title = titleIndexFrom(new PostingsTable(titleBlob));
  const lead = new PostingsTable(leadBlob);
  if (title.mini.documentCount !== meta.docCount || lead.header.docCount !== meta.docCount) {
    throw new Error('search index files disagree on the number of articles: rebuild the index');
  }
  let titleOf = options.titleOf ?? null;
  if (titleText) {
    const titles = titleText.flatMap((part) => part.split('\n'));
    titleOf = (p) => titles[p];
  }
  return new TitleLeadSearcher(title, lead, titleOf);
}
