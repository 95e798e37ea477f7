/**
 * The background's one CollectionStore and the index over it. The CollectionIndex is built over the engine the
 * same way library-handlers.ts builds the reads' Library, so a collection article is weighed as a bundled one;
 * it keeps the decoded segments until collectionsChanged() (an import finished, a rename, a switch, a removal,
 * Forget everything).
 */
import type { SilaIndex } from '../lib/engine';
import { CollectionIndex } from '../library/collection-related';
import { IndexedDbCollections } from '../library/collection-store';
import type { LibraryEngine } from '../library/library';
import { vocabularyKey } from '../library/segment';
import { engine } from './engine';

export const collectionStore = new IndexedDbCollections();

/** What the library and the collections need of the bundled engine. */
export function libraryEngineOf(index: SilaIndex): LibraryEngine {
  return { vocabulary: vocabularyKey(index.meta), weigh: (a) => index.weighForLibrary(a) };
}

let built: Promise<CollectionIndex> | null = null;
/** The index once built, so that a change forgets its segments at once (it loads them lazily, on first use). */
let current: CollectionIndex | null = null;

export function collectionIndex(): Promise<CollectionIndex> {
  built ??= engine().then((index) => (current = new CollectionIndex(collectionStore, libraryEngineOf(index))));
  built.catch(() => (built = null));
  return built;
}

/** Call after any change to the collections: the next ranking reads them again. */
export function collectionsChanged(): void {
  current?.forget();
}
