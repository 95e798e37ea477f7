/** What an end-to-end test needs from a browser with Sila installed, the same for Chromium and Firefox. */
import type { Browser, Page } from 'puppeteer-core';

/** A web page in a new tab, loaded: the same in both browsers. */
export async function openWebPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export interface ExtensionSession {
  name: 'chromium' | 'firefox';
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  openPage(url: string): Promise<Page>;
  /** The toolbar badge text for the tab showing `page`. */
  badgeText(page: Page): Promise<string>;
  /** The browser's id for the tab showing `page`. */
  tabId(page: Page): Promise<number>;
  /** The popup's document opened in a tab for tab `tabId` (needs no background to open it). */
  openPopupForTab(tabId: number): Promise<Page>;
  /** The toolbar popup for the tab showing `page`. */
  openPopup(page: Page): Promise<Page>;
  /** An extension page (options, side panel) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn` in an extension context (where `chrome`/`browser` are the WebExtension API); the popup stays open. */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  /** Stops the background as the browser would when idle; the next message must restart it. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}
