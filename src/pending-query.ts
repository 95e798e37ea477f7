/**
 * "Search Sila for …" (context menu) hands its text to the popup through storage.session: the background
 * stores the selection under PENDING_QUERY_KEY and opens the popup (action.openPopup); the popup takes the
 * query once, so reopening it later starts clean. A `?q=` parameter in the popup's URL works too.
 *
 * @example (background)
 * await browser.storage.session.set({ [PENDING_QUERY_KEY]: { query: info.selectionText, at: Date.now() } });
 * await browser.action.openPopup();
 */
import browser from 'webextension-polyfill';

export const PENDING_QUERY_KEY = 'sila:pendingQuery';
/** A query older than this was not meant for this popup (e.g. openPopup failed). */
const MAX_AGE_MS = 60_000;

export async function takePendingQuery(now = Date.now()): Promise<string> {
  try {
    const session = browser.storage.session;
    if (!session) return '';
    const stored = (await session.get(PENDING_QUERY_KEY))[PENDING_QUERY_KEY] as { query?: unknown; at?: unknown } | undefined;
    if (!stored) return '';
    await session.remove(PENDING_QUERY_KEY);
    if (typeof stored.query !== 'string' || typeof stored.at !== 'number' || now - stored.at > MAX_AGE_MS) return '';
    return stored.query.replace(/\s+/g, ' ').trim().slice(0, 500);
  } catch {
    return '';
  }
}
