/**
 * The collections' CollectionStore in IndexedDB, in the reads' database (records.ts, version 3; stores in
 * collection-schema.ts). Every write is one transaction over the stores it touches, so a refused write (quota,
 * full disk) aborts whole, changes nothing and throws LibraryWriteError. Reading never creates the database.
 *
 * Both the options page (stage: it holds the chosen File, which a runtime message cannot carry in Chrome) and
 * the background (the import, the list, the ranking) open it; each through its own connection.
 */
import type { CorpusArticle } from '../lib/types';
import type { CollectionArticle, CollectionRecord, CollectionStore } from './collection-import';
import { ARTICLES, COLLECTIONS, COLLECTION_SEGMENTS, COLLECTION_STORES, FILES } from './collection-schema';
import { DB_NAME } from './records';
import type { StoredSegment } from './segment';
import { LibraryConnection, done, writeTransaction } from './store';

interface SegmentRow {
  key?: number;
  collection: number;
  stored: StoredSegment;
}

/**
 * The part of the library's database both the collections' store and the restore's (restore-store.ts) stand on:
 * its own connection, one transaction per write, reads that never create the database, and the collections' rows
 * that an import and a restore write alike.
 */
export abstract class CollectionDatabase {
  protected readonly connection: LibraryConnection;

  constructor(name = DB_NAME) {
    this.connection = new LibraryConnection(name);
  }

  protected write<T>(stores: string[], body: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
    return writeTransaction(this.connection, stores, body);
  }

  /** Every row of `store`; none when there is no library yet. */
  protected async all<T>(store: string): Promise<T[]> {
    const db = await this.connection.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(store).objectStore(store).getAll())) as T[];
  }

  /** The row of `store` under `key`, or null. */
  protected async one<T>(store: string, key: number): Promise<T | null> {
    const db = await this.connection.openIfThere();
    if (!db) return null;
    return ((await done(db.transaction(store).objectStore(store).get(key))) as T | undefined) ?? null;
  }

  /** The staged file kept in `store` under `key` (a collection's, a restore's), or null. */
  protected async stagedFile(store: string, key: number): Promise<Blob | null> {
    return (await this.one<{ file: Blob }>(store, key))?.file ?? null;
  }

  collections(): Promise<CollectionRecord[]> {
    return this.all(COLLECTIONS);
  }
}

/** In `tx`: a chunk of `collection`'s articles (ids assigned here) and the segment made for those ids. */
export async function addCollectionChunk(tx: IDBTransaction, collection: number, articles: CorpusArticle[], segmentFor: (ids: number[]) => StoredSegment): Promise<void> {
  const store = tx.objectStore(ARTICLES);
  const ids = (await Promise.all(articles.map((article) => done(store.add({ collection, article }))))) as number[];
  const row: SegmentRow = { collection, stored: segmentFor(ids) };
  tx.objectStore(COLLECTION_SEGMENTS).add(row);
}

/** In `tx`: every article and segment of `collection` deleted (its record and file are the caller's). */
export async function deleteCollectionRows(tx: IDBTransaction, collection: number): Promise<void> {
  for (const name of [ARTICLES, COLLECTION_SEGMENTS]) {
    const store = tx.objectStore(name);
    for (const key of await done(store.index('collection').getAllKeys(collection))) store.delete(key);
  }
}

export class IndexedDbCollections extends CollectionDatabase implements CollectionStore {
  collection(id: number): Promise<CollectionRecord | null> {
    return this.one(COLLECTIONS, id);
  }

  stage(record: Omit<CollectionRecord, 'id'>, file: Blob): Promise<number> {
    return this.write([COLLECTIONS, FILES], async (tx) => {
      // The store's key generator writes the new id into the record (in-line key), so a read gives a whole record.
      const id = (await done(tx.objectStore(COLLECTIONS).add(record))) as number;
      tx.objectStore(FILES).put({ collection: id, file });
      return id;
    });
  }

  file(id: number): Promise<Blob | null> {
    return this.stagedFile(FILES, id);
  }

  commitChunk(record: CollectionRecord, articles: CorpusArticle[], segmentFor: (ids: number[]) => StoredSegment): Promise<void> {
    return this.write([COLLECTIONS, ARTICLES, COLLECTION_SEGMENTS], async (tx) => {
      await addCollectionChunk(tx, record.id, articles, segmentFor);
      tx.objectStore(COLLECTIONS).put(record);
    });
  }

  finish(record: CollectionRecord): Promise<void> {
    return this.write([COLLECTIONS, FILES], (tx) => {
      tx.objectStore(COLLECTIONS).put(record);
      tx.objectStore(FILES).delete(record.id);
    });
  }

  update(record: CollectionRecord): Promise<void> {
    return this.write([COLLECTIONS], (tx) => void tx.objectStore(COLLECTIONS).put(record));
  }

  async remove(id: number): Promise<void> {
    if (!(await this.connection.openIfThere())) return;
    await this.write(COLLECTION_STORES, async (tx) => {
      tx.objectStore(COLLECTIONS).delete(id);
      tx.objectStore(FILES).delete(id);
      await deleteCollectionRows(tx, id);
    });
  }

  async articles(collection: number): Promise<CollectionArticle[]> {
    const db = await this.connection.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(ARTICLES).objectStore(ARTICLES).index('collection').getAll(collection))) as CollectionArticle[];
  }

  async articlesByIds(ids: number[]): Promise<CollectionArticle[]> {
    const db = await this.connection.openIfThere();
    if (!db || ids.length === 0) return [];
    const store = db.transaction(ARTICLES).objectStore(ARTICLES);
    const got = await Promise.all(ids.map((id) => done(store.get(id))));
    return got.filter(Boolean) as CollectionArticle[];
  }

  async segments(collection: number): Promise<StoredSegment[]> {
    const db = await this.connection.openIfThere();
    if (!db) return [];
    const rows = (await done(db.transaction(COLLECTION_SEGMENTS).objectStore(COLLECTION_SEGMENTS).index('collection').getAll(collection))) as SegmentRow[];
    return rows.map((r) => r.stored);
  }

  /** Rows of each collection store (for the tests and the status: after a removal, none of that collection's). */
  async counts(): Promise<Record<string, number>> {
    const db = await this.connection.openIfThere();
    if (!db) return Object.fromEntries(COLLECTION_STORES.map((s) => [s, 0]));
    const tx = db.transaction(COLLECTION_STORES);
    const counts = await Promise.all(COLLECTION_STORES.map((s) => done(tx.objectStore(s).count())));
    return Object.fromEntries(COLLECTION_STORES.map((s, i) => [s, counts[i]]));
  }

  /** Every collection article (export). */
  async allArticles(): Promise<CollectionArticle[]> {
    const db = await this.connection.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(ARTICLES).objectStore(ARTICLES).getAll())) as CollectionArticle[];
  }
}
