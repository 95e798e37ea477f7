/**
 * Sila's background: a router over small handlers. Every listener is registered synchronously at start-up,
 * because Chrome wakes a stopped service worker for an event only if its listener exists on the first turn.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { route } from './router';
import { registerOmnibox } from './omnibox';
import { registerContextMenu } from './context-menu';
import { forgetTab, sweepClosedTabs } from './tab-store';
import { verifyPackagedIndex } from './engine';
import { resumeImports } from './collection-handlers';
import { COLLECTIONS_WATCH_PORT } from '../messages';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
// A worker stopped between a tab's closing and its cleanup (or mid-write) left entries that nothing else removes.
void sweepClosedTabs().catch((error: unknown) => console.warn('Sila: sweep of closed tabs failed', error));
// An import a stopped worker left half done goes on (it stays invisible until its last chunk is in).
void resumeImports().catch((error: unknown) => console.warn('Sila: collection imports not resumed', error));
// A settings page following an import holds this port (messages.ts COLLECTIONS_WATCH_PORT): its connecting is
// what starts a stopped worker, so that the import resumes; any other port is closed.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== COLLECTIONS_WATCH_PORT || port.sender?.id !== browser.runtime.id) return port.disconnect();
  port.postMessage('here');
});
registerOmnibox();
registerContextMenu();
browser.runtime.onInstalled.addListener(() => void verifyPackagedIndex());
