/**
 * The library's results for a tab's page as the popup will ask them (library-handlers.ts 'library/related'),
 * for the badge (./badge.ts showPageCount), asked right after the page is read. Nothing is asked, and no
 * library database or engine opened, when there is nothing to find: remembering never turned on, no read
 * restored from a backup and no collection switched on (most profiles), so the page read costs what it did;
 * whether a collection is switched on is kept in memory (./collections.ts), so a page read lists none from storage.
 */
import type { RelatedResult } from '../lib/types';
import type { Settings } from '../settings';
import { anyCollectionVisible } from './collections';
import { hasReads, libraryHandlers } from './library-handlers';

export async function libraryForBadge(tabId: number, settings: Pick<Settings, 'rememberReads'>): Promise<RelatedResult[]> {
  if (settings.rememberReads === 'unasked' && !(await anyCollectionVisible()) && !(await hasReads())) return [];
  return libraryHandlers['library/related']({ tabId }, tabId);
}
