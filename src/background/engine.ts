/**
 * The index, opened once per background lifetime. Chrome stops an idle service worker after ~30 s, so this
 * promise can vanish between two messages: every handler asks for it again and the first one reloads it.
 */
import browser from 'webextension-polyfill';
import { openIndex, type SilaIndex } from '../lib/engine';
import { IndexLoadError } from '../lib/index/load';
import { packagedIndex } from './index-source';

/** storage.local key holding why the packaged index failed its full check at install, if it did. */
const CORRUPT_KEY = 'sila:indexCorrupt';

/**
 * Every load checks each file's size against meta.json; the SHA-256 of every byte is checked once, at install
 * and update, since package files do not change afterwards and hashing 23 MB at each cold start costs ~100 ms.
 */
export async function verifyPackagedIndex(): Promise<void> {
  try {
    await openIndex(packagedIndex, { verifyHashes: true });
    await browser.storage.local.remove(CORRUPT_KEY);
  } catch (error) {
    await browser.storage.local.set({ [CORRUPT_KEY]: error instanceof Error ? error.message : String(error) });
  }
}

async function openCheckedIndex(): Promise<SilaIndex> {
  const corrupt = (await browser.storage.local.get(CORRUPT_KEY))[CORRUPT_KEY];
  if (typeof corrupt === 'string') throw new IndexLoadError(corrupt);
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
