/**
 * The one message listener. Trust comes from the sender, never from the message: only this extension's
 * content scripts may report a page, and only this extension's own pages (popup, side panel, options) may
 * ask for results. Web pages cannot reach it at all (no externally_connectable).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { IndexLoadError } from '../lib/engine';
import type { Envelope, ErrorKind, MessageName, Reply } from '../messages';
import { handlers } from './handlers';
import { InvalidMessage, validateEnvelope } from './validate';

const FROM_CONTENT_SCRIPT: ReadonlySet<MessageName> = new Set(['page/snapshot', 'library/remember']);

function senderMayAsk(name: MessageName, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const extensionOrigin = browser.runtime.getURL('');
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin) && !sender.tab?.url?.startsWith('http');
  if (FROM_CONTENT_SCRIPT.has(name)) return sender.tab?.id !== undefined && !fromExtensionPage;
  return fromExtensionPage;
}

export async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<MessageName>> {
  let envelope: Envelope;
  try {
    envelope = validateEnvelope(message);
  } catch (error) {
    return { ok: false, error: error instanceof InvalidMessage ? error.message : 'invalid message', kind: 'failed' };
  }
  if (!senderMayAsk(envelope.name, sender)) return { ok: false, error: `${envelope.name} is not accepted from this sender`, kind: 'failed' };
  try {
    const handler = handlers[envelope.name] as (payload: unknown, tabId: number | undefined) => Promise<unknown>;
    return { ok: true, value: (await handler(envelope.payload, sender.tab?.id)) as never };
  } catch (error) {
    console.error('Sila:', envelope.name, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error), kind: errorKindOf(error) };
  }
}

function errorKindOf(error: unknown): ErrorKind {
  return error instanceof IndexLoadError && error.fault === 'corrupt' ? 'corrupt-package' : 'failed';
}
