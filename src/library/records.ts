/**
 * What the library stores, and its schema versions. Every record carries `v`; the database's own version
 * (DB_VERSION) says which object stores exist. A migration turns what an older Sila stored into today's
 * records; the pure parts live here so they are tested without a browser (store.ts runs them in IndexedDB's
 * upgrade transaction).
 *
 * Version 1 (the first slice's draft): one store `reads` keyed by URL, text and index nothing but the record.
 * Version 2: `reads` keyed by a numeric id (segments refer to documents by it) with a unique URL index,
 * `segments` holding the binary index segments (segment.ts). A version-1 library is carried over read by read;
 * its segments are then built from the stored text the first time the engine opens it (Library.reconcile).
 * Version 3: the collections' stores beside them (collection-schema.ts); reads and segments are kept as they are.
 */

export const DB_NAME = 'sila-library';
export const DB_VERSION = 3;
export const READ_VERSION = 2;

export interface ReadRecordV1 {
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  /** ms since the epoch. */
  readAt: number;
}

export interface ReadRecord {
  v: typeof READ_VERSION;
  /** Assigned by the store; what segments name. */
  id: number;
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  /** The text Sila extracted from the page. */
  text: string;
  readAt: number;
}

export type NewRead = Omit<ReadRecord, 'v' | 'id'>;

/**
 * A version-1 record as version 2 (without its id, which the new store assigns), or null when it is not a
 * usable record (it is then left out, and counted by the migration).
 */
export function migrateReadV1(old: unknown): NewRead | null {
  if (!old || typeof old !== 'object') return null;
  const r = old as Record<string, unknown>;
  if (typeof r.url !== 'string' || !/^https?:\/\//i.test(r.url) || typeof r.text !== 'string') return null;
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null);
  return {
    url: r.url,
    title: typeof r.title === 'string' ? r.title : '',
    outlet: str(r.outlet),
    published: str(r.published),
    text: r.text,
    readAt: typeof r.readAt === 'number' && Number.isFinite(r.readAt) ? r.readAt : 0,
  };
}

/** Storage failures as a sentence a reader understands; the write that failed changed nothing (one transaction). */
export function storageErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') return 'Sila could not keep this article: the browser refused more storage (the disk may be full). Nothing kept before was lost.';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'Sila could not keep this article: the browser’s storage is unavailable. Nothing kept before was lost.';
  return `Sila could not keep this article (${error instanceof Error ? error.message : String(error)}). Nothing kept before was lost.`;
}

export class LibraryWriteError extends Error {
  override name = 'LibraryWriteError';
  constructor(cause: unknown) {
    super(storageErrorMessage(cause));
    this.cause = cause;
  }
}
