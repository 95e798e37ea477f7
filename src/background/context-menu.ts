/**
 * "Search Sila for …" on selected text: the selection is handed to the popup through storage.session (see
 * src/pending-query.ts) and the popup is opened, which both browsers allow inside a menu click.
 */
import browser from 'webextension-polyfill';
import { PENDING_QUERY_KEY } from '../pending-query';

const MENU_ID = 'sila-search-selection';

async function createMenu(): Promise<void> {
  // Recreated at install and at each browser start: removeAll first so a second start never duplicates it.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('contextSearch'), contexts: ['selection'] });
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const query = info.selectionText.replace(/\s+/g, ' ').trim().slice(0, 500);
    // openPopup must be called within the click, before any await, or the browser refuses it.
    const opening = browser.action.openPopup().catch(() => undefined);
    void browser.storage.session.set({ [PENDING_QUERY_KEY]: { query, at: Date.now() } }).then(() => opening);
  });
}
