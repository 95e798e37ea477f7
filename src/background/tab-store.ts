/**
 * How the background writes the per-tab entries of ../tab-answer.ts into storage.session, which is shared by all
 * tabs and capped (10 MiB in Chrome and Firefox):
 * - nothing survives for a tab that is gone: an answer ranked while its tab was closing is written after the
 *   tab-closed cleanup ran, so every write checks the tab afterwards and takes itself back; and a sweep at
 *   service-worker start drops what an earlier worker left behind (it may have been stopped mid-write);
 * - the store stays below HIGH_WATER by evicting the least recently used tabs first (tabs.Tab.lastAccessed); an
 *   evicted tab keeps a small marker so that, when its popup opens, its page is asked to send its snapshot again;
 * - a write that fails all the same (quota) is not fatal: the last tabs' snapshots and answers are also kept in
 *   this worker's memory, and the popup gets its answer from there or by ranking again.
 */
import browser from 'webextension-polyfill';
import type { ArticleSnapshot } from '../lib/types';
import { answerKey, snapshotKey, tabIdOfKey, type StoredAnswer } from '../tab-answer';

export const QUOTA_BYTES = 10 * 1024 * 1024;
/** Evict when a write would take the store above this, down to LOW_WATER: room for ~100 more tabs at once. */
export const HIGH_WATER = Math.round(QUOTA_BYTES * 0.85);
export const LOW_WATER = Math.round(QUOTA_BYTES * 0.65);
/** Left by eviction under `tab:N`: ~40 bytes instead of ~6–15 KB. */
export const EVICTED = { v: 2, evicted: true } as const;

export function isEvicted(entry: unknown): boolean {
  return !!entry && typeof entry === 'object' && (entry as { evicted?: unknown }).evicted === true;
}

/** Tabs closed since this worker started: a late write for one of them is not even attempted. */
const closedTabs = new Set<number>();
/** The latest tabs' snapshot and answer, for when storage could not keep them. */
const MEMORY_TABS = 64;
const memory = new Map<number, { snapshot: ArticleSnapshot; answer?: StoredAnswer }>();

export function keepInMemory(tabId: number, snapshot: ArticleSnapshot, answer?: StoredAnswer): void {
  memory.delete(tabId);
  memory.set(tabId, { snapshot, answer });
  if (memory.size > MEMORY_TABS) memory.delete(memory.keys().next().value as number);
}

export function fromMemory(tabId: number): { snapshot: ArticleSnapshot; answer?: StoredAnswer } | undefined {
  return memory.get(tabId);
}

const isQuotaError = (error: unknown) => /quota/i.test(error instanceof Error ? error.message : String(error));

async function tabExists(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );
}

async function bytesInUse(): Promise<number | null> {
  const session = browser.storage.session as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof session.getBytesInUse !== 'function') return null;
  return session.getBytesInUse(null).catch(() => null);
}

async function storedKeys(): Promise<string[]> {
  const session = browser.storage.session as { getKeys?: () => Promise<string[]> };
  if (typeof session.getKeys === 'function') return session.getKeys();
  return Object.keys(await browser.storage.session.get(null));
}

/** Per-tab keys grouped by tab id. */
function keysByTab(keys: string[]): Map<number, string[]> {
  const byTab = new Map<number, string[]>();
  for (const key of keys) {
    const id = tabIdOfKey(key);
    if (id !== null) byTab.set(id, [...(byTab.get(id) ?? []), key]);
  }
  return byTab;
}

/**
 * The order in which tabs give up their entries: first tabs that no longer exist, then open tabs from the least
 * recently used (lastAccessed; without it, the lower id, i.e. the older tab). `keep` (the tab being written) last.
 */
export function evictionOrder(stored: number[], open: { id?: number; lastAccessed?: number }[], keep: number): number[] {
  const used = new Map(open.filter((t) => t.id !== undefined).map((t) => [t.id as number, t.lastAccessed ?? 0]));
  const rank = (id: number) => (id === keep ? Infinity : used.has(id) ? (used.get(id) as number) : -Infinity);
  return stored.filter((id) => id !== keep).sort((a, b) => rank(a) - rank(b) || a - b);
}

/**
 * Frees room until the store is below `target` bytes. Without getBytesInUse (older Firefox) it cannot see how
 * full the store is and evicts the older half of the tabs. Returns the number of tabs evicted.
 */
export async function evict(target: number, keep: number): Promise<number> {
  const byTab = keysByTab(await storedKeys());
  const open = await browser.tabs.query({});
  const openIds = new Set(open.map((t) => t.id));
  const order = evictionOrder([...byTab.keys()], open, keep);
  const measured = (await bytesInUse()) !== null;
  const limit = measured ? order.length : Math.ceil(order.length / 2);
  let evicted = 0;
  for (let i = 0; i < limit; i += 8) {
    const batch = order.slice(i, Math.min(limit, i + 8));
    const gone = batch.flatMap((id) => byTab.get(id) ?? []);
    await browser.storage.session.remove(gone);
    const marks = batch.filter((id) => openIds.has(id) && !closedTabs.has(id));
    if (marks.length) await browser.storage.session.set(Object.fromEntries(marks.map((id) => [snapshotKey(id), EVICTED])));
    evicted += batch.length;
    const used = measured ? await bytesInUse() : null;
    if (used !== null && used < target) break;
  }
  return evicted;
}

const entrySize = (entries: Record<string, unknown>) => Object.entries(entries).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

/**
 * Writes a tab's entries, making room first when the store is nearly full. True when they were kept; false when
 * the tab is gone (nothing is left behind) or storage could not hold them (the caller keeps them in memory).
 */
export async function writeTabEntries(tabId: number, entries: Record<string, unknown>): Promise<boolean> {
  if (closedTabs.has(tabId) || Object.keys(entries).length === 0) return false;
  const used = await bytesInUse();
  if (used !== null && used + entrySize(entries) > HIGH_WATER) await evict(LOW_WATER, tabId);
  try {
    await browser.storage.session.set(entries);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await evict(LOW_WATER, tabId);
    try {
      await browser.storage.session.set(entries);
    } catch (again) {
      console.warn('Sila: storage.session is full; this tab is answered from memory', again);
      return false;
    }
  }
  // The tab may have closed while its page was being ranked, and its cleanup run before this write.
  if (closedTabs.has(tabId) || !(await tabExists(tabId))) {
    await browser.storage.session.remove(Object.keys(entries));
    return false;
  }
  return true;
}

export async function forgetTab(tabId: number): Promise<void> {
  closedTabs.add(tabId);
  memory.delete(tabId);
  await browser.storage.session.remove([snapshotKey(tabId), answerKey(tabId)]);
}

/** At service-worker start: drops the entries of tabs that no longer exist. Returns how many tabs it dropped. */
export async function sweepClosedTabs(): Promise<number> {
  // Keys first, then tabs: a tab opened in between is in the list, so its fresh entries stay.
  const byTab = keysByTab(await storedKeys());
  const openIds = new Set((await browser.tabs.query({})).map((t) => t.id));
  const gone = [...byTab].filter(([id]) => !openIds.has(id));
  if (gone.length) await browser.storage.session.remove(gone.flatMap(([, keys]) => keys));
  return gone.length;
}
