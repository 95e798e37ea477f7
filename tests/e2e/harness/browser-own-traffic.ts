/**
 * What a browser requests by itself, with no extension installed: Chromium still pings its component updater
 * and accounts.google.com, Firefox its remote-settings service, whatever flags and prefs say. Measured in the
 * same run, so the zero-network test can hold Sila to "adds no request of its own" without a hand-kept
 * allowlist that could hide a real leak. Nothing gets out either way: the test proxy refuses them.
 */
import type { Browser } from 'puppeteer-core';
import { hostOf, type TestServer } from './test-server';

export async function hostsBrowserContactsByItself(start: () => Promise<Browser>, server: TestServer, pagePath: string): Promise<Set<string>> {
  const before = server.requests.length;
  const browser = await start();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  } finally {
    await browser.close();
  }
  const hosts = new Set(server.requests.slice(before).map(hostOf));
  hosts.delete(new URL(server.origin).hostname);
  server.requests.splice(before);
  return hosts;
}
