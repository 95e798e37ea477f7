/** Whether a collection is switched on is kept in memory: a page snapshot lists nothing from storage. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { newCollection } from '../library/collection-import';

vi.mock('./engine', () => ({ engine: async () => Promise.reject(new Error('no engine needed')) }));
const { anyCollectionVisible, collectionStore, collectionsChanged } = await import('./collections');

describe('anyCollectionVisible', () => {
  it('lists the collections once, and again after collectionsChanged()', async () => {
    const listed = vi.spyOn(collectionStore, 'collections');
    expect(await anyCollectionVisible()).toBe(false);
    expect(await anyCollectionVisible()).toBe(false);
    expect(listed).toHaveBeenCalledTimes(1);
    const id = await collectionStore.stage(newCollection('desk.jsonl', 10, 1000), new Blob(['']));
    const staged = (await collectionStore.collection(id))!;
    await collectionStore.finish({ ...staged, state: 'ready' });
    // Kept until told: an import ends with collectionsChanged() (collection-handlers.ts).
    expect(await anyCollectionVisible()).toBe(false);
    collectionsChanged();
    expect(await anyCollectionVisible()).toBe(true);
    await collectionStore.update({ ...(await collectionStore.collection(id))!, enabled: false });
    collectionsChanged();
    expect(await anyCollectionVisible()).toBe(false);
    expect(listed).toHaveBeenCalledTimes(3);
  });
});
