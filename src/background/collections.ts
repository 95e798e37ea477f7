/**
 * The background's one CollectionStore and the index over it. The CollectionIndex is built over the engine the
 * same way library-handlers.ts builds the reads' Library, so a collection article is weighed as a bundled one;
 * it keeps the decoded segments until collectionsChanged() (an import finished, a rename, a switch, a removal,
 * Forget everything).
 */
import { CollectionIndex } from '../library/collection-related';
import { IndexedDbCollections } from '../library/collection-store';
import { libraryEngine } from './library-engine';

export const collectionStore = new IndexedDbCollections();

let built: Promise<CollectionIndex> | null = null;
/** The index once built, so that a change forgets its segments at once (it loads them lazily, on first use). */
let current: CollectionIndex | null = null;

export function collectionIndex(): Promise<CollectionIndex> {
  built ??= libraryEngine().then((lib) => (current = new CollectionIndex(collectionStore, lib)));
  built.catch(() => (built = null));
  return built;
}

/** Call after any change to the collections: the next ranking reads them again. */
export function collectionsChanged(): void {
  current?.forget();
}
