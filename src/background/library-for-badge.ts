/**
 * The library's results for a tab's page as the popup will ask them (library-handlers.ts 'library/related'),
 * for the badge (./badge.ts showPageCount), asked right after the page is read. Nothing is asked, and no
 * library database or engine opened, when there is nothing to find: remembering never turned on and no
 * collection switched on (most profiles), so the page read costs what it did; whether one is switched on is
 * kept in memory (./collections.ts), so a page read lists nothing from storage either.
 */
import type { RelatedResult } from '../lib/types';
import type { Settings } from '../settings';
import { anyCollectionVisible } from './collections';
import { libraryHandlers } from './library-handlers';

export async function libraryForBadge(tabId: number, settings: Pick<Settings, 'rememberReads'>): Promise<RelatedResult[]> {
  if (settings.rememberReads === 'unasked' && !(await anyCollectionVisible())) return [];
  return libraryHandlers['library/related']({ tabId }, tabId);
}
