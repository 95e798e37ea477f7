/**
 * Sila's engine: the shipped index opened once, answering related-articles and search queries. The extension's
 * background, `npm run related`, `npm run eval` and `npm run bench` all go through openIndex, so what is
 * measured is what ships.
 *
 * @example
 * const index = await openIndex(dirSource('public/index'));
 * const here = await index.findCorpusArticle({ url: page.url, title: page.title, text: page.text });
 * const results = here >= 0 ? await index.relatedToPosition(here, { k: 10 }) : await index.related({ title, body }, { k: 10 });
 *
 * Opening reads only what every query needs; postings, documents and neighbour lists are read from their
 * files as queries need them, hence the promises.
 */
import { findCorpusArticle, type PageIdentity } from './index/identity';
import { IndexLoadError, LoadedIndex, loadIndex, type LoadOptions } from './index/load';
import type { IndexSource } from './index/source';
import { weighArticle, type WeighedDoc } from './index/weigh';
import { RelatedEngine, type RelatedOptions } from './related/related';
import { loadSearcher } from './search';
import { hintsFor, type SearchHints } from './search/hints';
import { outsideSet, type OutsideDoc, type OutsideSet } from './search/outside';
import type { DocRecord, IndexMeta, RelatedQuery, RelatedResult, SearchResult } from './types';

export { IndexLoadError };
export { CONFIDENT } from './related/rank';

export type { PageIdentity };

export interface SilaIndex {
  meta: IndexMeta;
  /** Number of articles (positions are 0..size-1). */
  size: number;
  doc(position: number): Promise<DocRecord>;
  /** Position of the corpus article this page is, or -1. */
  findCorpusArticle(page: PageIdentity): Promise<number>;
  /** Related articles for a page taken as new (see findCorpusArticle + relatedToPosition for corpus articles). */
  related(query: RelatedQuery, options?: RelatedOptions): Promise<RelatedResult[]>;
  /** Related articles for corpus article `position` (never itself). Pass the page as `query` for its shared terms. */
  relatedToPosition(position: number, options?: RelatedOptions & { query?: RelatedQuery }): Promise<RelatedResult[]>;
  /** Toolbar search (src/lib/search), loaded on first use. */
  search(query: string, options?: { k?: number }): Promise<SearchResult[]>;
  /**
   * Articles outside the archive (the user's library) that match a typed query, scored on the archive search's
   * scale (src/lib/search/outside.ts), best first. `key` names an article: its analysis is kept while it is asked.
   * `group` names the list (the reads, the collections): the same list asked again (the same array) reuses its
   * term table, so a keystroke scores only the articles holding a query word.
   */
  searchOutside(query: string, articles: readonly { key: string; title: string; body: string }[], group?: string): Promise<{ index: number; score: number; matchedTerms: string[] }[]>;
  /** "Did you mean" for a typo, the Arabic spelling of a Latin query (src/lib/search/hints.ts). */
  searchHints(query: string): Promise<SearchHints>;
  /**
   * A page as the personal library (src/library) asks about it: its related-articles query (terms, weights,
   * whole-page norm and the page's other strong terms, as related() uses them) over this index's statistics:
   * the very analysis related() made of the page when it was the last page ranked (RelatedEngine.analyzePage).
   */
  libraryQuery(query: RelatedQuery): {
    query: { terms: number[]; weights: number[]; norm: number; restTerms: number[]; restWeights: number[] };
    k1: number;
  };
  /** An article the personal library keeps, weighed as a document of this index. */
  weighForLibrary(article: { title: string; body: string }): WeighedDoc;
  /**
   * "Shares" chips for the library's articles related to a page (src/library/related-details.ts): per article,
   * the page's terms its title or text holds, chosen among them as the bundled results' chips are. The page's
   * analysis is the kept one (libraryQuery's, when it was the last page asked about): no second analysis.
   */
  sharedTermsOutside(query: RelatedQuery, articles: readonly { title: string; body: string }[]): string[][];
}

