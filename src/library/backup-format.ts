/**
 * What a line of a library backup (options → Export, sila-library.jsonl.gz) carries beyond the corpus schema, so
 * that Restore can put it back as it was: one field `sila`, which the corpus reader ignores (unknown fields are
 * dropped by src/lib/corpus/parse-line.ts), so the backup still reads through `npm run build:index -- --corpus`.
 *
 *   a read:               "sila": { "v": 1, "kind": "read", "readAt": "2026-12-01T09:30:00.000Z" }
 *   a collection article: "sila": { "v": 1, "kind": "collection", "collection": { "key": 2, "name": "Desk",
 *                           "fileName": "desk.jsonl", "fileBytes": 1234, "addedAt": "…", "enabled": true },
 *                           "id": "a1" }   (`id` only when the line's id had to be changed to stay unique)
 *
 * The collection is told on each of its lines, not in a header line: a header would be a bad line to the reader.
 * A read's `published` that is not an ISO date cannot be the line's `published` (the reader refuses the line),
 * so it travels here as `published`.
 */
import { NOT_BACKUP } from '../lib/corpus/parse-line';
import type { CollectionRecord } from './collection-import';

export const BACKUP_VERSION = 1;
/** The field of a backup line that carries what it restores. */
export const BACKUP_FIELD = 'sila';

/** A collection as its backup lines name it; `key` tells one collection of the backup from another. */
export interface BackupCollection {
  key: number;
  name: string;
  fileName: string;
  fileBytes: number;
  /** ISO 8601: when it was first added (kept, so that a collection restored twice is known the second time). */
  addedAt: string;
  enabled: boolean;
}

export type BackupMeta =
  | { v: typeof BACKUP_VERSION; kind: 'read'; readAt: string; published?: string }
  | { v: typeof BACKUP_VERSION; kind: 'collection'; collection: BackupCollection; id?: string };

export const readMeta = (readAt: number, published?: string): BackupMeta => ({ v: BACKUP_VERSION, kind: 'read', readAt: new Date(readAt).toISOString(), ...(published ? { published } : {}) });

export function collectionMeta(c: CollectionRecord, originalId?: string): BackupMeta {
  const collection: BackupCollection = { key: c.id, name: c.name, fileName: c.fileName, fileBytes: c.fileBytes, addedAt: new Date(c.addedAt).toISOString(), enabled: c.enabled };
  return { v: BACKUP_VERSION, kind: 'collection', collection, ...(originalId ? { id: originalId } : {}) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const time = (x: unknown): number | null => (typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? Date.parse(x) : null);
const short = (x: unknown, max = 1_000): x is string => typeof x === 'string' && x.length <= max;

/** What a backup line says of itself, checked; a string says why it cannot be restored. */
export type ParsedMeta =
  | { kind: 'read'; readAt: number; published: string | null }
  | { kind: 'collection'; collection: Omit<BackupCollection, 'addedAt'> & { addedAt: number }; id: string | null };

/** The `sila` field as the corpus reader kept it (undefined: the line has none). */
export function parseBackupMeta(meta: unknown): ParsedMeta | string {
  if (meta === undefined) return NOT_BACKUP;
  if (!isRecord(meta)) return 'its "sila" field is not an object';
  if (meta.v !== BACKUP_VERSION) return `its "sila" field is of backup version ${JSON.stringify(meta.v)}, which this Sila does not know (${BACKUP_VERSION})`;
  if (meta.kind === 'read') {
    const readAt = time(meta.readAt);
    if (readAt === null) return 'a read without a valid "readAt" date';
    if (meta.published !== undefined && !short(meta.published, 64)) return 'a read whose "published" is not a short string';
    return { kind: 'read', readAt, published: (meta.published as string | undefined) ?? null };
  }
  if (meta.kind === 'collection') {
    const c = meta.collection;
    if (!isRecord(c)) return 'a collection article without its "collection"';
    const addedAt = time(c.addedAt);
    if (typeof c.key !== 'number' || !Number.isInteger(c.key) || !short(c.name, 200) || !c.name.trim() || !short(c.fileName) || addedAt === null) {
      return 'a collection article whose "collection" lacks a key, name, file name or date added';
    }
    if (meta.id !== undefined && !short(meta.id, 512)) return 'a collection article whose original "id" is not a short string';
    const fileBytes = typeof c.fileBytes === 'number' && Number.isFinite(c.fileBytes) && c.fileBytes >= 0 ? c.fileBytes : 0;
    return { kind: 'collection', collection: { key: c.key, name: c.name.trim(), fileName: c.fileName, fileBytes, addedAt, enabled: c.enabled !== false }, id: (meta.id as string | undefined) ?? null };
  }
  return `its "sila" field has an unknown kind ${JSON.stringify(String(meta.kind).slice(0, 40))}`;
}
