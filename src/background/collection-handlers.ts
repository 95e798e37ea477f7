/**
 * The collections' messages: list, import, cancel, rename, switch on/off, remove; and a restore from a backup
 * (library-restore.ts), which takes the same queue and the same chunked path. An import runs here, in the
 * background, one at a time, in chunks (runImport); each chunk ends with an extension API call (the progress
 * written to storage.session), which keeps Chrome from stopping the worker as idle (it does after 30 s without
 * one). A worker stopped anyway leaves the collection `importing`, never visible; `resumeImports()` at start-up
 * carries it on after its last committed chunk.
 */
import browser from 'webextension-polyfill';
import { COLLECTION_PROGRESS_KEY, RESTORE_PROGRESS_KEY, type CollectionInfo, type CollectionProgress, type MessageName, type RequestOf, type ResponseOf, type RestoreInfo } from '../messages';
import { ImportCancelled, runImport, type CollectionRecord } from '../library/collection-import';
import { runRestore, type RestoreRecord } from '../library/library-restore';
import { IndexedDbRestores } from '../library/restore-store';
import { collectionStore, collectionsChanged } from './collections';
import { libraryEngine } from './library-engine';
import { readsChanged } from './reads-changed';

type CollectionsName =
  | 'collections/list'
  | 'collections/import'
  | 'collections/cancel'
  | 'collections/rename'
  | 'collections/switch'
  | 'collections/remove'
  | 'library/restore'
  | 'library/restore-status'
  | 'library/restore-cancel';
type Handler<N extends MessageName> = (payload: RequestOf<N>) => Promise<ResponseOf<N>>;

/** storage.session key of the running import's progress (written as it starts and per chunk; removed when it ends). */
export const PROGRESS_KEY = COLLECTION_PROGRESS_KEY;

const restoreStore = new IndexedDbRestores();

interface Job {
  stop: boolean;
  /** Out of the queue and running (a job still waiting for another import stops without being waited for). */
  started: boolean;
  bytesRead: number;
  done: Promise<void>;
}

const jobs = new Map<number, Job>();
/** Restores, by their id (apart from imports: a restore's id is not a collection's). */
const restoring = new Map<number, Job>();
/** Imports run one after another: two at once would only share the same two cores. */
let queue: Promise<void> = Promise.resolve();

function info(record: CollectionRecord): CollectionInfo {
  return {
    id: record.id,
    name: record.name,
    fileName: record.fileName,
    fileBytes: record.fileBytes,
    addedAt: record.addedAt,
    state: record.error ? 'failed' : record.state,
    enabled: record.enabled,
    articles: record.articles,
    skipped: record.skipped.map(({ line, reason, why }) => ({ line, reason, why })),
    skippedTotal: record.skippedTotal,
    bytesRead: jobs.get(record.id)?.bytesRead ?? 0,
    error: record.error ?? null,
  };
}

async function run(id: number, job: Job): Promise<void> {
  if (job.stop) return;
  job.started = true;
  const progress = (p: CollectionProgress) => void browser.storage.session.set({ [PROGRESS_KEY]: p }).catch(() => undefined);
  try {
    // Written as it starts too, so that its end (the key removed) is a change a page hears even when it fails
    // before its first chunk.
    progress({ id, articles: 0, bytesRead: 0 });
    await runImport(collectionStore, await libraryEngine(), id, {
      stopped: () => job.stop,
      onProgress: (record, bytesRead) => {
        job.bytesRead = bytesRead;
        progress({ id, articles: record.articles, bytesRead });
      },
    });
    collectionsChanged();
  } catch (error) {
    if (error instanceof ImportCancelled) return;
    console.error('Sila: collection import failed', error);
    const record = await collectionStore.collection(id).catch(() => null);
    const message = error instanceof Error ? error.message : String(error);
    if (record) await collectionStore.update({ ...record, error: message }).catch((e: unknown) => console.warn('Sila: import failure not kept', e));
  } finally {
    await browser.storage.session.remove(PROGRESS_KEY).catch(() => undefined);
  }
}

/** Starts (or joins) the import of a staged collection; false when it is not one to import. */
async function startImport(id: number): Promise<boolean> {
  if (jobs.has(id)) return true;
  const record = await collectionStore.collection(id);
  if (!record || record.state !== 'importing' || record.error) return false;
  if (jobs.has(id)) return true; // started meanwhile
  const job: Job = { stop: false, started: false, bytesRead: 0, done: Promise.resolve() };
  jobs.set(id, job);
  job.done = queue = queue.then(() => run(id, job)).finally(() => jobs.delete(id));
  return true;
}

/** At worker start: every import a stopped worker left unfinished goes on after its last committed chunk. */
export async function resumeImports(): Promise<void> {
  for (const record of await collectionStore.collections()) {
    // A collection a restore fills is the restore's to carry on, below.
    if (record.state === 'importing' && !record.error && record.restoring === undefined) await startImport(record.id);
  }
  for (const record of await restoreStore.restores()) {
    if (record.state === 'restoring' && !record.error) await startRestore(record.id);
  }
}

