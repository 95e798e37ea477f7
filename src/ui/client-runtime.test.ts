import { beforeEach, describe, expect, it, vi } from 'vitest';

const browser = {
  runtime: { sendMessage: vi.fn() },
  tabs: { query: vi.fn(), create: vi.fn() },
  storage: { session: { get: vi.fn() }, sync: { get: vi.fn() }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { createRuntimeClient } = await import('./client-runtime');
const { makeAnswer, pack } = await import('../tab-answer');

beforeEach(() => {
  vi.resetAllMocks();
  browser.tabs.query.mockResolvedValue([{ id: 42 }]);
});

describe('runtime client', () => {
  it('sends the typed envelope for the active tab and unwraps the reply', async () => {
    browser.runtime.sendMessage.mockResolvedValue({ ok: true, value: { kind: 'unsupported' } });
    await expect(createRuntimeClient().tabState()).resolves.toEqual({ kind: 'unsupported' });
    expect(browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ sila: 1, name: 'tab/state', payload: { tabId: 42 } });
  });

  it('uses a given tab id without querying', async () => {
    browser.runtime.sendMessage.mockResolvedValue({ ok: true, value: { kind: 'pending' } });
    await createRuntimeClient().tabState(7);
    expect(browser.tabs.query).not.toHaveBeenCalled();
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ sila: 1, name: 'tab/state', payload: { tabId: 7 } });
  });

  it('turns error replies, missing replies and transport failures into rejections with a message', async () => {
    const client = createRuntimeClient();
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'index corrupt', kind: 'corrupt-package' });
    await expect(client.search('x', 5)).rejects.toMatchObject({ message: 'index corrupt', kind: 'corrupt-package' });
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'no handler', kind: 'failed' });
    await expect(client.search('x', 5)).rejects.toMatchObject({ message: 'no handler', kind: 'failed' });
    // An error reply without a known kind is no valid reply.
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'index corrupt' });
    await expect(client.about()).rejects.toThrow(/No valid answer/);
    browser.runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(client.about()).rejects.toThrow(/No valid answer/);
    browser.runtime.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(client.search('x', 5)).rejects.toThrow('Receiving end does not exist.');
  });

  it('hands over the stored answer when it holds, and still asks the background', async () => {
    const snapshot = { isArticle: true, title: 't', text: 'x', lang: 'ar', dir: 'rtl' as const, url: 'https://a.example/', canonicalUrl: null, published: null, siteName: null };
    const results = [{ doc: { id: 'd', title: 'd', url: null, source: null, published: null, snippet: '', story: 0 }, position: 0, score: 1, sharedTerms: [], alsoIn: [], confidence: 0.9 }];
    browser.storage.session.get.mockResolvedValue({ 'tab:7': await pack(snapshot), 'answer:7': await pack(makeAnswer(snapshot, 8, { results, corpusMatch: false })) });
    browser.storage.sync.get.mockResolvedValue({});
    browser.runtime.sendMessage.mockResolvedValue({ ok: true, value: { kind: 'pending' } });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
    const onCached = vi.fn();
    await createRuntimeClient().tabState(7, { onCached });
    expect(onCached).toHaveBeenCalledWith({ kind: 'article', snapshot, results, corpusMatch: false, confidentCount: 1 });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ sila: 1, name: 'tab/state', payload: { tabId: 7 } });
    // Asked for more results than were ranked: nothing stored fits.
    browser.storage.sync.get.mockResolvedValue({ settings: { resultCount: 12 } });
    onCached.mockClear();
    await createRuntimeClient().tabState(7, { onCached });
    expect(onCached).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('opens only http(s) URLs, in the background when asked', async () => {
    const client = createRuntimeClient();
    await client.openArticle('https://example.com/a', { background: true });
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'https://example.com/a', active: false });
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings']) {
      await client.openArticle(bad, { background: false });
    }
    expect(browser.tabs.create).toHaveBeenCalledTimes(1);
  });
});

describe('following a collection import', () => {
  it('hears the progress the background stores in storage.session, and its end, from that key only', () => {
    const heard: unknown[] = [];
    const stop = createRuntimeClient().onCollectionsChanged!((p) => heard.push(p));
    const listener = browser.storage.onChanged.addListener.mock.calls[0][0];
    listener({ 'sila:collectionImport': { newValue: { id: 2, articles: 500, bytesRead: 1000 } } }, 'session');
    listener({ 'sila:collectionImport': { newValue: { id: 2, articles: 500, bytesRead: 1000 } } }, 'local');
    listener({ other: { newValue: 1 } }, 'session');
    listener({ 'sila:collectionImport': { oldValue: { id: 2, articles: 500, bytesRead: 1000 } } }, 'session');
    listener({ 'sila:collectionImport': { newValue: { id: 'x' } } }, 'session');
    expect(heard).toEqual([{ id: 2, articles: 500, bytesRead: 1000 }, null, null]);
    stop();
    expect(browser.storage.onChanged.removeListener).toHaveBeenCalledWith(listener);
  });

  it('reaches a stopped background again, but never a port that closed before the background answered', () => {
    type Listener = () => void;
    const ports: { name: string; message: Listener[]; disconnect: Listener[]; closed: boolean }[] = [];
    (browser.runtime as Record<string, unknown>).connect = ({ name }: { name: string }) => {
      const port = { name, message: [] as Listener[], disconnect: [] as Listener[], closed: false };
      ports.push(port);
      return {
        onMessage: { addListener: (l: Listener) => port.message.push(l) },
        onDisconnect: { addListener: (l: Listener) => port.disconnect.push(l) },
        disconnect: () => void (port.closed = true),
      };
    };
    let lost = 0;
    const stop = createRuntimeClient().watchBackground!(() => lost++);
    expect(ports.map((p) => p.name)).toEqual(['sila:collections-watch']);
    ports[0].message.forEach((l) => l());
    // The worker stopped: heard, and reached again.
    ports[0].disconnect.forEach((l) => l());
    expect(lost).toBe(1);
    expect(ports.length).toBe(2);
    // Closed before the background said it was there: heard, not reconnected (no loop).
    ports[1].disconnect.forEach((l) => l());
    expect(lost).toBe(2);
    expect(ports.length).toBe(2);
    stop();
    expect(ports[1].closed).toBe(true);
  });
});
