import { beforeEach, describe, expect, test, vi } from 'vitest';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'sila-id', getURL: (path: string) => `${EXT}${path}` } },
}));
const calls: string[] = [];
vi.mock('./handlers', () => ({
  handlers: {
    'page/snapshot': async () => (calls.push('page/snapshot'), { confidentCount: 3 }),
    'tab/state': async () => (calls.push('tab/state'), { kind: 'pending' }),
    'corpus/search': async ({ query }: { query: string }) => {
      const { IndexLoadError } = await import('../lib/index/load');
      if (query === 'damaged') throw new IndexLoadError('index file sila-v4-0.bin has 3 bytes, meta.json says 4: the package is corrupt', 'corrupt');
      throw new Error('index file sila-v1-0.bin is corrupt');
    },
    'corpus/about': async () => (calls.push('corpus/about'), { formatVersion: 1 }),
  },
}));

const { route } = await import('./router');

const snapshot = { isArticle: true, title: 't', text: 'x', lang: 'en', dir: 'ltr', url: 'https://a.example/', canonicalUrl: null, published: null, siteName: null };
const fromContentScript = { id: 'sila-id', url: 'https://a.example/', tab: { id: 7, url: 'https://a.example/' } } as any;
const fromPopup = { id: 'sila-id', url: `${EXT}src/popup/index.html` } as any;
const fromOtherExtension = { id: 'other-id', url: 'chrome-extension://zzzz/popup.html' } as any;

describe('route', () => {
  beforeEach(() => void calls.splice(0));

  test('a content script may report its page', async () => {
    expect(await route({ sila: 1, name: 'page/snapshot', payload: { snapshot } }, fromContentScript)).toEqual({ ok: true, value: { confidentCount: 3 } });
  });

  test('a content script may not ask for results or search', async () => {
    const reply = await route({ sila: 1, name: 'corpus/about', payload: {} }, fromContentScript);
    expect(reply).toEqual({ ok: false, error: 'corpus/about is not accepted from this sender', kind: 'failed' });
    expect(calls).toEqual([]);
  });

  test("the extension's own pages may ask, but not report a page", async () => {
    expect((await route({ sila: 1, name: 'tab/state', payload: { tabId: 7 } }, fromPopup)).ok).toBe(true);
    expect((await route({ sila: 1, name: 'page/snapshot', payload: { snapshot } }, fromPopup)).ok).toBe(false);
  });

  test('another extension is refused everything', async () => {
    for (const name of ['page/snapshot', 'tab/state', 'corpus/about'] as const) {
      const payload = name === 'page/snapshot' ? { snapshot } : name === 'tab/state' ? { tabId: 1 } : {};
      expect((await route({ sila: 1, name, payload }, fromOtherExtension)).ok).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  test('a malformed payload gets an error reply before any handler runs', async () => {
    const reply = await route({ sila: 1, name: 'tab/state', payload: { tabId: 'seven' } }, fromPopup);
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  test("a handler's failure becomes an error reply naming the cause, not a crash", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await route({ sila: 1, name: 'corpus/search', payload: { query: 'x', limit: 5 } }, fromPopup);
    expect(reply).toEqual({ ok: false, error: 'index file sila-v1-0.bin is corrupt', kind: 'failed' });
    expect(logged).toHaveBeenCalledOnce(); // and the background's console says which message failed
    logged.mockRestore();
  });

  test('a damaged package crosses as its kind, whatever the wording of its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await route({ sila: 1, name: 'corpus/search', payload: { query: 'damaged', limit: 5 } }, fromPopup);
    expect(reply).toMatchObject({ ok: false, kind: 'corrupt-package' });
    logged.mockRestore();
  });
});