/** Stops every import and restore and waits for each to let go (Forget everything, before the database is deleted). */
export async function stopImports(): Promise<void> {
  const all = [...jobs.values(), ...restoring.values()];
  for (const job of all) job.stop = true;
  await Promise.all(all.filter((j) => j.started).map((j) => j.done));
}

function restoreInfo(record: RestoreRecord): RestoreInfo {
  return {
    id: record.id,
    fileName: record.fileName,
    fileBytes: record.fileBytes,
    state: record.error ? 'failed' : record.state,
    bytesRead: restoring.get(record.id)?.bytesRead ?? 0,
    reads: record.reads,
    readsKnown: record.readsKnown,
    articles: record.articles,
    articlesKnown: record.articlesKnown,
    collections: record.collections.map((c) => ({ name: c.name, known: c.known })),
    skipped: record.skipped.map(({ line, reason, why }) => ({ line, reason, why })),
    skippedTotal: record.skippedTotal,
    error: record.error ?? null,
    notBackup: record.notBackup === true,
  };
}

async function runRestoreJob(id: number, job: Job): Promise<void> {
  if (job.stop) return;
  job.started = true;
  // Written at the start too, so that a restore refused before its first chunk still changes (and then removes) the key the page listens to.
  await browser.storage.session.set({ [RESTORE_PROGRESS_KEY]: { id, reads: 0, articles: 0, bytesRead: 0 } }).catch(() => undefined);
  try {
    await runRestore(restoreStore, await libraryEngine(), id, {
      stopped: () => job.stop,
      onProgress: (record, bytesRead) => {
        job.bytesRead = bytesRead;
        // The reads of a chunk are whole reads once stored: the next ranking and search include them.
        readsChanged();
        void browser.storage.session.set({ [RESTORE_PROGRESS_KEY]: { id, reads: record.reads, articles: record.articles, bytesRead } }).catch(() => undefined);
      },
    });
  } catch (error) {
    if (error instanceof ImportCancelled) return;
    console.error('Sila: restore failed', error);
    const record = await restoreStore.restore(id).catch(() => null);
    const message = error instanceof Error ? error.message : String(error);
    if (record) await restoreStore.updateRestore({ ...record, error: message }).catch((e: unknown) => console.warn('Sila: restore failure not kept', e));
  } finally {
    readsChanged();
    collectionsChanged();
    await browser.storage.session.remove(RESTORE_PROGRESS_KEY).catch(() => undefined);
  }
}

/** Starts (or joins) a staged restore, after any import or restore before it; false when it is not one to run. */
async function startRestore(id: number): Promise<boolean> {
  if (restoring.has(id)) return true;
  const record = await restoreStore.restore(id);
  if (!record || record.state !== 'restoring' || record.error) return false;
  if (restoring.has(id)) return true;
  const job: Job = { stop: false, started: false, bytesRead: 0, done: Promise.resolve() };
  restoring.set(id, job);
  job.done = queue = queue.then(() => runRestoreJob(id, job)).finally(() => restoring.delete(id));
  return true;
}

async function cancelRestore(id: number): Promise<{ cancelled: boolean }> {
  const job = restoring.get(id);
  if (job) {
    job.stop = true;
    if (job.started) await job.done;
  }
  const known = (await restoreStore.restore(id)) !== null;
  await restoreStore.cancelRestore(id);
  readsChanged();
  collectionsChanged();
  await browser.storage.session.remove(RESTORE_PROGRESS_KEY).catch(() => undefined);
  return { cancelled: known };
}

async function remove(id: number): Promise<{ removed: boolean }> {
  const job = jobs.get(id);
  if (job) {
    job.stop = true;
    if (job.started) await job.done;
  }
  const known = (await collectionStore.collection(id)) !== null;
  await collectionStore.remove(id);
  collectionsChanged();
  return { removed: known };
}

async function changed(id: number, change: (r: CollectionRecord) => CollectionRecord): Promise<CollectionInfo> {
  const record = await collectionStore.collection(id);
  if (!record) throw new Error(`collection ${id} is not in the library`);
  const next = change(record);
  await collectionStore.update(next);
  collectionsChanged();
  return info(next);
}

export const collectionHandlers: { [N in CollectionsName]: Handler<N> } = {
  async 'collections/list'() {
    const records = await collectionStore.collections();
    return records.sort((a, b) => a.addedAt - b.addedAt || a.id - b.id).map(info);
  },
  async 'collections/import'({ id }) {
    return { started: await startImport(id) };
  },
  'collections/cancel': ({ id }) => remove(id),
  'collections/remove': ({ id }) => remove(id),
  'collections/rename': ({ id, name }) => changed(id, (r) => ({ ...r, name })),
  'collections/switch': ({ id, enabled }) => changed(id, (r) => ({ ...r, enabled })),
  async 'library/restore'({ id }) {
    return { started: await startRestore(id) };
  },
  async 'library/restore-status'() {
    const last = (await restoreStore.restores()).sort((a, b) => b.id - a.id)[0];
    return last ? restoreInfo(last) : null;
  },
  'library/restore-cancel': ({ id }) => cancelRestore(id),
};
