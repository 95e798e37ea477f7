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
 * Version 4: a read's text moves to its own store `texts` (keyed by the read's id) and the read record keeps
 * the text's opening (READ_VERSION 3): search reads every record once per worker life, and fetching 2,000
 * full texts for it cost ~6x the records alone (scripts/bench-reads-search.ts). Version-2 records are split
 * in the upgrade transaction (splitReadV2).
 * Version 5: a restore's stores (restore-schema.ts: the running restore of a backup and its file); nothing
 * stored before changes.
 */

export const DB_NAME = 'sila-library';
export const DB_VERSION = 5;
export const READ_VERSION = 3;

/**
 * Characters of a read's text kept in its record for search: the snippet shown (search.ts, 300) and the lead
 * search weighs (leadOf: the index's leadChars, 200, plus at most 40 to the next space). Every character more
 * is read from storage by each first search.
 */
export const OPENING_CHARS = 300;

export const openingOf = (text: string): string => text.slice(0, OPENING_CHARS);

export interface ReadRecordV1 {
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  /** ms since the epoch. */
  readAt: number;
}

/** A read as version 2 stored it, the text in the record. */
export interface ReadRecordV2 {
  v: 2;
  id: number;
  url: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
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
  /** The first OPENING_CHARS of the text Sila extracted (the whole text is in the `texts` store). */
  opening: string;
  readAt: number;
}

/** A read to keep: its record's fields and the text Sila extracted from the page. */
export type NewRead = Omit<ReadRecord, 'v' | 'id' | 'opening'> & { text: string };

/** The record of a new read, without the id the store assigns. */
export function recordOf(read: NewRead): Omit<ReadRecord, 'id'> {
  const { text, ...fields } = read;
  return { v: READ_VERSION, ...fields, opening: openingOf(text) };
}

/**
 * A version-1 record as a read to keep (the new store assigns its id), or null when it is not a usable record
 * (it is then left out). Version 2 records have the same fields, and an id.
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

/**
 * A version-2 record as today's record and its text (stored apart), or null when it is not a usable record (it
 * is then dropped by the migration). Its id is kept: the segments refer to it.
 */
export function splitReadV2(old: unknown): { read: ReadRecord; text: string } | null {
  if (!old || typeof old !== 'object') return null;
  const id = (old as { id?: unknown }).id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) return null;
  const read = migrateReadV1(old);
  if (!read) return null;
  return { read: { id, ...recordOf(read) }, text: read.text };
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
