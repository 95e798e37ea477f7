/** Run time: open the files buildSearchFiles wrote. No JSON index parse, no per-posting work at load. */
import type { IndexSource } from '../index/source';
import { SEARCH_FORMAT } from './options';
import { PostingsTable } from './postings';
import { SEARCH_META_FILE, concatBytes, type SearchMeta } from './files';
import { titleIndexFrom } from './title-index';
import { TitleLeadSearcher, type Searcher } from './searcher';

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
    wantTitles ? Promise.all(meta.files.titles.map((n) => source.bytes(n))) : Promise.resolve(null),
  ]);
  const title = titleIndexFrom(new PostingsTable(titleBlob));
  const lead = new PostingsTable(leadBlob);
  if (title.mini.documentCount !== meta.docCount || lead.header.docCount !== meta.docCount) {
    throw new Error('search index files disagree on the number of articles: rebuild the index');
  }
  const titleOf = options.titleOf ?? (titleText ? titleLines(titleText) : null);
  return new TitleLeadSearcher(title, lead, titleOf, undefined, new Map(meta.variants ?? []));
}

/**
 * Title at a position, from the titles file(s) kept as UTF-8 bytes: line offsets are found on first use and a
 * title is decoded only when a hit is shown (splitting 30k titles into strings at load would cost more).
 */
function titleLines(parts: Uint8Array[]): (position: number) => string | undefined {
  const decoder = new TextDecoder();
  let lines: { part: Uint8Array; start: number; end: number }[] | null = null;
  return (position) => {
    if (!lines) {
      lines = [];
      for (const part of parts) {
        let start = 0;
        for (let end = part.indexOf(10); ; end = part.indexOf(10, start)) {
          if (end < 0) end = part.length;
          lines.push({ part, start, end });
          if (end >= part.length) break;
          start = end + 1;
        }
      }
    }
    const line = lines[position];
    return line ? decoder.decode(line.part.subarray(line.start, line.end)) : undefined;
  };
}
