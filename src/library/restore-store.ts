/**
 * The RestoreStore (library-restore.ts) in IndexedDB: the restore's own stores (restore-schema.ts) and, in the
 * same transactions, the reads' (store.ts) and the collections' (collection-schema.ts), so a chunk of a backup is
 * stored whole or not at all (a refused write throws LibraryWriteError and changes nothing).
 *
 * The options page stages a restore (it holds the chosen File) and the background runs it, each through its
 * own connection, as for a collection (collection-store.ts).
 */
import { ARTICLES, COLLECTIONS, COLLECTION_SEGMENTS } from './collection-schema';
import type { CollectionRecord } from './collection-import';
import { restoredCollectionRecord, type RestoreChunk, type RestoreRecord, type RestoreStore } from './library-restore';
import { recordOf } from './records';
import { RESTORES, RESTORE_FILES } from './restore-schema';
import type { SegmentDoc } from './segment';
import { READS, SEGMENTS, TEXTS, done } from './store';
import { CollectionDatabase, addCollectionChunk, deleteCollectionRows } from './collection-store';

export class IndexedDbRestores extends CollectionDatabase implements RestoreStore {
  restores(): Promise<RestoreRecord[]> {
    return this.all(RESTORES);
  }

  restore(id: number): Promise<RestoreRecord | null> {
    return this.one(RESTORES, id);
  }

  stageRestore(record: Omit<RestoreRecord, 'id'>, file: Blob): Promise<number> {
    return this.write([RESTORES, RESTORE_FILES], async (tx) => {
      const restores = tx.objectStore(RESTORES);
      // Only the last restore's report is kept; one still running is the background's to finish or cancel.
      for (const r of (await done(restores.getAll())) as RestoreRecord[]) if (r.state === 'done') restores.delete(r.id);
      const id = (await done(restores.add(record))) as number;
      tx.objectStore(RESTORE_FILES).put({ restore: id, file });
      return id;
    });
  }

  restoreFile(id: number): Promise<Blob | null> {
    return this.stagedFile(RESTORE_FILES, id);
  }

  async knownReads(urls: string[]): Promise<Set<string>> {
    const db = await this.connection.openIfThere();
    if (!db || urls.length === 0) return new Set();
    const index = db.transaction(READS).objectStore(READS).index('url');
    const keys = await Promise.all(urls.map((url) => done(index.getKey(url))));
    return new Set(urls.filter((_, i) => keys[i] !== undefined));
  }

  commitRestore(record: RestoreRecord, chunk: RestoreChunk): Promise<RestoreRecord> {
    return this.write([RESTORES, READS, TEXTS, SEGMENTS, COLLECTIONS, ARTICLES, COLLECTION_SEGMENTS], async (tx) => {
      let readsKnown = 0;
      const readDocs: SegmentDoc[] = [];
      const reads = tx.objectStore(READS);
      for (const { item, hours, doc } of chunk.reads) {
        // Kept meanwhile (the user read it while the restore ran): the library's own record stays.
        if ((await done(reads.index('url').getKey(item.url))) !== undefined) {
          readsKnown++;
          continue;
        }
        const id = (await done(reads.add(recordOf(item)))) as number;
        tx.objectStore(TEXTS).add(item.text, id);
        readDocs.push({ id, hours, doc });
      }
      if (readDocs.length > 0) tx.objectStore(SEGMENTS).add({ stored: chunk.encode(readDocs) });

      const collections = record.collections.map((c) => ({ ...c }));
      let articles = 0;
      const store = tx.objectStore(COLLECTIONS);
      for (const [key, items] of chunk.collections) {
        const target = collections.find((c) => c.key === key);
        if (!target || target.known || items.length === 0) continue;
        let held: CollectionRecord | undefined;
        if (target.id === null) {
          const fresh = restoredCollectionRecord(target, record.id);
          target.id = (await done(store.add(fresh))) as number;
          held = { ...fresh, id: target.id };
        } else {
          held = (await done(store.get(target.id))) as CollectionRecord | undefined;
          if (!held) {
            // Removed from the list while it was being restored: the rest of its lines are left out.
            target.known = true;
            continue;
          }
        }
        await addCollectionChunk(tx, target.id, items.map((w) => w.item), (ids) => chunk.encode(items.map((w, i) => ({ id: ids[i], hours: w.hours, doc: w.doc }))));
        store.put({ ...held, articles: held.articles + items.length });
        articles += items.length;
      }
      const next: RestoreRecord = { ...record, collections, reads: record.reads + readDocs.length, readsKnown: record.readsKnown + readsKnown, articles: record.articles + articles };
      tx.objectStore(RESTORES).put(next);
      return next;
    });
  }

  finishRestore(record: RestoreRecord): Promise<void> {
    return this.write([RESTORES, RESTORE_FILES, COLLECTIONS], async (tx) => {
      const store = tx.objectStore(COLLECTIONS);
      for (const c of record.collections) {
        if (c.id === null || c.known) continue;
        const held = (await done(store.get(c.id))) as CollectionRecord | undefined;
        if (!held || held.restoring !== record.id) continue;
        const { restoring: _, ...ready } = held;
        store.put({ ...ready, state: 'ready' });
      }
      tx.objectStore(RESTORE_FILES).delete(record.id);
      tx.objectStore(RESTORES).put(record);
    });
  }

  updateRestore(record: RestoreRecord): Promise<void> {
    return this.write([RESTORES], (tx) => void tx.objectStore(RESTORES).put(record));
  }

  async cancelRestore(id: number): Promise<void> {
    if (!(await this.connection.openIfThere())) return;
    await this.write([RESTORES, RESTORE_FILES, COLLECTIONS, ARTICLES, COLLECTION_SEGMENTS], async (tx) => {
      const record = (await done(tx.objectStore(RESTORES).get(id))) as RestoreRecord | undefined;
      tx.objectStore(RESTORES).delete(id);
      tx.objectStore(RESTORE_FILES).delete(id);
      for (const c of record?.collections ?? []) {
        if (c.id === null || c.known) continue;
        const held = (await done(tx.objectStore(COLLECTIONS).get(c.id))) as CollectionRecord | undefined;
        if (!held || held.restoring !== id) continue; // finished: the user's now
        tx.objectStore(COLLECTIONS).delete(c.id);
        await deleteCollectionRows(tx, c.id);
      }
    });
  }
}
