/** What the end-to-end tests do to the popup and the settings, shared by every test file. */
import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from './session';

/** Waits until the popup has settled on a state other than loading, and returns it (see ReaderApp's data-state). */
export async function settledState(popup: Page): Promise<string> {
  await popup.waitForSelector('[data-state]:not([data-state="loading"]):not([data-state="pending"])', { timeout: 20_000 });
  return popup.$eval('[data-state]', (el) => el.getAttribute('data-state') ?? '');
}

/**
 * Changes settings as the options page would (storage.sync, key "settings"); null removes them (defaults).
 * Done from an extension context, since opening the options page would close Chromium's real popup.
 */
export async function setSettings(session: ExtensionSession, patch: Record<string, unknown> | null): Promise<void> {
  await session.inExtension(async (p: Record<string, unknown> | null) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    if (p === null) await api.storage.sync.remove('settings');
    else {
      const { settings } = await api.storage.sync.get('settings');
      await api.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
    }
  }, patch);
}

/**
 * The badge text once the background has ranked the page (polled: the page reports when it is idle), or "" if
 * none came within `timeoutMs`. Read it before opening the popup: reading it focuses the page, which closes one.
 */
export async function waitForBadge(session: ExtensionSession, page: Page, timeoutMs = 15_000): Promise<string> {
  let badge = '';
  for (const until = Date.now() + timeoutMs; !badge && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    badge = await session.badgeText(page);
  }
  return badge;
}
