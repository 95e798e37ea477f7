/**
 * The index, opened once per background lifetime. Chrome stops an idle service worker after ~30 s, so this
 * promise can vanish between two messages: every handler asks for it again and the first one reloads it.
 */
import { openIndex, type SilaIndex } from '../lib/engine';
import { packagedIndex } from './index-source';

let opening: Promise<SilaIndex> | null = null;

/** After the related answer has gone out, load the search files too, so the first keystroke does not wait. */
const WARM_SEARCH_AFTER_MS = 300;

export function engine(): Promise<SilaIndex> {
  if (!opening) {
    opening = openIndex(packagedIndex).catch((error: unknown) => {
      opening = null; // let the next message try again rather than caching a failure forever
      throw error;
    });
    void opening.then((index) => setTimeout(() => void index.search('', { k: 1 }).catch(() => undefined), WARM_SEARCH_AFTER_MS), () => undefined);
  }
  return opening;
}
