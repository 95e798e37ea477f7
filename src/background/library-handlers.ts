/**
 * The personal library's messages (src/library): remember a read, the library's articles related to a page
 * (reads and collections, merged with the archive's by the popup), status, forget.
 * A read is kept only when remembering is on, the tab's stored snapshot is an article at that URL, the site is
 * not silenced and the tab is not in a private window.
 */
import browser from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf } from '../messages';
import { isSilentSite, loadSettings } from '../settings';
import { readTab } from '../tab-answer';
import { Library } from '../library/library';
import { IndexedDbStore } from '../library/store';
import { engine } from './engine';
import { libraryEngine } from './library-engine';
import type { SearchResult } from '../lib/types';
import { mergeSearchResults } from '../library/search';
import { libraryRelated, librarySearch, type LibrarySources } from '../library/sources';
import { withDetails } from '../library/related-details';
import { CollectionSearch } from '../library/collection-search';
import { collectionIndex, collectionsChanged, collectionStore } from './collections';
import { stopImports } from './collection-handlers';
import { onReadsChanged } from './reads-changed';

type LibraryName = 'library/remember' | 'library/related' | 'library/status' | 'library/forget';
type Handler<N extends MessageName> = (payload: RequestOf<N>, tabId: number | undefined) => Promise<ResponseOf<N>>;

const store = new IndexedDbStore();
/** Made at once, asking for the engine only when it needs it: a cold worker reads the segments while the index loads. */
let opened: Library | null = null;

async function library(): Promise<Library> {
  opened ??= new Library(store, libraryEngine);
  return opened;
}

/**
 * Whether any read is stored, read from storage once and kept until the reads change: each page snapshot of a
 * profile that never answered the remembering question asks it (library-for-badge.ts).
 */
let anyReads: Promise<boolean> | null = null;

// Reads added other than by remember (a restore): the next ranking and search read them again.
onReadsChanged(() => {
  opened = null;
  anyReads = null;
});

const collectionSearch = new CollectionSearch(collectionStore);

/** The library's sources (src/library/sources.ts): the reads and the collections (./collections.ts). */
const sources: LibrarySources = { reads: library, collections: async () => ({ index: await collectionIndex(), search: collectionSearch }) };

/**
 * A typed search over the archive and the library as one list (popup, side panel, address bar): reads and
 * collections are scored on the archive search's scale (src/lib/search/outside.ts) and merged by that score. A
 * library that cannot be read costs the search its own results, not the archive's.
 */
export async function searchEverything(query: string, limit: number): Promise<SearchResult[]> {
  const index = await engine();
  const [archive, mine] = await Promise.all([index.search(query, { k: limit }), librarySearch(sources, index, query, limit)]);
  return mergeSearchResults([archive, mine], limit);
}

async function isPrivateTab(tabId: number): Promise<boolean> {
  if (browser.extension.inIncognitoContext) return true;
  // `incognito` needs no tabs permission; a tab we cannot see is not remembered either.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return !tab || tab.incognito;
}

/** Whether any read is stored (remembered, or restored from a backup), without creating the database. */
export function hasReads(): Promise<boolean> {
  anyReads ??= store.readIds().then((ids) => ids.length > 0);
  anyReads.catch(() => (anyReads = null));
  return anyReads;
}

export const libraryHandlers: { [N in LibraryName]: Handler<N> } = {
  async 'library/remember'({ url }, tabId) {
    if (tabId === undefined) throw new Error('a read must come from a tab');
    const settings = await loadSettings();
    if (settings.rememberReads !== 'on') return { kept: 'off' };
    if (await isPrivateTab(tabId)) return { kept: 'private' };
    const { snapshot } = await readTab(tabId);
    if (!snapshot || !snapshot.isArticle || snapshot.url !== url) return { kept: 'not-article' };
    if (isSilentSite(settings, url)) return { kept: 'silenced' };
    const kept = await (await library()).remember({
      url: snapshot.canonicalUrl && /^https?:/i.test(snapshot.canonicalUrl) ? snapshot.canonicalUrl : snapshot.url,
      title: snapshot.title,
      outlet: snapshot.siteName,
      published: snapshot.published,
      text: snapshot.text,
      readAt: Date.now(),
    });
    anyReads = null;
    return { kept };
  },

  async 'library/related'({ tabId }) {
    // The library's storage reads start now, beside the settings, the tab and the bundled index they wait for.
    void library().then((lib) => lib.warm());
    void collectionIndex().then((index) => index.warm());
    const settings = await loadSettings();
    const { snapshot } = await readTab(tabId);
    if (!snapshot?.isArticle || isSilentSite(settings, snapshot.url)) return [];
    const urls = [snapshot.url, snapshot.canonicalUrl].filter((u): u is string => !!u);
    // Whatever the remembering choice: reads restored from a backup are the user's own and show at once, even
    // while the one-time question is unanswered. A profile with no library reads nothing (the store never creates
    // the database to say it is empty).
    const found = await libraryRelated(sources, { title: snapshot.title, text: snapshot.text, published: snapshot.published, urls }, settings.resultCount);
    if (found.length === 0) return found;
    const index = await engine();
    return withDetails(found, { title: snapshot.title, body: snapshot.text, published: snapshot.published }, {
      openings: async (ids) => (await library()).openings(ids),
      chips: (page, articles) => index.sharedTermsOutside(page, articles),
    });
  },

  async 'library/status'() {
    const lib = await library();
    const granted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
    return { reads: await lib.count(), segmentBytes: await lib.segmentBytes(), persisted: granted };
  },

  async 'library/forget'() {
    // The collections are in the same database: a running import is stopped first, so nothing writes it again.
    await stopImports();
    await (await library()).forget();
    anyReads = null;
    collectionsChanged();
    return { reads: 0 };
  },
};
