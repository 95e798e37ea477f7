/**
 * The object stores that hold the user's collections (database version 3, beside the reads' stores of
 * records.ts). Kept apart from the reads' stores so that a collection's import, rename or removal never touches
 * a remembered read, and Forget everything (deleting the database) takes both.
 *
 *   collections          CollectionRecord, keyed by id (assigned here).
 *   articles             { id, collection, article }: one imported CorpusArticle, keyed by id; index `collection`.
 *   collection-segments  { key, collection, stored }: a chunk's binary index segment; index `collection`.
 *   files                { collection, file }: the chosen file while its import runs (a resumed import reads it
 *                        again after its last committed line); dropped when the import finishes.
 */
export const COLLECTIONS = 'collections';
export const ARTICLES = 'articles';
export const COLLECTION_SEGMENTS = 'collection-segments';
export const FILES = 'files';
export const COLLECTION_STORES = [COLLECTIONS, ARTICLES, COLLECTION_SEGMENTS, FILES];

export function createCollectionStores(db: IDBDatabase): void {
  db.createObjectStore(COLLECTIONS, { keyPath: 'id', autoIncrement: true });
  db.createObjectStore(ARTICLES, { keyPath: 'id', autoIncrement: true }).createIndex('collection', 'collection');
  db.createObjectStore(COLLECTION_SEGMENTS, { keyPath: 'key', autoIncrement: true }).createIndex('collection', 'collection');
  db.createObjectStore(FILES, { keyPath: 'collection' });
}
