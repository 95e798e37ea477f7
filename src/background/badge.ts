/**
 * The toolbar badge: how many related articles Sila is confident about, per tab, in the list the popup shows
 * (the archive's results and the library's merged, src/library/related-merge.ts, as the popup's pageResults).
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot, RelatedResult } from '../lib/types';
import { mergeRelated } from '../library/related-merge';
import type { Settings } from '../settings';
import { confidentCount } from '../tab-answer';

const BADGE_COLOUR = '#0f766e';

/** Which count each tab shows last: a library answer for an earlier page of the tab never replaces a later count. */
const shownFor = new Map<number, number>();
let counts = 0;

async function paint(tabId: number, count: number, enabled: boolean): Promise<void> {
  const text = enabled && count > 0 ? String(count) : '';
  // The tab may have closed while we were ranking; that is not an error worth reporting.
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => undefined);
}

export async function showCount(tabId: number, count: number, enabled: boolean): Promise<void> {
  shownFor.set(tabId, ++counts);
  await paint(tabId, count, enabled);
}

/**
 * How many results of the popup's list for this page reach the badge's floor (settings.minConfidence): the
 * archive's and the library's merged by confidence, at most resultCount, never the page itself.
 */
export function shownCount(snapshot: ArticleSnapshot, archive: readonly RelatedResult[], library: readonly RelatedResult[], settings: Pick<Settings, 'resultCount' | 'minConfidence'>): number {
  if (library.length === 0) return confidentCount(archive.slice(0, settings.resultCount), settings.minConfidence);
  const ownUrls = [snapshot.url, snapshot.canonicalUrl].filter((u): u is string => !!u);
  return confidentCount(mergeRelated([archive, library], { limit: settings.resultCount, ownUrls }), settings.minConfidence);
}

/**
 * An article page's badge: the archive's count at once (the page read waits for nothing more), then the
 * popup's list's when the library has answered (`library`: its results for this page, as the popup asks them).
 * Returns the archive's count and `settled`, the library's turn, which never fails (the badge then stays).
 */
export async function showPageCount(
  tabId: number,
  snapshot: ArticleSnapshot,
  archive: readonly RelatedResult[],
  settings: Pick<Settings, 'resultCount' | 'minConfidence' | 'badge'>,
  library: () => Promise<readonly RelatedResult[]>,
): Promise<{ count: number; settled: Promise<void> }> {
  const count = shownCount(snapshot, archive, [], settings);
  await showCount(tabId, count, settings.badge);
  const mark = shownFor.get(tabId);
  const settled = library().then(
    async (found) => {
      const merged = shownCount(snapshot, archive, found, settings);
      if (merged !== count && shownFor.get(tabId) === mark) await paint(tabId, merged, settings.badge);
    },
    (error: unknown) => console.warn('Sila: the badge counts the archive only', error),
  );
  return { count, settled };
}