export async function openIndex(source: IndexSource, options: LoadOptions = {}): Promise<SilaIndex> {
  const ix = await loadIndex(source, options);
  const engine = new RelatedEngine(ix);
  let searcher: ReturnType<typeof loadSearch> | null = null;

  return {
    meta: ix.meta,
    size: ix.docCount,
    async doc(position) {
      await ix.ensureDocs([position]);
      return ix.doc(position);
    },
    findCorpusArticle: (page) => findCorpusArticle(ix, page),
    // The page as given, never looked up as a corpus article: callers that may hold a corpus article (the
    // extension) ask findCorpusArticle first; the eval's queries are by definition not in the corpus.
    related: (query, options) => engine.related(query, options),
    relatedToPosition: (position, options) => engine.relatedToPosition(position, options),
    libraryQuery(query) {
      // The analysis the archive's own ranking of this page made, when it was the last page ranked.
      const q = engine.analyzePage(query);
      // restTerms: the page's other strong terms, for the whole-page cosine the bundled confidence is made of.
      return { query: { terms: q.terms, weights: q.weights, norm: q.norm, restTerms: q.restTerms, restWeights: q.restWeights }, k1: ix.meta.sila.params.k1 };
    },
    weighForLibrary(article) {
      return weighArticle(ix, article);
    },
    sharedTermsOutside: (query, articles) => engine.sharedTermsOutside(query, articles),
    async search(query, options) {
      searcher ??= loadSearch(source, ix).catch((error: unknown) => {
        searcher = null;
        throw error;
      });
      return (await searcher).search(query, options);
    },
    async searchOutside(query, articles, group) {
      searcher ??= loadSearch(source, ix).catch((error: unknown) => {
        searcher = null;
        throw error;
      });
      return (await searcher).searchOutside(query, articles, group);
    },
    async searchHints(query) {
      searcher ??= loadSearch(source, ix).catch((error: unknown) => {
        searcher = null;
        throw error;
      });
      return (await searcher).hints(query);
    },
  };
}

/**
 * The toolbar search (src/lib/search): its files are loaded lazily so related answers never wait for them. The
 * code is imported statically: a dynamic import() goes through Vite's preload helper, which touches `window`
 * and throws in a service worker.
 */
async function loadSearch(source: IndexSource, ix: LoadedIndex): Promise<Pick<SilaIndex, 'search' | 'searchOutside'> & { hints: SilaIndex['searchHints'] }> {
  if (ix.meta.sila.searchFiles.length === 0) throw new Error('this index was built without toolbar search files');
  const searcher = await loadSearcher(source);
  // Library articles analysed once, per group, kept while they are asked for (a forgotten one drops out at the
  // group's next search), with the group's term table while the same list is asked again.
  const groups = new Map<string, { articles: readonly unknown[]; prepared: Map<string, OutsideDoc>; set: OutsideSet }>();
  const titles = async (positions: number[]) => {
    await ix.ensureDocs(positions);
    return positions.map((p) => ix.doc(p).title);
  };
  return {
    hints: (query) => hintsFor(searcher, query, titles),
    async searchOutside(query, articles, group = '') {
      let known = groups.get(group);
      if (known?.articles !== articles) {
        const prepared = new Map<string, OutsideDoc>();
        const docs = articles.map((a) => {
          const doc = known?.prepared.get(a.key) ?? searcher.prepareOutside(a);
          prepared.set(a.key, doc);
          return doc;
        });
        known = { articles, prepared, set: outsideSet(docs) };
        groups.set(group, known);
      }
      return searcher.searchOutside(query, known.set);
    },
    async search(query, options) {
      // Titles (for the matched words) and records are read from the doc store for the hits shown only.
      const hits = await searcher.searchWithTitles(query, { k: options?.k ?? 10 }, async (positions) => {
        await ix.ensureDocs(positions);
        return positions.map((p) => ix.doc(p).title);
      });
      return hits.map((hit) => ({
        doc: ix.doc(hit.position),
        position: hit.position,
        score: hit.score,
        matchedTerms: hit.matchedTerms,
      }));
    },
  };
}
