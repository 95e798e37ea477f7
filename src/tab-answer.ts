/**
 * What Sila keeps per tab in storage.session, and when a kept answer may be shown. The background stores each
 * tab's snapshot (`tab:N`) and, once it has ranked it, the answer (`answer:N`): the related results and whether
 * the page is a corpus article. The popup and side panel read both directly and paint at once, without waiting
 * for a stopped service worker to wake and load the index, then ask the background anyway and keep its answer.
 *
 * An answer is the ranking of one snapshot with one `resultCount` over one index. It is shown only when it was
 * made from exactly the snapshot now stored for the tab (a new page or a single-page navigation replaces the
 * snapshot first) and for the current `resultCount`. The index changes only with the package, and an update
 * or reload empties storage.session. The badge count is not kept: it is recomputed from the results with the
 * current `minConfidence`.
 *
 * Both values are stored packed (JSON, deflate-raw, base64): storage.session holds 10 MiB in Chrome and in
 * Firefox, and Arabic text in JSON costs 2 bytes a letter; packed, a long article's entries take ~2.5 times
 * less. The snapshot keeps its text because a re-ranking needs it (another `resultCount`, a lost answer).
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot, RelatedResult } from './lib/types';
import type { TabState } from './messages';
import type { Settings } from './settings';

export const snapshotKey = (tabId: number) => `tab:${tabId}`;
export const answerKey = (tabId: number) => `answer:${tabId}`;
/** The tab id of a per-tab key, or null for any other key (settings, the pending query). */
export function tabIdOfKey(key: string): number | null {
  const m = /^(?:tab|answer):(\d{1,15})$/.exec(key);
  return m ? Number(m[1]) : null;
}

export interface StoredAnswer {
  v: 1;
  /** snapshotHash() of the snapshot that was ranked. */
  snapshot: string;
  /** The settings.resultCount it was ranked for (the number of results asked of the engine). */
  resultCount: number;
  results: RelatedResult[];
  corpusMatch: boolean;
}

/** What storage.session holds under `tab:N` and `answer:N`: version, when it was written, the packed value. */
export interface PackedEntry {
  v: 2;
  at: number;
  z: string;
}

/** Enough of the text to rank with; applied once, when the snapshot is stored. */
export const STORED_TEXT_CHARS = 20_000;
/** An answer larger than this is not kept (20 results with 5 "also in" each is ~40 KB). */
export const MAX_ANSWER_CHARS = 200_000;

/** The badge counts only results the engine is confident about, so an off-topic page shows no number. */
export function confidentCount(results: RelatedResult[], minConfidence: number): number {
  return results.filter((result) => (result.confidence ?? 1) >= minConfidence).length;
}

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

function isSnapshot(value: unknown): value is ArticleSnapshot {
  const v = value as Partial<ArticleSnapshot> | null;
  return !!v && typeof v === 'object' && typeof v.isArticle === 'boolean' && typeof v.url === 'string' && typeof v.title === 'string' && typeof v.text === 'string';
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

async function streamBytes(input: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([input]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function pack(value: unknown, now = Date.now()): Promise<PackedEntry> {
  const bytes = await streamBytes(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('deflate-raw'));
  return { v: 2, at: now, z: toBase64(bytes) };
}

/** The value packed in `entry`, or undefined for anything else (an older format, a damaged entry). */
export async function unpack(entry: unknown): Promise<unknown> {
  const e = entry as Partial<PackedEntry> | null;
  if (!e || typeof e !== 'object' || e.v !== 2 || typeof e.z !== 'string') return undefined;
  try {
    const bytes = Uint8Array.from(atob(e.z), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(await streamBytes(bytes, new DecompressionStream('deflate-raw'))));
  } catch {
    return undefined;
  }
}

/** The tab's stored snapshot and answer, in one read. */
export async function readTab(tabId: number): Promise<{ snapshot: ArticleSnapshot | null; answer: unknown }> {
  const found = await browser.storage.session.get([snapshotKey(tabId), answerKey(tabId)]);
  const [snapshot, answer] = await Promise.all([unpack(found[snapshotKey(tabId)]), unpack(found[answerKey(tabId)])]);
  return { snapshot: isSnapshot(snapshot) ? snapshot : null, answer };
}

/** The snapshot as stored (its text cut to STORED_TEXT_CHARS), which is what gets ranked. */
export function storedForm(snapshot: ArticleSnapshot): ArticleSnapshot {
  return snapshot.text.length > STORED_TEXT_CHARS ? { ...snapshot, text: snapshot.text.slice(0, STORED_TEXT_CHARS) } : snapshot;
}

/** The entries to write for a tab's snapshot (see background/tab-store.ts for when and how they are written). */
export async function snapshotEntries(tabId: number, snapshot: ArticleSnapshot): Promise<Record<string, PackedEntry>> {
  return { [snapshotKey(tabId)]: await pack(snapshot) };
}

/** The entries for an answer, or none when it is too large to keep. */
export async function answerEntries(tabId: number, answer: StoredAnswer): Promise<Record<string, PackedEntry>> {
  return JSON.stringify(answer).length > MAX_ANSWER_CHARS ? {} : { [answerKey(tabId)]: await pack(answer) };
}
