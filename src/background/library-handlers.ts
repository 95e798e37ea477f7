/**
 * The personal library's messages (src/library): remember a read, "From your reading", status, forget.
 * A read is kept only when remembering is on, the tab's stored snapshot is an article at that URL, the site is
 * not silenced and the tab is not in a private window.
 */
import browser from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf } from '../messages';
import { isSilentSite, loadSettings } from '../settings';
import { readTab } from '../tab-answer';
import { Library } from '../library/library';
import { vocabularyKey } from '../library/segment';
import { IndexedDbStore } from '../library/store';
import { engine } from './engine';
import type { SilaIndex } from '../lib/engine';
import type { SearchResult } from '../lib/types';
import { searchReads } from '../library/search';
import { stopImports } from './collection-handlers';
import { collectionsChanged } from './collections';

type LibraryName = 'library/remember' | 'library/related' | 'library/status' | 'library/forget';
type Handler<N extends MessageName> = (payload: RequestOf<N>, tabId: number | undefined) => Promise<ResponseOf<N>>;

const store = new IndexedDbStore();
let opened: Promise<Library> | null = null;

function library(): Promise<Library> {
  opened ??= engine().then((index) => new Library(store, { vocabulary: vocabularyKey(index.meta), weigh: (a) => index.weighForLibrary(a) }));
  opened.catch(() => (opened = null));
  return opened;
}

/**
 * Remembered reads matching a search, on the archive search's scale (src/library/search.ts). A library that
 * cannot be read costs the search its reads, not its archive results.
 */
export async function searchLibrary(index: SilaIndex, query: string, limit: number): Promise<SearchResult[]> {
  try {
    return await searchReads(index, await (await library()).forSearch(), query, limit);
  } catch (error) {
    console.warn('Sila: the library was not searched', error);
    return [];
  }
}

async function isPrivateTab(tabId: number): Promise<boolean> {
  if (browser.extension.inIncognitoContext) return true;
  // `incognito` needs no tabs permission; a tab we cannot see is not remembered either.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return !tab || tab.incognito;
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
    return { kept };
  },

  async 'library/related'({ tabId }) {
    const settings = await loadSettings();
    const { snapshot } = await readTab(tabId);
    if (!snapshot?.isArticle || isSilentSite(settings, snapshot.url)) return [];
    const urls = [snapshot.url, snapshot.canonicalUrl].filter((u): u is string => !!u);
    const matches = await (await library()).related({ title: snapshot.title, text: snapshot.text, published: snapshot.published, urls }, settings.resultCount);
    return matches.map(({ read, confidence }) => ({ url: read.url, title: read.title, outlet: read.outlet, published: read.published, readAt: read.readAt, confidence }));
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
    collectionsChanged();
    return { reads: 0 };
  },
};
