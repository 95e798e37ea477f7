/** Debian's Chromium with the built extension, every request routed through the recording test server. */
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { openWebPage, type ExtensionSession } from './session';
import { browserPath } from './browsers';

// Evaluated in the extension's service worker, where `chrome` is the extension API.
declare const chrome: any;

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate',
];

/**
 * Chromium with the extension, or without any (`extensionDir` null) to see what the browser requests by itself.
 * `installExtensions` lets the caller add builds with `browser.installExtension`, which returns each one's id
 * (scripts/bench-popup.ts loads two builds of the same manifest side by side).
 */
export function startChromium(
  extensionDir: string | null,
  proxyPort: number,
  opts: { headless?: boolean; lang?: string; installExtensions?: boolean; userDataDir?: string } = {},
): Promise<Browser> {
  return puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: opts.headless ?? true,
    pipe: true,
    userDataDir: opts.userDataDir,
    enableExtensions: extensionDir ? [extensionDir] : (opts.installExtensions ?? false),
    defaultViewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_FLAGS,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      '--proxy-bypass-list=<-loopback>',
      `--lang=${opts.lang ?? 'en-US'}`,
    ],
    env: { ...process.env, LANGUAGE: opts.lang ?? 'en-US' },
  });
}

/**
 * `allowIncognito` loads the build as a user's "Allow in Incognito" switch does (CDP Extensions.loadUnpacked with
 * enableInIncognito), so that its content script runs in incognito windows too.
 */
export async function launchChromium(
  extensionDir: string,
  proxyPort: number,
  opts: { headless?: boolean; lang?: string; userDataDir?: string; allowIncognito?: boolean } = {},
): Promise<ExtensionSession> {
  const browser = await startChromium(opts.allowIncognito ? null : extensionDir, proxyPort, { ...opts, installExtensions: opts.allowIncognito });
  if (opts.allowIncognito) {
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Extensions.loadUnpacked', { path: extensionDir, enableInIncognito: true } as never);
  }

  async function worker(): Promise<WebWorker> {
    const target = await browser.waitForTarget(
      // Sila's own worker: Chromium's component extensions run service workers too (seen with a userDataDir).
      (t) => t.type() === 'service_worker' && /^chrome-extension:\/\/[a-p]{32}\/service-worker-loader\.js$/.test(t.url()),
      { timeout: 15_000 },
    );
    return (await target.worker())!;
  }
  // new URL(...).origin is "null" for chrome-extension: URLs in node (not a special scheme).
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec((await worker()).url())![0];

  async function tabIdOf(page: Page): Promise<number> {
    // Without the "tabs" permission the extension cannot see tab URLs, so find the tab as the active one.
    await page.bringToFront();
    const sw = await worker();
    const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    if (id < 0) throw new Error(`no active tab for ${page.url()}`);
    return id;
  }

  return {
    name: 'chromium',
    browser,
    extensionOrigin,
    openPage: (url) => openWebPage(browser, url),
    async badgeText(page) {
      const tabId = await tabIdOf(page);
      return (await worker()).evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async openPopup(page) {
      // The real toolbar popup, as a user's click opens it: for the active tab of the focused window.
      await page.bringToFront();
      const sw = await worker();
      await sw.evaluate(() => chrome.action.openPopup().then(() => 'ok', (e: Error) => { throw new Error(`openPopup: ${e?.message ?? e}`); }));
      const target = await browser.waitForTarget((t) => t.url().startsWith(`${extensionOrigin}/src/popup/`), { timeout: 10_000 });
      const popup = (await target.asPage())!;
      await popup.setViewport({ width: 400, height: 600 });
      return popup;
    },
    tabId: tabIdOf,
    async openPopupForTab(tabId) {
      const page = await browser.newPage();
      await page.setViewport({ width: 400, height: 600 });
      await page.goto(`${extensionOrigin}/src/popup/index.html?tab=${tabId}`);
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    async inExtension(fn, arg) {
      return (await worker()).evaluate(fn as any, arg) as any;
    },
    async stopBackground() {
      const target = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(extensionOrigin),
        { timeout: 15_000 },
      );
      // Resolves when Chromium reports the worker gone (it used to be a fixed 500 ms sleep); 2 s at most.
      const gone = new Promise<void>((resolve) => {
        const onDestroyed = (t: unknown) => {
          if (t === target) done();
        };
        const timer = setTimeout(() => done(), 2_000);
        function done() {
          clearTimeout(timer);
          browser.off('targetdestroyed', onDestroyed);
          resolve();
        }
        browser.on('targetdestroyed', onDestroyed);
      });
      // Same effect as Chrome stopping an idle worker: everything in memory is gone.
      await (await target.worker())!.close();
      await gone;
    },
    close: () => browser.close(),
  };
}
