/**
 * The object stores of a restore from a backup (database version 5, beside the reads' and the collections'):
 *
 *   restores       RestoreRecord (library-restore.ts), keyed by id: the running restore (or the last one's report).
 *   restore-files  { restore, file }: the chosen backup while its restore runs (a resumed restore reads it again
 *                  after its last committed line); dropped when the restore ends.
 *
 * Apart from the collections' `files` so that a backup is never taken for a collection's file.
 */
export const RESTORES = 'restores';
export const RESTORE_FILES = 'restore-files';
export const RESTORE_STORES = [RESTORES, RESTORE_FILES];

export function createRestoreStores(db: IDBDatabase): void {
  db.createObjectStore(RESTORES, { keyPath: 'id', autoIncrement: true });
  db.createObjectStore(RESTORE_FILES, { keyPath: 'restore' });
}
