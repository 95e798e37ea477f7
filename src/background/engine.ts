/**
 * The index, opened once per background lifetime. Chrome stops an idle service worker after ~30 s, so this
 * promise can vanish between two messages: every handler asks for it again and the first one reloads it.
 */
import browser from 'webextension-polyfill';
import { openIndex, type SilaIndex } from '../lib/engine';
import { IndexLoadError, type IndexFault } from '../lib/index/load';
import { packagedIndex } from './index-source';

/**
 * storage.local key holding why the packaged index failed its full check at install, if it did: the error's
 * message and fault ({ message, fault }; a bare string, as versions before the fault was kept wrote, still
 * reads, as an unreadable index). The check runs again at each install and update, which rewrites it.
 */
const CORRUPT_KEY = 'sila:indexCorrupt';

interface StoredLoadFailure {
  message: string;
  fault: IndexFault;
}

/**
 * Every load checks each file's size against meta.json; the SHA-256 of every byte is checked once, at install
 * and update, since package files do not change afterwards and hashing 23 MB at each cold start costs ~100 ms.
 */
export async function verifyPackagedIndex(): Promise<void> {
  try {
    await openIndex(packagedIndex, { verifyHashes: true });
    await browser.storage.local.remove(CORRUPT_KEY);
  } catch (error) {
    const failure: StoredLoadFailure =
      error instanceof IndexLoadError ? { message: error.message, fault: error.fault } : { message: error instanceof Error ? error.message : String(error), fault: 'unreadable' };
    await browser.storage.local.set({ [CORRUPT_KEY]: failure });
  }
}

/** The stored failure, or null when there is none (or the record is not one). */
export function storedLoadFailure(value: unknown): StoredLoadFailure | null {
  if (typeof value === 'string') return { message: value, fault: 'unreadable' };
  if (!value || typeof value !== 'object') return null;
  const { message, fault } = value as { message?: unknown; fault?: unknown };
  if (typeof message !== 'string') return null;
  return { message, fault: fault === 'corrupt' ? 'corrupt' : 'unreadable' };
}

async function openCheckedIndex(): Promise<SilaIndex> {
  const failure = storedLoadFailure((await browser.storage.local.get(CORRUPT_KEY))[CORRUPT_KEY]);
  if (failure) throw new IndexLoadError(failure.message, failure.fault);
  return openIndex(packagedIndex);
}

let opening: Promise<SilaIndex> | null = null;

/** After the related answer has gone out, load the search files too, so the first keystroke does not wait. */
const WARM_SEARCH_AFTER_MS = 300;

export function engine(): Promise<SilaIndex> {
  if (!opening) {
    opening = openCheckedIndex().catch((error: unknown) => {
      opening = null; // let the next message try again rather than caching a failure forever
      throw error;
    });
    void opening.then((index) => setTimeout(() => void index.search('', { k: 1 }).catch(() => undefined), WARM_SEARCH_AFTER_MS), () => undefined);
  }
  return opening;
}
