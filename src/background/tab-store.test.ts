import { beforeEach, describe, expect, test, vi } from 'vitest';

/** storage.session as a map with a byte quota (key + JSON length, as Chrome counts it), and a set of open tabs. */
const session = new Map<string, unknown>();
let quota = Infinity;
let measurable = true;
const used = () => [...session].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
const open = new Map<number, { id: number; lastAccessed: number }>();
const api = {
  get: async (keys: string | string[] | null) =>
    Object.fromEntries([...session].filter(([k]) => keys === null || [keys].flat().includes(k)).map(([k, v]) => [k, structuredClone(v)])),
  set: async (items: Record<string, unknown>) => {
    const before = new Map(session);
    Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v)));
    if (used() > quota) {
      session.clear();
      before.forEach((v, k) => session.set(k, v));
      throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    }
  },
  remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => session.delete(k)),
  getBytesInUse: undefined as undefined | ((keys: null) => Promise<number>),
};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { session: api },
    tabs: {
      get: async (id: number) => open.get(id) ?? Promise.reject(new Error(`No tab with id: ${id}.`)),
      query: async () => [...open.values()],
    },
  },
}));
const store = await import('./tab-store');

const entry = (size: number) => ({ v: 2, at: 0, z: 'x'.repeat(size) });
const openTab = (id: number, lastAccessed = id) => open.set(id, { id, lastAccessed });

beforeEach(() => {
  session.clear();
  open.clear();
  quota = Infinity;
  measurable = true;
  api.getBytesInUse = async () => (measurable ? used() : Promise.reject(new Error('unsupported')));
});

describe('no entry survives for a tab that is gone', () => {
  test('a write that lands after its tab closed takes itself back', async () => {
    // The tab closed (and its cleanup ran) while the answer was being ranked.
    expect(await store.writeTabEntries(3, { 'answer:3': entry(10) })).toBe(false);
    expect(session.size).toBe(0);
    openTab(4);
    expect(await store.writeTabEntries(4, { 'answer:4': entry(10) })).toBe(true);
    expect([...session.keys()]).toEqual(['answer:4']);
  });

  test('after forgetTab, a late write for that tab is not even attempted', async () => {
    openTab(5);
    await store.writeTabEntries(5, { 'tab:5': entry(10) });
    await store.forgetTab(5);
    open.delete(5);
    expect(await store.writeTabEntries(5, { 'answer:5': entry(10) })).toBe(false);
    expect(session.size).toBe(0);
  });

  test('the start-up sweep drops entries of closed tabs and nothing else', async () => {
    openTab(1);
    session.set('tab:1', entry(1)).set('answer:1', entry(1)).set('tab:2', entry(1)).set('answer:9', entry(1)).set('sila:pendingQuery', { query: 'q' });
    expect(await store.sweepClosedTabs()).toBe(2);
    expect([...session.keys()].sort()).toEqual(['answer:1', 'sila:pendingQuery', 'tab:1']);
  });
});

describe('bounded use', () => {
  test('least recently used tabs go first, closed tabs before any open one, the tab being written never', () => {
    const tabs = [
      { id: 1, lastAccessed: 50 },
      { id: 2, lastAccessed: 10 },
      { id: 3, lastAccessed: 30 },
    ];
    expect(store.evictionOrder([1, 2, 3, 7], tabs, 2)).toEqual([7, 3, 1]);
  });

  test('a write that would cross the high-water mark first evicts old tabs down to the low-water mark', async () => {
    for (let id = 1; id <= 100; id++) {
      openTab(id);
      session.set(`tab:${id}`, entry(store.HIGH_WATER / 100 - 20));
    }
    openTab(101, 1e9);
    expect(await store.writeTabEntries(101, { 'tab:101': entry(100_000) })).toBe(true);
    expect(used()).toBeLessThan(store.LOW_WATER + 200_000);
    // The oldest tabs went and left a marker, so their page can be asked again; the newest kept their entries.
    expect(session.get('tab:1')).toEqual(store.EVICTED);
    expect(session.get('tab:100')).not.toEqual(store.EVICTED);
    expect(store.isEvicted(session.get('tab:1'))).toBe(true);
  });

  test('without getBytesInUse, a quota error makes room and the write is retried', async () => {
    api.getBytesInUse = undefined;
    for (let id = 1; id <= 10; id++) {
      openTab(id);
      session.set(`tab:${id}`, entry(1000));
    }
    quota = used() + 500;
    openTab(11, 1e9);
    expect(await store.writeTabEntries(11, { 'tab:11': entry(2000) })).toBe(true);
    expect(session.has('tab:11')).toBe(true);
    expect(session.get('tab:1')).toEqual(store.EVICTED);
  });

  test('when nothing can be freed the write reports failure (the caller answers from memory) and throws nothing', async () => {
    session.set('other:data', 'x'.repeat(5000));
    quota = used() + 100;
    openTab(1);
    expect(await store.writeTabEntries(1, { 'tab:1': entry(2000) })).toBe(false);
    expect(session.has('tab:1')).toBe(false);
    store.keepInMemory(1, { isArticle: true, title: 't', text: 'x', lang: '', dir: 'ltr', url: 'https://a/', canonicalUrl: null, published: null, siteName: null });
    expect(store.fromMemory(1)?.snapshot.url).toBe('https://a/');
  });
});
