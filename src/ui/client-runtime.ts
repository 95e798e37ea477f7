/**
 * The SilaClient the extension pages use: typed messages to the background over `runtime.sendMessage`, in the
 * envelope `{ sila: 1, name, payload }`. The background answers `{ ok, value | error }`; an error reply, a
 * missing reply (no listener yet) or a rejected promise all become a rejected promise here with a message the UI
 * can show.
 */
import browser from 'webextension-polyfill';
import { COLLECTION_PROGRESS_KEY, COLLECTIONS_WATCH_PORT, ERROR_KINDS, RESTORE_PROGRESS_KEY, type CollectionProgress, type Envelope, type MessageName, type Reply, type RequestOf, type ResponseOf, type TabState } from '../messages';
import { SilaClientError, type SilaClient } from './client';
import { safeHttpUrl } from '../lib/safe-url';
import { loadSettings, type Settings } from '../settings';
import { readTab, stateFromStored } from '../tab-answer';
import { afterNextPaint } from './after-paint';

function isReply(value: unknown): value is Reply<MessageName> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown; kind?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error === 'string' && ERROR_KINDS.some((kind) => kind === v.kind);
}

/** A stored progress as the background writes it (anything else is read as "ended": the page asks again). */
function isProgress(value: unknown): value is CollectionProgress {
  const v = value as Partial<CollectionProgress> | null;
  return !!v && typeof v === 'object' && Number.isInteger(v.id) && Number.isFinite(v.articles) && Number.isFinite(v.bytesRead);
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
  if (!reply.ok) throw new SilaClientError(reply.error, reply.kind);
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

/** The tab's state from what the background stored in storage.session, or null (nothing usable, or no access). */
export async function storedTabState(tabId: number, settings: Promise<Settings> = loadSettings()): Promise<TabState | null> {
  try {
    const [{ snapshot, answer }, current] = await Promise.all([readTab(tabId), settings]);
    return stateFromStored(snapshot, answer, current);
  } catch {
    return null;
  }
}

/**
 * `prefetch` (the popup) asks for the active tab's state as soon as the page's script runs, in parallel with
 * loading the settings; the first `tabState()` without a tab id takes that request. `storedRead` settles when
 * the stored answer has been read, so a page that waits for it before its first render paints the list in its
 * first frame. `settings`, the page's own read of them, serves that early request (later ones read them afresh).
 */
export function createRuntimeClient({ prefetch = false, settings }: { prefetch?: boolean; settings?: Promise<Settings> } = {}): SilaClient & {
  storedRead: Promise<void>;
} {
  const start = (tabId?: number, current?: Promise<Settings>) => {
    const id = (async () => tabId ?? tabIdFromLocation() ?? (await activeTabId()))();
    const stored = id.then((i) => (i === null ? null : storedTabState(i, current)), () => null);
    // With a stored answer to paint, the background is asked only after that paint: waking a stopped service
    // worker competes with the page for the CPU. Without one, at once.
    const fresh = stored.then(async (state): Promise<TabState> => {
      const i = await id;
      if (i === null) return { kind: 'unsupported' };
      if (state) await afterNextPaint();
      return send('tab/state', { tabId: i });
    });
    return { fresh, stored };
  };
  let early = prefetch ? start(undefined, settings) : null;
  early?.fresh.catch(() => undefined); // handled by whoever takes it; not an unhandled rejection meanwhile
  let storedEarly: TabState | null = null;
  return {
    storedRead: early ? early.stored.then((state) => void (storedEarly = state)) : Promise.resolve(),
    storedNow: () => (early ? storedEarly : null),
    tabState(tabId, opts) {
      const request = tabId === undefined && early ? early : start(tabId);
      early = null;
      const onCached = opts?.onCached;
      if (onCached) void request.stored.then((state) => state && onCached(state));
      return request.fresh;
    },
    search(query, limit) {
      return send('corpus/search', { query, limit });
    },
    searchHints(query) {
      return send('corpus/search-hints', { query });
    },
    about() {
      return send('corpus/about', {});
    },
    async libraryRelated(tabId) {
      const id = tabId ?? tabIdFromLocation() ?? (await activeTabId());
      return id === null ? [] : send('library/related', { tabId: id });
    },
    libraryStatus() {
      return send('library/status', {});
    },
    async forgetLibrary() {
      await send('library/forget', {});
    },
    collections() {
      return send('collections/list', {});
    },
    onCollectionsChanged(listener) {
      // The background writes the progress to storage.session per chunk and removes it at the end: a change a
      // page hears without asking (and without waking the worker to ask).
      const heard = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        const change = area === 'session' ? changes[COLLECTION_PROGRESS_KEY] : undefined;
        if (change) listener(isProgress(change.newValue) ? change.newValue : null);
      };
      browser.storage.onChanged.addListener(heard);
      return () => browser.storage.onChanged.removeListener(heard);
    },
    watchBackground(onLost) {
      let stopped = false;
      let port: browser.Runtime.Port | null = null;
      const connect = () => {
        let answered = false;
        port = browser.runtime.connect({ name: COLLECTIONS_WATCH_PORT });
        port.onMessage.addListener(() => void (answered = true));
        port.onDisconnect.addListener(() => {
          if (stopped) return;
          onLost();
          // Only a background that was there is reached again (a refused port would close again at once).
          if (answered) connect();
        });
      };
      connect();
      return () => {
        stopped = true;
        port?.disconnect();
      };
    },
    async addCollection(file) {
      // The page stores the file itself: a runtime message cannot carry a Blob in Chrome. The background then
      // reads it from the same database.
      // Loaded here, not with the client: only the settings page adds collections, so the popup never loads the
      // import's code.
      const [{ IndexedDbCollections }, { newCollection }] = await Promise.all([import('../library/collection-store'), import('../library/collection-import')]);
      const id = await new IndexedDbCollections().stage(newCollection(file.name, file.size), file);
      await send('collections/import', { id });
      return id;
    },
    async removeCollection(id, opts) {
      await send(opts?.cancel ? 'collections/cancel' : 'collections/remove', { id });
    },
    renameCollection(id, name) {
      return send('collections/rename', { id, name });
    },
    switchCollection(id, enabled) {
      return send('collections/switch', { id, enabled });
    },
    async restoreLibrary(file) {
      // Staged by the page, as a collection's file is (a runtime message cannot carry a Blob in Chrome).
      const [{ IndexedDbRestores }, { newRestore }] = await Promise.all([import('../library/restore-store'), import('../library/library-restore')]);
      const id = await new IndexedDbRestores().stageRestore(newRestore(file.name, file.size), file);
      await send('library/restore', { id });
      return id;
    },
    restoreStatus() {
      return send('library/restore-status', {});
    },
    async cancelRestore(id) {
      await send('library/restore-cancel', { id });
    },
    onRestoreProgress(listener) {
      // The background writes the running restore's progress to storage.session per chunk and removes it at the
      // end (collection-handlers.ts, RESTORE_PROGRESS_KEY): each change is a moment to ask again, no polling.
      const changed = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && RESTORE_PROGRESS_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(changed);
      return () => browser.storage.onChanged.removeListener(changed);
    },
    async openArticle(url, { background }) {
      const safe = safeHttpUrl(url);
      if (!safe) return;
      await browser.tabs.create({ url: safe, active: !background });
    },
  };
}
