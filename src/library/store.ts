/**
 * The library's storage: the LibraryStore interface Library (library.ts) works over, and its IndexedDB
 * implementation in the extension's origin (background service worker). Each change is one transaction over
 * the stores it touches, so a refused write (quota, full disk) aborts whole and leaves what was kept intact.
 */
import { DB_NAME, DB_VERSION, LibraryWriteError, migrateReadV1, recordOf, splitReadV2, type NewRead, type ReadRecord } from './records';
import type { StoredSegment } from './segment';
import { createCollectionStores } from './collection-schema';
import { createRestoreStores } from './restore-schema';

export interface SegmentEntry {
  key: number;
  stored: StoredSegment;
}

export interface LibraryStore {
  idOfUrl(url: string): Promise<number | null>;
  /** The ids of the reads kept at these URLs (those kept), asked together. */
  idsOfUrls(urls: string[]): Promise<number[]>;
  touch(id: number, readAt: number): Promise<void>;
  /** Adds a read and the segment made for its new id, in one transaction; returns the id. */
  addRead(read: NewRead, segmentFor: (id: number) => StoredSegment): Promise<number>;
  readIds(): Promise<number[]>;
  reads(ids: number[]): Promise<ReadRecord[]>;
  /** Every read's record (not its text), in one request: what search needs. */
  allReads(): Promise<ReadRecord[]>;
  /** The stored text of these reads (ids without one are left out). */
  texts(ids: number[]): Promise<Map<number, string>>;
  segments(): Promise<SegmentEntry[]>;
  /** The segments and every read's id, as one snapshot (a cold start needs both, and waits for neither in turn). */
  segmentsAndReadIds(): Promise<{ segments: SegmentEntry[]; readIds: number[] }>;
  /** Removes these segments and adds `add` (when given), in one transaction. */
  replaceSegments(remove: number[], add: StoredSegment | null): Promise<void>;
  /** Forget everything: the database is deleted. */
  destroy(): Promise<void>;
}

export const READS = 'reads';
export const SEGMENTS = 'segments';
/** Each read's full text, keyed by its id (out-of-line keys): only weighing and export need it. */
export const TEXTS = 'texts';

export const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });

/** The schema of each version, applied from the version the profile holds (0: none) up to DB_VERSION. */
function upgrade(db: IDBDatabase, tx: IDBTransaction, from: number): void {
  if (from < 1) db.createObjectStore(READS, { keyPath: 'url' });
  if (from < 2) {
    // Version 1 keyed reads by URL: carry them over into the id-keyed store, already in today's shape.
    const old = tx.objectStore(READS);
    const all = old.getAll();
    all.onsuccess = () => {
      db.deleteObjectStore(READS);
      const reads = db.createObjectStore(READS, { keyPath: 'id', autoIncrement: true });
      reads.createIndex('url', 'url', { unique: true });
      db.createObjectStore(SEGMENTS, { keyPath: 'key', autoIncrement: true });
      const texts = db.createObjectStore(TEXTS);
      for (const record of all.result as unknown[]) {
        const read = migrateReadV1(record);
        if (!read) continue;
        const added = reads.add(recordOf(read));
        added.onsuccess = () => texts.add(read.text, added.result);
      }
    };
  }
  // Version 3 adds the collections' stores beside the reads, which stay as they are.
  if (from < 3) createCollectionStores(db);
  if (from >= 2 && from < 4) {
    // Version 2 kept the text in the read record: split each record, keeping its id (segments name it).
    const texts = db.createObjectStore(TEXTS);
    const reads = tx.objectStore(READS);
    const cursor = reads.openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      const split = splitReadV2(at.value);
      if (split) {
        at.update(split.read);
        texts.put(split.text, split.read.id);
      } else {
        at.delete(); // not a usable record: nothing could show or search it
      }
      at.continue();
    };
  }
  // Version 5 adds the stores of a restore from a backup (restore-schema.ts); nothing else changes.
  if (from < 5) createRestoreStores(db);
}

export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, request.transaction!, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the library is open in an older Sila page: close it and try again'));
  });
}

/**
 * One context's connection to the library's database, opened on first use. Another context deleting or
 * upgrading the database (Forget everything) makes it let go; the next call opens it again.
 */
export class LibraryConnection {
  private db: Promise<IDBDatabase> | null = null;

  constructor(readonly name = DB_NAME) {}

  open(): Promise<IDBDatabase> {
    this.db ??= openDatabase(this.name).then((db) => {
      db.onversionchange = () => {
        db.close();
        this.db = null;
      };
      return db;
    });
    this.db.catch(() => (this.db = null));
    return this.db;
  }

  /**
   * The database for a read, or null when there is none: reading never creates it, so that after Forget
   * everything a status, list or related request leaves storage empty (only a write creates it).
   */
  async openIfThere(): Promise<IDBDatabase | null> {
    if (this.db) return this.open();
    const names = (await indexedDB.databases()).map((d) => d.name);
    return names.includes(this.name) ? this.open() : null;
  }

  /** Closes this context's connection and deletes the database (other connections close on versionchange). */
  async destroy(): Promise<void> {
    const open = this.db;
    this.db = null;
    if (open) (await open.catch(() => null))?.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(this.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => resolve(); // completes once other connections close (they do on versionchange)
    });
  }
}

