/**
 * The background's one CollectionStore and the index over it. The CollectionIndex is built over the engine the
 * same way library-handlers.ts builds the reads' Library, so a collection article is weighed as a bundled one;
 * it keeps the decoded segments until collectionsChanged() (an import finished, a rename, a switch, a removal,
 * Forget everything). It is made at once and asks for the engine only to rank: a cold worker reads the
 * collections' segments while the bundled index loads.
 */
import { CollectionIndex } from '../library/collection-related';
import { IndexedDbCollections } from '../library/collection-store';
import { libraryEngine } from './library-engine';

export const collectionStore = new IndexedDbCollections();

const index = new CollectionIndex(collectionStore, libraryEngine);

export function collectionIndex(): Promise<CollectionIndex> {
  return Promise.resolve(index);
}

/**
 * Whether any collection is ready and switched on, read from storage once and kept until collectionsChanged():
 * each page snapshot asks it (library-for-badge.ts), and most profiles have none.
 */
let visible: Promise<boolean> | null = null;

export function anyCollectionVisible(): Promise<boolean> {
  visible ??= collectionStore.collections().then((all) => all.some((c) => c.state === 'ready' && c.enabled));
  visible.catch(() => (visible = null));
  return visible;
}

/** Call after any change to the collections: the next ranking and the next page snapshot read them again. */
export function collectionsChanged(): void {
  index.forget();
  visible = null;
}
