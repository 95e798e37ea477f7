import { beforeEach, describe, expect, it, vi } from 'vitest';

const browser = {
  runtime: { sendMessage: vi.fn() },
  tabs: { query: vi.fn(), create: vi.fn() },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { createRuntimeClient } = await import('./client-runtime');

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
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'index corrupt' });
    await expect(client.search('x', 5)).rejects.toThrow('index corrupt');
    browser.runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(client.about()).rejects.toThrow(/No valid answer/);
    browser.runtime.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(client.search('x', 5)).rejects.toThrow('Receiving end does not exist.');
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