/**
 * Runs `body` in one read-write transaction over `stores` and waits for it to commit. A storage failure is a
 * LibraryWriteError; an error of `body` itself aborts the transaction (nothing of it stays) and is thrown as it is.
 */
export async function writeTransaction<T>(connection: LibraryConnection, stores: string[], body: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
  let tx: IDBTransaction;
  let end: Promise<void>;
  try {
    tx = (await connection.open()).transaction(stores, 'readwrite');
    end = finished(tx);
  } catch (error) {
    throw new LibraryWriteError(error);
  }
  end.catch(() => undefined);
  let result: T;
  try {
    result = await body(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    const storageError = await end.then(
      () => null,
      (e: unknown) => e,
    );
    if (error instanceof DOMException) throw new LibraryWriteError(storageError instanceof DOMException && storageError.name !== 'AbortError' ? storageError : error);
    throw error;
  }
  try {
    await end;
  } catch (error) {
    throw new LibraryWriteError(error);
  }
  return result;
}

export class IndexedDbStore implements LibraryStore {
  private readonly connection: LibraryConnection;

  constructor(name = DB_NAME) {
    this.connection = new LibraryConnection(name);
  }

  private open(): Promise<IDBDatabase> {
    return this.connection.open();
  }

  private openIfThere(): Promise<IDBDatabase | null> {
    return this.connection.openIfThere();
  }

  async idOfUrl(url: string): Promise<number | null> {
    const db = await this.openIfThere();
    if (!db) return null;
    const key = await done(db.transaction(READS).objectStore(READS).index('url').getKey(url));
    return typeof key === 'number' ? key : null;
  }

  async idsOfUrls(urls: string[]): Promise<number[]> {
    const db = urls.length > 0 ? await this.openIfThere() : null;
    if (!db) return [];
    const byUrl = db.transaction(READS).objectStore(READS).index('url');
    const keys = await Promise.all(urls.map((url) => done(byUrl.getKey(url))));
    return keys.filter((key): key is number => typeof key === 'number');
  }

  async touch(id: number, readAt: number): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(READS, 'readwrite');
    const store = tx.objectStore(READS);
    const record = (await done(store.get(id))) as ReadRecord | undefined;
    if (record) store.put({ ...record, readAt });
    await finished(tx).catch((error: unknown) => {
      throw new LibraryWriteError(error);
    });
  }

  async addRead(read: NewRead, segmentFor: (id: number) => StoredSegment): Promise<number> {
    const db = await this.open();
    try {
      const tx = db.transaction([READS, TEXTS, SEGMENTS], 'readwrite');
      const end = finished(tx);
      const id = (await done(tx.objectStore(READS).add(recordOf(read)))) as number;
      tx.objectStore(TEXTS).add(read.text, id);
      tx.objectStore(SEGMENTS).add({ stored: segmentFor(id) });
      await end;
      return id;
    } catch (error) {
      throw new LibraryWriteError(error);
    }
  }

  async readIds(): Promise<number[]> {
    const db = await this.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(READS).objectStore(READS).getAllKeys())) as number[];
  }

  async reads(ids: number[]): Promise<ReadRecord[]> {
    const db = await this.openIfThere();
    if (!db) return [];
    const store = db.transaction(READS).objectStore(READS);
    const got = await Promise.all(ids.map((id) => done(store.get(id))));
    return got.filter(Boolean) as ReadRecord[];
  }

  async allReads(): Promise<ReadRecord[]> {
    const db = await this.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(READS).objectStore(READS).getAll())) as ReadRecord[];
  }

  async texts(ids: number[]): Promise<Map<number, string>> {
    const db = await this.openIfThere();
    if (!db) return new Map();
    const store = db.transaction(TEXTS).objectStore(TEXTS);
    const got = await Promise.all(ids.map(async (id) => [id, await done(store.get(id))] as const));
    return new Map(got.filter((e): e is readonly [number, string] => typeof e[1] === 'string'));
  }

  async segments(): Promise<SegmentEntry[]> {
    const db = await this.openIfThere();
    if (!db) return [];
    return (await done(db.transaction(SEGMENTS).objectStore(SEGMENTS).getAll())) as SegmentEntry[];
  }

  async segmentsAndReadIds(): Promise<{ segments: SegmentEntry[]; readIds: number[] }> {
    const db = await this.openIfThere();
    if (!db) return { segments: [], readIds: [] };
    // Both requests are queued at once in one transaction: the ids come right after the segments, no round trip.
    const tx = db.transaction([SEGMENTS, READS]);
    const [segments, readIds] = await Promise.all([done(tx.objectStore(SEGMENTS).getAll()), done(tx.objectStore(READS).getAllKeys())]);
    return { segments: segments as SegmentEntry[], readIds: readIds as number[] };
  }

  async replaceSegments(remove: number[], add: StoredSegment | null): Promise<void> {
    const db = await this.open();
    try {
      const tx = db.transaction(SEGMENTS, 'readwrite');
      const store = tx.objectStore(SEGMENTS);
      for (const key of remove) store.delete(key);
      if (add) store.add({ stored: add });
      await finished(tx);
    } catch (error) {
      throw new LibraryWriteError(error);
    }
  }

  destroy(): Promise<void> {
    return this.connection.destroy();
  }
}
