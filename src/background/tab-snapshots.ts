/**
 * The snapshot each tab's content script sent, and the answer ranked for it (see ../tab-answer.ts), kept in
 * storage.session so they survive the service worker being stopped (memory does not) and are dropped when the
 * browser closes (nothing about reading persists).
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot } from '../lib/types';
import { answerKey, MAX_ANSWER_CHARS, snapshotKey, type StoredAnswer } from '../tab-answer';

/** Enough of the text to rank with; keeps storage.session (10 MB in Chrome) far from its quota. */
const STORED_TEXT_CHARS = 20_000;

/** Stores the snapshot and returns what was stored (the text cut to STORED_TEXT_CHARS), which is what gets ranked. */
export async function rememberSnapshot(tabId: number, snapshot: ArticleSnapshot): Promise<ArticleSnapshot> {
  const stored = { ...snapshot, text: snapshot.text.slice(0, STORED_TEXT_CHARS) };
  await browser.storage.session.set({ [snapshotKey(tabId)]: stored });
  return stored;
}

export async function rememberAnswer(tabId: number, answer: StoredAnswer): Promise<void> {
  if (JSON.stringify(answer).length > MAX_ANSWER_CHARS) await browser.storage.session.remove(answerKey(tabId));
  else await browser.storage.session.set({ [answerKey(tabId)]: answer });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([snapshotKey(tabId), answerKey(tabId)]);
}
