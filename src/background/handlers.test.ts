import { beforeEach, describe, expect, test, vi } from 'vitest';
// The page snapshot asks the library for the badge (library-for-badge.ts): an empty library in a real
// IndexedDB, which answers nothing, rather than an "indexedDB is not defined" warning on every snapshot.
import 'fake-indexeddb/auto';
import type { ArticleSnapshot, RelatedResult } from '../lib/types';

/** storage.session and storage.sync as plain maps; the index is a fake that counts how often it is opened. */
const session = new Map<string, unknown>();
const sync = new Map<string, unknown>();
const area = (m: Map<string, unknown>) => ({
  get: async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => m.has(k)).map((k) => [k, structuredClone(m.get(k))])),
  set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => m.set(k, structuredClone(v))),
  remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => m.delete(k)),
});
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { session: area(session), sync: area(sync) },
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    tabs: { get: async () => ({ url: 'https://a.example/' }), sendMessage: async (...args: unknown[]) => resend(...args) },
  },
}));
const result = (id: string, confidence: number): RelatedResult => ({
  doc: { id, title: id, url: null, source: null, published: null, snippet: '', story: 0 },
  position: 0,
  score: 1,
  sharedTerms: [],
  alsoIn: [],
  confidence,
});
let resend: (...args: unknown[]) => Promise<unknown> = async () => true;
let opened = 0;
let ranked: { k: number; text: string }[] = [];
vi.mock('./engine', () => ({
  engine: async () => {
    opened += 1;
    return {
      findCorpusArticle: () => -1,
      related: (query: { body: string }, { k }: { k: number }) => {
        ranked.push({ k, text: query.body });
        return [result('a', 0.9), result('b', 0.3)].slice(0, k);
      },
    };
  },
}));
const { handlers } = await import('./handlers');
const { pack } = await import('../tab-answer');

const snapshot: ArticleSnapshot = { isArticle: true, title: 't', text: 'x'.repeat(30_000), lang: 'ar', dir: 'rtl', url: 'https://a.example/1', canonicalUrl: null, published: null, siteName: null };

beforeEach(() => {
  session.clear();
  sync.clear();
  opened = 0;
  ranked = [];
});

describe('the stored answer in the background', () => {
  test('tab/state answers from what page/snapshot ranked, without the index', async () => {
    expect(await handlers['page/snapshot']({ snapshot }, 5)).toEqual({ confidentCount: 1 });
    expect(opened).toBe(1);
    // What is ranked is the stored snapshot (text cut for storage), so any later re-ranking agrees.
    expect(ranked).toEqual([{ k: 8, text: 'x'.repeat(20_000) }]);
    const state = await handlers['tab/state']({ tabId: 5 }, undefined);
    expect(opened).toBe(1);
    expect(state).toMatchObject({ kind: 'article', confidentCount: 1, corpusMatch: false, results: [{ doc: { id: 'a' } }, { doc: { id: 'b' } }] });
  });

  test('after a settings change tab/state ranks again, and stores that answer for the next time', async () => {
    await handlers['page/snapshot']({ snapshot }, 5);
    sync.set('settings', { resultCount: 1, minConfidence: 0.2 });
    expect(await handlers['tab/state']({ tabId: 5 }, undefined)).toMatchObject({ kind: 'article', confidentCount: 1, results: [{ doc: { id: 'a' } }] });
    expect(opened).toBe(2);
    await handlers['tab/state']({ tabId: 5 }, undefined);
    expect(opened).toBe(2);
  });

  test('a new snapshot for the tab is never answered with the previous page’s results', async () => {
    await handlers['page/snapshot']({ snapshot }, 5);
    // A single-page navigation: the snapshot is replaced; the answer for it is not there yet.
    session.set('tab:5', await pack({ ...snapshot, url: 'https://a.example/2', text: 'y' }));
    await handlers['tab/state']({ tabId: 5 }, undefined);
    expect(ranked.at(-1)).toEqual({ k: 8, text: 'y' });
  });

  test('a tab whose entries were evicted asks its page again, and says so when the page cannot answer', async () => {
    const asked: unknown[] = [];
    resend = async (...args) => void asked.push(args);
    session.set('tab:6', { v: 2, evicted: true });
    expect(await handlers['tab/state']({ tabId: 6 }, undefined)).toEqual({ kind: 'pending' });
    expect(asked).toEqual([[6, { sila: 1, name: 'page/resend', payload: {} }]]);
    resend = async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await handlers['tab/state']({ tabId: 6 }, undefined)).toEqual({ kind: 'not-kept' });
  });

  test('an entry in the older, unpacked format is not read as a snapshot (storage.session never outlives an update)', async () => {
    session.set('tab:8', { ...snapshot });
    expect(await handlers['tab/state']({ tabId: 8 }, undefined)).toEqual({ kind: 'pending' });
  });
});
