/** One small function per message; the router has already checked the sender and the payload. */
import browser from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf, TabState } from '../messages';
import { loadSettings, isSilentSite } from '../settings';
import { engine } from './engine';
import { confidentCount, relatedForSnapshot } from './related-for-tab';
import { rememberSnapshot, snapshotOf } from './tab-snapshots';
import { showCount } from './badge';

type Handler<N extends MessageName> = (payload: RequestOf<N>, tabId: number | undefined) => Promise<ResponseOf<N>>;
export type Handlers = { [N in MessageName]: Handler<N> };

export const handlers: Handlers = {
  async 'page/snapshot'({ snapshot }, tabId) {
    if (tabId === undefined) throw new Error('a page snapshot must come from a tab');
    await rememberSnapshot(tabId, snapshot);
    const settings = await loadSettings();
    if (!snapshot.isArticle || isSilentSite(settings, snapshot.url)) {
      await showCount(tabId, 0, settings.badge);
      return { confidentCount: 0 };
    }
    const { results } = relatedForSnapshot(await engine(), snapshot, settings.resultCount);
    const count = confidentCount(results, settings.minConfidence);
    await showCount(tabId, count, settings.badge);
    return { confidentCount: count };
  },

  async 'tab/state'({ tabId }) {
    const snapshot = await snapshotOf(tabId);
    if (!snapshot) return stateWithoutSnapshot(tabId);
    if (!snapshot.isArticle) return { kind: 'not-article', url: snapshot.url };
    const settings = await loadSettings();
    const { results, corpusMatch } = relatedForSnapshot(await engine(), snapshot, settings.resultCount);
    return { kind: 'article', snapshot, results, corpusMatch, confidentCount: confidentCount(results, settings.minConfidence) };
  },

  async 'corpus/search'({ query, limit }) {
    return (await engine()).search(query, { k: limit });
  },

  async 'corpus/about'() {
    return (await engine()).meta;
  },
};

/** No snapshot yet: a browser page (nothing to read), or a web page whose content script has not reported. */
async function stateWithoutSnapshot(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? '';
  if (!/^https?:/i.test(url)) return { kind: 'unsupported' };
  return tab?.status === 'complete' ? { kind: 'not-article', url } : { kind: 'pending' };
}
