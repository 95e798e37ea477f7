/**
 * The snapshot each tab's content script sent, kept in storage.session so it survives the service worker
 * being stopped (memory does not) and is dropped when the browser closes (nothing about reading persists).
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot } from '../lib/types';

/** Enough of the text to rank with; keeps storage.session (10 MB in Chrome) far from its quota. */
const STORED_TEXT_CHARS = 20_000;

const key = (tabId: number) => `tab:${tabId}`;

export async function rememberSnapshot(tabId: number, snapshot: ArticleSnapshot): Promise<void> {
  const stored = { ...snapshot, text: snapshot.text.slice(0, STORED_TEXT_CHARS) };
  await browser.storage.session.set({ [key(tabId)]: stored });
}

export async function snapshotOf(tabId: number): Promise<ArticleSnapshot | null> {
  const found = await browser.storage.session.get(key(tabId));
  return (found[key(tabId)] as ArticleSnapshot | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
