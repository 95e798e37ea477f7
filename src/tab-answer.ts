/**
 * What Sila keeps per tab in storage.session, and when a kept answer may be shown. The background stores each
 * tab's snapshot (`tab:N`, see background/tab-snapshots.ts) and, once it has ranked it, the answer (`answer:N`):
 * the related results and whether the page is a corpus article. The popup and side panel read both directly and
 * paint at once, without waiting for a stopped service worker to wake and load the index, then ask the
 * background anyway and keep its answer.
 *
 * An answer is the ranking of one snapshot with one `resultCount` over one index. It is shown only when it was
 * made from exactly the snapshot now stored for the tab (a new page or a single-page navigation replaces the
 * snapshot first) and for the current `resultCount`. The index changes only with the package, and an update
 * or reload empties storage.session. The badge count is not kept: it is recomputed from the results with the
 * current `minConfidence`.
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot, RelatedResult } from './lib/types';
import type { TabState } from './messages';
import type { Settings } from './settings';
import { confidentCount } from './background/related-for-tab';

export const snapshotKey = (tabId: number) => `tab:${tabId}`;
export const answerKey = (tabId: number) => `answer:${tabId}`;

export interface StoredAnswer {
  v: 1;
  /** snapshotHash() of the snapshot that was ranked. */
  snapshot: string;
  /** The settings.resultCount it was ranked for (the number of results asked of the engine). */
  resultCount: number;
  results: RelatedResult[];
  corpusMatch: boolean;
}

/** An answer larger than this is not kept (20 results with 5 "also in" each is ~40 KB). */
export const MAX_ANSWER_CHARS = 200_000;

/** Two 32-bit FNV-1a hashes (different offsets) of everything the ranking reads from a snapshot. */
export function snapshotHash(snapshot: ArticleSnapshot): string {
  const input = [snapshot.url, snapshot.canonicalUrl ?? '', snapshot.title, snapshot.published ?? '', snapshot.text].join('\u0000');
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return `${input.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

export function makeAnswer(snapshot: ArticleSnapshot, resultCount: number, ranked: { results: RelatedResult[]; corpusMatch: boolean }): StoredAnswer {
  return { v: 1, snapshot: snapshotHash(snapshot), resultCount, results: ranked.results, corpusMatch: ranked.corpusMatch };
}

function isStoredAnswer(value: unknown): value is StoredAnswer {
  const v = value as Partial<StoredAnswer> | null;
  return !!v && typeof v === 'object' && v.v === 1 && typeof v.snapshot === 'string' && typeof v.resultCount === 'number' && Array.isArray(v.results) && typeof v.corpusMatch === 'boolean';
}

/**
 * The tab's state as far as the stored snapshot and answer tell it, or null when only the background can answer
 * (no snapshot yet, or no answer for this snapshot and these settings).
 */
export function stateFromStored(snapshot: ArticleSnapshot | null, answer: unknown, settings: Pick<Settings, 'resultCount' | 'minConfidence'>): TabState | null {
  if (!snapshot) return null;
  if (!snapshot.isArticle) return { kind: 'not-article', url: snapshot.url };
  if (!isStoredAnswer(answer) || answer.resultCount !== settings.resultCount || answer.snapshot !== snapshotHash(snapshot)) return null;
  return {
    kind: 'article',
    snapshot,
    results: answer.results,
    corpusMatch: answer.corpusMatch,
    confidentCount: confidentCount(answer.results, settings.minConfidence),
  };
}

/** The tab's stored snapshot and answer, in one read. */
export async function readTab(tabId: number): Promise<{ snapshot: ArticleSnapshot | null; answer: unknown }> {
  const found = await browser.storage.session.get([snapshotKey(tabId), answerKey(tabId)]);
  return { snapshot: (found[snapshotKey(tabId)] as ArticleSnapshot | undefined) ?? null, answer: found[answerKey(tabId)] };
}
