/**
 * The collections' messages: list, import, cancel, rename, switch on/off, remove. An import runs here, in the
 * background, one at a time, in chunks (runImport); each chunk ends with an extension API call (the progress
 * written to storage.session), which keeps Chrome from stopping the worker as idle (it does after 30 s without
 * one). A worker stopped anyway leaves the collection `importing`, never visible; `resumeImports()` at start-up
 * carries it on after its last committed chunk.
 */
import browser from 'webextension-polyfill';
import { COLLECTION_PROGRESS_KEY, type CollectionInfo, type CollectionProgress, type MessageName, type RequestOf, type ResponseOf } from '../messages';
import { ImportCancelled, runImport, type CollectionRecord } from '../library/collection-import';
import { collectionStore, collectionsChanged } from './collections';
import { libraryEngine } from './library-engine';

type CollectionsName = 'collections/list' | 'collections/import' | 'collections/cancel' | 'collections/rename' | 'collections/switch' | 'collections/remove';
type Handler<N extends MessageName> = (payload: RequestOf<N>) => Promise<ResponseOf<N>>;

/** storage.session key of the running import's progress (written as it starts and per chunk; removed when it ends). */
export const PROGRESS_KEY = COLLECTION_PROGRESS_KEY;

interface Job {
  stop: boolean;
  /** Out of the queue and running (a job still waiting for another import stops without being waited for). */
  started: boolean;
  bytesRead: number;
  done: Promise<void>;
}

const jobs = new Map<number, Job>();
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
    if (record.state === 'importing' && !record.error) await startImport(record.id);
  }
}

/** Stops every import and waits for each to let go (Forget everything, before the database is deleted). */
export async function stopImports(): Promise<void> {
  for (const job of jobs.values()) job.stop = true;
  await Promise.all([...jobs.values()].filter((j) => j.started).map((j) => j.done));
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
};
