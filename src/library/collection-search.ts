/**
 * Search over the user's collections, on the archive search's scale like the reads (search.ts and
 * src/lib/search/outside.ts): each ready, switched-on collection's articles are read from storage once (title
 * and the body's opening, which is all search looks at) and kept while the collections stay as they are; a
 * rename, a switch, an import or a removal changes the list of collections, and the next search reads it again.
 */
import type { DocRecord, ResultOrigin, SearchResult } from '../lib/types';
import type { SilaIndex } from '../lib/engine';
import type { CollectionRecord, CollectionStore } from './collection-import';

/** Characters of an article's body kept for search: more than the search's lead (200) and the snippet shown. */
const OPENING_CHARS = 600;
const SNIPPET_CHARS = 300;

/** An article as search asks it: passed as it is (the same array while nothing changed) to searchOutside. */
export interface SearchableCollectionArticle {
  /** Names the analysis kept for it; names the file's article too, since store ids start again after "Forget everything". */
  key: string;
  title: string;
  /** The body's opening: all that search reads. */
  body: string;
  doc: DocRecord;
  origin: ResultOrigin & { kind: 'collection' };
}

/** What decides which articles search sees: every visible collection, its name and its size. */
function fingerprint(visible: readonly CollectionRecord[]): string {
  return JSON.stringify(visible.map((c) => [c.id, c.name, c.articles]));
}

export class CollectionSearch {
  private kept: { key: string; articles: Promise<SearchableCollectionArticle[]> } | null = null;

  constructor(private readonly store: Pick<CollectionStore, 'collections' | 'articles'>) {}

  /** The visible collections' articles for search (one read of the collection list when nothing changed). */
  async articles(): Promise<SearchableCollectionArticle[]> {
    const visible = (await this.store.collections()).filter((c) => c.state === 'ready' && c.enabled);
    const key = fingerprint(visible);
    if (this.kept?.key !== key) {
      const articles = this.load(visible);
      this.kept = { key, articles };
      articles.catch(() => {
        if (this.kept?.articles === articles) this.kept = null;
      });
    }
    return this.kept.articles;
  }

  private async load(visible: readonly CollectionRecord[]): Promise<SearchableCollectionArticle[]> {
    const out: SearchableCollectionArticle[] = [];
    for (const c of visible) {
      const origin = { kind: 'collection' as const, id: String(c.id), name: c.name };
      for (const { id, article: a } of await this.store.articles(c.id)) {
        const docId = `collection:${c.id}:${a.id}`;
        out.push({
          key: `${docId}#${id}`,
          title: a.title,
          body: a.body.slice(0, OPENING_CHARS),
          doc: { id: docId, title: a.title, url: a.url ?? null, source: a.source ?? null, published: a.published ?? null, snippet: a.body.slice(0, SNIPPET_CHARS), story: -1 },
          origin,
        });
      }
    }
    return out;
  }
}

/** The collections' articles matching a query, best first, as search results labelled with their collection. */
export async function searchCollections(index: Pick<SilaIndex, 'searchOutside'>, articles: readonly SearchableCollectionArticle[], query: string, limit: number): Promise<SearchResult[]> {
  if (articles.length === 0) return [];
  const hits = await index.searchOutside(query, articles, 'collections');
  return hits.slice(0, limit).map((h) => {
    const a = articles[h.index];
    return { doc: a.doc, position: -1, score: h.score, matchedTerms: h.matchedTerms, origin: a.origin };
  });
}
