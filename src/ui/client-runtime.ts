/**
 * The SilaClient the extension pages use: typed messages to the background over `runtime.sendMessage`, in the
 * envelope `{ sila: 1, name, payload }`. The background answers `{ ok, value | error }`; an error reply, a
 * missing reply (no listener yet) or a rejected promise all become a rejected promise here with a message the UI
 * can show.
 */
import browser from 'webextension-polyfill';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from '../messages';
import type { SilaClient } from './client';
import { safeHttpUrl } from './safe-url';

export class SilaClientError extends Error {
  override name = 'SilaClientError';
}

function isReply(value: unknown): value is Reply<MessageName> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error === 'string';
}

export async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { sila: 1, name, payload };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(envelope);
  } catch (error) {
    throw new SilaClientError(error instanceof Error ? error.message : String(error));
  }
  if (!isReply(reply)) throw new SilaClientError(`No valid answer from the background to "${name}".`);
  if (!reply.ok) throw new SilaClientError(reply.error);
  return reply.value as ResponseOf<N>;
}

/** The id of the active tab of the current window, or null (e.g. a devtools window). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * A page opened as `…/index.html?tab=N` shows tab N: how the side panel or a test opens the popup's view for a
 * given tab (Firefox offers no way to open the real toolbar popup from automation).
 */
export function tabIdFromLocation(search: string = globalThis.location?.search ?? ''): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

export function createRuntimeClient(): SilaClient {
  return {
    async tabState(tabId) {
      const id = tabId ?? tabIdFromLocation() ?? (await activeTabId());
      if (id === null) return { kind: 'unsupported' };
      return send('tab/state', { tabId: id });
    },
    search(query, limit) {
      return send('corpus/search', { query, limit });
    },
    about() {
      return send('corpus/about', {});
    },
    async openArticle(url, { background }) {
      const safe = safeHttpUrl(url);
      if (!safe) return;
      await browser.tabs.create({ url: safe, active: !background });
    },
  };
}
