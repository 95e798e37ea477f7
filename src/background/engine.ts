/**
 * The index, opened once per background lifetime. Chrome stops an idle service worker after ~30 s, so this
 * promise can vanish between two messages: every handler asks for it again and the first one reloads it.
 */
import { openIndex, type SilaIndex } from '../lib/engine';
import { packagedIndex } from './index-source';

let opening: Promise<SilaIndex> | null = null;

export function engine(): Promise<SilaIndex> {
  opening ??= openIndex(packagedIndex).catch((error: unknown) => {
    opening = null; // let the next message try again rather than caching a failure forever
    throw error;
  });
  return opening;
}
