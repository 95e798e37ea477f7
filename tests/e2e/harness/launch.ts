/**
 * What every end-to-end suite starts from: which browsers to test (SILA_E2E_BROWSERS, "chromium,firefox" by
 * default; `npm test` runs one process per browser, side by side) and the built extension launched in one of them.
 * Launch once per describe block (before/after), not per test: a launch costs 1–3 s in Chromium, 3–6 s in Firefox.
 */
import { resolve } from 'node:path';
import { repoRoot } from '../../../scripts/paths';
import type { BrowserName } from './browsers';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionSession } from './session';

/** The browsers this run tests, in order; an unknown name is an error, not a silently skipped suite. */
export function e2eBrowsers(): BrowserName[] {
  const names = (process.env.SILA_E2E_BROWSERS ?? 'chromium,firefox').split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => n !== 'chromium' && n !== 'firefox');
  if (unknown.length || !names.length) throw new Error(`SILA_E2E_BROWSERS="${process.env.SILA_E2E_BROWSERS}": name chromium and/or firefox`);
  return names as BrowserName[];
}

/** The build in dist/ for `name` (or another copy of it, `extensionDir`), every request through the test proxy. */
export function launchBuilt(name: BrowserName, proxyPort: number, extensionDir = builtExtension(name)): Promise<ExtensionSession> {
  return name === 'chromium' ? launchChromium(extensionDir, proxyPort) : launchFirefox(extensionDir, proxyPort);
}

export function builtExtension(name: BrowserName): string {
  return resolve(repoRoot, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
}

/**
 * The build in dist/ on a profile kept across launches (a browser restart: quit, then this again). Firefox
 * removes a temporary add-on (and, by default, its storage) when it quits; each launch re-installs the same
 * build, as an update would, and these prefs keep its origin and data meanwhile.
 */
export function launchOnProfile(name: BrowserName, proxyPort: number, userDataDir: string): Promise<ExtensionSession> {
  const firefoxPrefs = { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true };
  return name === 'chromium'
    ? launchChromium(builtExtension(name), proxyPort, { userDataDir })
    : launchFirefox(builtExtension(name), proxyPort, { userDataDir, extraPrefs: firefoxPrefs });
}
