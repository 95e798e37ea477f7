/** One small function per message; the router has already checked the sender and the payload. */
import browser from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf, TabState } from '../messages';
import { loadSettings, isSilentSite } from '../settings';
import { engine } from './engine';
import { relatedForSnapshot } from './related-for-tab';
import { fromMemory, isEvicted, keepInMemory, writeTabEntries } from './tab-store';
import { answerEntries, confidentCount, makeAnswer, readTab, snapshotEntries, snapshotKey, stateFromStored, storedForm } from '../tab-answer';
import type { ArticleSnapshot } from '../lib/types';
import type { Settings } from '../settings';
import { showCount, showPageCount } from './badge';
import { libraryForBadge } from './library-for-badge';
import { libraryHandlers, searchEverything } from './library-handlers';
import { collectionHandlers } from './collection-handlers';

type Handler<N extends MessageName> = (payload: RequestOf<N>, tabId: number | undefined) => Promise<ResponseOf<N>>;
export type Handlers = { [N in MessageName]: Handler<N> };

export const handlers: Handlers = {
  async 'page/snapshot'({ snapshot }, tabId) {
    if (tabId === undefined) throw new Error('a page snapshot must come from a tab');
    // The stored form (text cut for storage) is what gets ranked, here and in tab/state, so the badge, the
    // stored answer and a re-ranking all agree.
    const stored = storedForm(snapshot);
    keepInMemory(tabId, stored);
    await writeTabEntries(tabId, await snapshotEntries(tabId, stored)).catch((error: unknown) => console.warn('Sila: snapshot not kept', error));
    const settings = await loadSettings();
    if (!stored.isArticle || isSilentSite(settings, stored.url)) {
      await showCount(tabId, 0, settings.badge);
      return { confidentCount: 0 };
    }
    const { results } = await rankAndRemember(tabId, stored, settings);
    // The archive's count now; the library's results join it when they are in (not awaited: the page waits for nothing).
    const { count } = await showPageCount(tabId, stored, results, settings, () => libraryForBadge(tabId, settings));
    return { confidentCount: count };
  },

  async 'tab/state'({ tabId }) {
    const [read, settings] = await Promise.all([readTab(tabId), loadSettings()]);
    // What storage could not keep (it was full) this worker may still hold.
    const memory = fromMemory(tabId);
    const snapshot = read.snapshot ?? memory?.snapshot ?? null;
    if (!snapshot) return stateWithoutSnapshot(tabId);
    // Answered without the index when the answer ranked for this very snapshot and these settings is stored.
    const known = stateFromStored(snapshot, read.answer, settings) ?? stateFromStored(snapshot, memory?.answer, settings);
    if (known) return known;
    const { results, corpusMatch } = await rankAndRemember(tabId, snapshot, settings);
    return { kind: 'article', snapshot, results, corpusMatch, confidentCount: confidentCount(results, settings.minConfidence) };
  },

  async 'corpus/search'({ query, limit }) {
    return searchEverything(query, limit);
  },

  async 'corpus/search-hints'({ query }) {
    return (await engine()).searchHints(query);
  },

  async 'corpus/about'() {
    return (await engine()).meta;
  },

  ...libraryHandlers,
  ...collectionHandlers,
};

/** Ranks a tab's stored snapshot and keeps the answer in storage.session for the next popup (../tab-answer.ts). */
async function rankAndRemember(tabId: number, snapshot: ArticleSnapshot, settings: Settings) {
  const ranked = await relatedForSnapshot(await engine(), snapshot, settings.resultCount);
  const answer = makeAnswer(snapshot, settings.resultCount, ranked);
  keepInMemory(tabId, snapshot, answer);
  await writeTabEntries(tabId, await answerEntries(tabId, answer)).catch((error: unknown) => console.warn('Sila: answer not kept', error));
  return ranked;
}

/**
 * No snapshot yet. A browser page (a URL we can see that is not http) has nothing to read. Anything else may be
 * a web page whose content script is still looking (it waits for an idle moment, up to ~1.5 s on a busy page),
 * so the answer is "pending": the popup asks again, and says the page was not read only if that lasts.
 * Without the tabs permission the URL is often hidden (empty), which is not evidence of a browser page.
 * A tab whose entries were evicted to make room (./tab-store.ts) is asked to send its snapshot again.
 */
async function stateWithoutSnapshot(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return { kind: 'unsupported' };
  const url = tab.url ?? '';
  if (url && !/^https?:/i.test(url)) return { kind: 'unsupported' };
  const marker = (await browser.storage.session.get(snapshotKey(tabId)))[snapshotKey(tabId)];
  if (isEvicted(marker)) {
    const resent = await browser.tabs.sendMessage(tabId, { sila: 1, name: 'page/resend', payload: {} }).then(
      () => true,
      () => false,
    );
    if (!resent) return { kind: 'not-kept' };
  }
  return { kind: 'pending' };
}
