/**
 * library/remember never keeps a tab of a private (incognito) window, nor one the background cannot see, and
 * keeps a normal tab's article (the same call, so the refusals are not a library that keeps nothing).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleSnapshot } from '../lib/types';

const session = new Map<string, unknown>();
const sync = new Map<string, unknown>();
const area = (m: Map<string, unknown>) => ({
  get: async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => m.has(k)).map((k) => [k, structuredClone(m.get(k))])),
  set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => m.set(k, structuredClone(v))),
  remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => m.delete(k)),
});
/** Tabs the fake browser knows, with the window's privacy; other ids are tabs it cannot see. */
const tabs = new Map<number, { id: number; incognito: boolean }>();
const extension = { inIncognitoContext: false };
// Node 20 has no navigator; the status asks navigator.storage whether storage is persisted.
vi.stubGlobal('navigator', {});
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { session: area(session), sync: area(sync) },
    extension,
    tabs: { get: async (id: number) => tabs.get(id) ?? Promise.reject(new Error(`No tab with id: ${id}.`)) },
  },
}));
vi.mock('./engine', async () => {
  const { openIndex } = await import('../lib/engine');
  const { memorySource } = await import('../lib/index/source');
  const { buildFixtureFiles } = await import('../../tests/fixtures/fixture-index');
  const index = openIndex(memorySource(buildFixtureFiles()));
  return { engine: () => index };
});
const { libraryHandlers } = await import('./library-handlers');
const { libraryForBadge } = await import('./library-for-badge');
const { snapshotEntries } = await import('../tab-answer');
const { SETTINGS_KEY } = await import('../settings');
const { fixtureArticles } = await import('../../tests/fixtures/fixture-index');

async function articleIn(tabId: number, incognito: boolean | null): Promise<string> {
  const a = fixtureArticles[tabId % fixtureArticles.length];
  const url = `https://news.example/${tabId}`;
  const snapshot: ArticleSnapshot = { isArticle: true, title: a.title, text: a.body, lang: 'en', dir: 'ltr', url, canonicalUrl: null, published: null, siteName: 'Example' };
  for (const [k, v] of Object.entries(await snapshotEntries(tabId, snapshot))) session.set(k, v);
  if (incognito !== null) tabs.set(tabId, { id: tabId, incognito });
  return url;
}

beforeEach(async () => {
  session.clear();
  tabs.clear();
  extension.inIncognitoContext = false;
  sync.set(SETTINGS_KEY, { version: 2, rememberReads: 'on' });
  await libraryHandlers['library/forget'](undefined as never, undefined);
});

const reads = async () => (await libraryHandlers['library/status'](undefined as never, undefined)).reads;

describe('remembering and private windows', () => {
  test('a normal window’s article is kept; a private window’s is not', async () => {
    expect(await libraryHandlers['library/remember']({ url: await articleIn(1, false) }, 1)).toEqual({ kept: 'added' });
    expect(await libraryHandlers['library/remember']({ url: await articleIn(2, true) }, 2)).toEqual({ kept: 'private' });
    expect(await reads()).toBe(1);
  });

  test('nothing is kept in an incognito context of its own (an extension page in a private window, Chrome "split" mode)', async () => {
    extension.inIncognitoContext = true;
    expect(await libraryHandlers['library/remember']({ url: await articleIn(3, false) }, 3)).toEqual({ kept: 'private' });
    expect(await reads()).toBe(0);
  });

  test('a tab the background cannot see is not kept either', async () => {
    expect(await libraryHandlers['library/remember']({ url: await articleIn(4, null) }, 4)).toEqual({ kept: 'private' });
    expect(await reads()).toBe(0);
  });

  test('with remembering off nothing is asked of the tab', async () => {
    sync.set(SETTINGS_KEY, { version: 2, rememberReads: 'off' });
    expect(await libraryHandlers['library/remember']({ url: await articleIn(5, false) }, 5)).toEqual({ kept: 'off' });
    expect(await reads()).toBe(0);
  });
});

describe('a remembered read among the related articles', () => {
  test('comes with its opening as the snippet and the words it shares with the page, as an archive result does', async () => {
    const n = fixtureArticles.length;
    for (let tab = 1; tab < n; tab++) await libraryHandlers['library/remember']({ url: await articleIn(tab, false) }, tab);
    // The page: article 0 at a URL never remembered, so each read is a candidate.
    await articleIn(n, false);
    const found = await libraryHandlers['library/related']({ tabId: n }, undefined);
    const reads = found.filter((r) => r.readAt !== undefined);
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) {
      const article = fixtureArticles[Number(r.doc.url!.split('/').pop()) % n];
      expect(r.doc.snippet).toBe(article.body.slice(0, 300));
    }
    expect(reads.some((r) => r.sharedTerms.length > 0)).toBe(true);
  });
});

describe('reads while the one-time "remember what I read" question is unanswered', () => {
  test('reads already stored (a restore from a backup) are related to a page and counted by the badge at once', async () => {
    const n = fixtureArticles.length;
    // Stored the way a restore finds them: in the library, with the question not answered on this browser.
    for (let tab = 1; tab < n; tab++) await libraryHandlers['library/remember']({ url: await articleIn(tab, false) }, tab);
    sync.set(SETTINGS_KEY, { version: 2, rememberReads: 'unasked' });
    await articleIn(n, false);
    const found = await libraryHandlers['library/related']({ tabId: n }, undefined);
    expect(found.filter((r) => r.readAt !== undefined).length).toBeGreaterThan(0);
    expect((await libraryForBadge(n, { rememberReads: 'unasked' })).length).toBe(found.length);
    // Showing them does not start remembering: a new page is still not kept.
    expect(await libraryHandlers['library/remember']({ url: await articleIn(n + 1, false) }, n + 1)).toEqual({ kept: 'off' });
  });

  test('with no read and no collection stored, the badge asks nothing and no database is created', async () => {
    sync.set(SETTINGS_KEY, { version: 2, rememberReads: 'unasked' });
    await libraryHandlers['library/forget'](undefined as never, undefined);
    await articleIn(1, false);
    expect(await libraryForBadge(1, { rememberReads: 'unasked' })).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([]);
  });

  test('whether any read is stored is asked of storage once, until the reads change', async () => {
    const { readsChanged } = await import('./reads-changed');
    sync.set(SETTINGS_KEY, { version: 2, rememberReads: 'unasked' });
    await libraryHandlers['library/forget'](undefined as never, undefined);
    await articleIn(1, false);
    const listed = vi.spyOn(indexedDB, 'databases');
    await libraryForBadge(1, { rememberReads: 'unasked' });
    const first = listed.mock.calls.length;
    // A second page snapshot asks storage nothing: both answers (reads, collections switched on) are kept.
    await libraryForBadge(1, { rememberReads: 'unasked' });
    expect(listed.mock.calls.length).toBe(first);
    readsChanged();
    await libraryForBadge(1, { rememberReads: 'unasked' });
    expect(listed.mock.calls.length).toBeGreaterThan(first);
    listed.mockRestore();
  });
});
