/**
 * Firefox ESR with the built extension (temporary install over WebDriver BiDi), every request routed through
 * the recording test server. The moz-extension:// UUID is pinned by a pref so extension pages have known URLs.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWebPage, type ExtensionSession } from './session';
import { browserPath } from './browsers';

const UUID = '5c3a4f2e-9d1b-4e6a-8f70-5117a5117a51';

/** Firefox's own services (remote settings, telemetry, captive portal, updates) stay silent in tests. */
function quietPrefs(proxyPort: number, lang: string): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
    'services.settings.server': `http://sila.test/remote-settings-disabled/v1`,
    'services.settings.poll_interval': 86400 * 365,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'intl.locale.requested': lang,
    'intl.accept_languages': lang,
  };
}

/** Firefox with its prefs for the tests; the extension (if any) is installed by the caller. */
export function startFirefox(proxyPort: number, opts: { headless?: boolean; lang?: string; extraPrefs?: Record<string, unknown>; userDataDir?: string } = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: opts.headless ?? true,
    args: ['--remote-allow-system-access'],
    userDataDir: opts.userDataDir,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: { ...quietPrefs(proxyPort, opts.lang ?? 'en-US'), ...opts.extraPrefs },
  });
}

export async function launchFirefox(extensionDir: string, proxyPort: number, opts: { headless?: boolean; lang?: string; userDataDir?: string; extraPrefs?: Record<string, unknown> } = {}): Promise<ExtensionSession> {
  const gecko = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko;
  const browser = await startFirefox(proxyPort, { ...opts, extraPrefs: { 'extensions.webextensions.uuids': JSON.stringify({ [gecko.id]: UUID }), ...opts.extraPrefs } });
  await browser.installExtension(extensionDir);
  const extensionOrigin = `moz-extension://${UUID}`;

  /** Firefox may never resolve page.goto to a moz-extension:// URL; wait for the DOM instead. */
  async function openExtensionTab(path: string, readySelector = 'body'): Promise<Page> {
    const page = await browser.newPage();
    void page.goto(`${extensionOrigin}/${path}`).catch(() => undefined);
    // Polled by hand: a waitForFunction started on about:blank fails when the navigation replaces its realm.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const ready = await page
        .evaluate((sel: string) => location.protocol === 'moz-extension:' && !!document.querySelector(sel), readySelector)
        .catch(() => false);
      if (ready) return page;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${path} did not load in Firefox within 15 s`);
  }

  let control: Page | null = null;
  async function inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
    control ??= await openExtensionTab('src/popup/index.html?control=1');
    return control.evaluate(fn as any, arg) as Promise<T>;
  }

  async function tabIdOf(page: Page): Promise<number> {
    const id = await inExtension(async (u: string) => (await (globalThis as any).browser.tabs.query({})).find((t: any) => t.url === u)?.id ?? -1, page.url());
    if (id < 0) throw new Error(`no tab found for ${page.url()}`);
    return id;
  }

  async function openPopupForTab(tabId: number): Promise<Page> {
    const popup = await openExtensionTab(`src/popup/index.html?tab=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    return popup;
  }

  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    openPage: (url) => openWebPage(browser, url),
    async badgeText(page) {
      const tabId = await tabIdOf(page);
      return inExtension((id: number) => (globalThis as any).browser.action.getBadgeText({ tabId: id }), tabId);
    },
    tabId: tabIdOf,
    openPopupForTab,
    async openPopup(page) {
      // Puppeteer cannot click Firefox's toolbar; the popup document opened in a tab for that tab's id is the
      // same code with the same messages.
      return openPopupForTab(await tabIdOf(page));
    },
    openExtensionPage: (path) => openExtensionTab(path),
    inExtension,
    async stopBackground() {
      throw new Error('stopping the background is only tested in Chromium');
    },
    close: () => browser.close(),
  };
}

