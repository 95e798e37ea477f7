/**
 * Restoring a library from its backup (options → Export's sila-library.jsonl.gz; a new computer, a reinstall):
 * each read comes back as a read (when it was read, its outlet; ranked and labelled as before) and each
 * collection's articles come back into a collection of its name, through the path an import takes
 * (collection-import.ts): the staged file is read in the background by the builder's own reader, in chunks,
 * each chunk one write (its reads, its collection articles, their index segments and the restore's progress),
 * so that a stopped background resumes after its last committed line and a bad line is reported by number.
 *
 * Restored twice, nothing is doubled: a read whose address the library holds is left as it is, and a collection
 * the library holds (same file name, added at the same moment) keeps its articles and gets none from the backup.
 * A collection being restored stays `importing`, invisible, until the whole backup is in; reads are whole reads
 * from their chunk on. Cancel removes the collections not yet finished and keeps the reads already back.
 */
import { CorpusLines, type NumberedArticle, type SkippedLine } from '../lib/corpus/lines';
import { NOT_BACKUP, skipOf } from '../lib/corpus/parse-line';
import { toHours } from '../lib/index/format';
import type { WeighedDoc } from '../lib/index/weigh';
import type { CorpusArticle } from '../lib/types';
import { BACKUP_FIELD, parseBackupMeta, type ParsedMeta } from './backup-format';
import { CHUNK_ARTICLES, COLLECTION_VERSION, ImportCancelled, SkipReport, readLines, type CollectionRecord } from './collection-import';
import type { LibraryEngine } from './library';
import type { NewRead } from './records';
import { buildSegment, encodeSegment, type SegmentDoc, type StoredSegment } from './segment';

export const RESTORE_VERSION = 1;
const YIELD_EVERY = 20;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A collection of the backup, as the restore has met it. */
export interface RestoredCollection {
  /** The backup's key for it (its id in the library it was exported from). */
  key: number;
  name: string;
  fileName: string;
  fileBytes: number;
  addedAt: number;
  enabled: boolean;
  /** The library's collection its articles go into; null until its first chunk is committed. */
  id: number | null;
  /** The library had it already (or it was removed meanwhile): its lines are left out. */
  known: boolean;
}

export interface RestoreRecord {
  v: typeof RESTORE_VERSION;
  id: number;
  fileName: string;
  fileBytes: number;
  startedAt: number;
  state: 'restoring' | 'done';
  /** Every line up to this one (1-based) is stored: a resumed restore starts after it. */
  doneLine: number;
  /** Reads put back, and reads left as they were (the library held their address). */
  reads: number;
  readsKnown: number;
  /** Collection articles put back, and articles of collections the library held already. */
  articles: number;
  articlesKnown: number;
  collections: RestoredCollection[];
  skipped: SkippedLine[];
  skippedTotal: number;
  /** Why the restore stopped short (a file that cannot be read, a full disk): it is then not resumed. */
  error?: string;
  /** It stopped because no line of the file is a backup line (NotABackup): the page offers it as a collection. */
  notBackup?: true;
}

/**
 * A file none of whose articles has a "sila" field: not a backup this Sila wrote (a corpus file, or an export from
 * before restore existed). Said once for the file rather than for each of its lines; nothing of it is added.
 */
export class NotABackup extends Error {
  override name = 'NotABackup';
}

export interface WeighedArticle<T> {
  item: T;
  hours: number;
  doc: WeighedDoc;
}

/** One chunk of a backup, weighed, for one write. */
export interface RestoreChunk {
  reads: WeighedArticle<NewRead>[];
  /** Articles per backup collection key. */
  collections: Map<number, WeighedArticle<CorpusArticle>[]>;
  /** The index segment of these documents, under the ids the store assigned them. */
  encode(docs: SegmentDoc[]): StoredSegment;
}

export interface RestoreStore {
  restores(): Promise<RestoreRecord[]>;
  restore(id: number): Promise<RestoreRecord | null>;
  /** A new restore and its file, in one write (an earlier restore's report is dropped); returns its id. */
  stageRestore(record: Omit<RestoreRecord, 'id'>, file: Blob): Promise<number>;
  restoreFile(id: number): Promise<Blob | null>;
  /** Which of these addresses the library holds as reads. */
  knownReads(urls: string[]): Promise<Set<string>>;
  collections(): Promise<CollectionRecord[]>;
  /**
   * One write: the chunk's new reads (a read whose address is held meanwhile is left out and counted known),
   * its collection articles (creating each collection not yet created, `importing`), one segment per kind, and
   * the record; returns the record as written.
   */
  commitRestore(record: RestoreRecord, chunk: RestoreChunk): Promise<RestoreRecord>;
  /** One write: the restore's collections made ready, its file dropped, `record` (done) kept as the report. */
  finishRestore(record: RestoreRecord): Promise<void>;
  updateRestore(record: RestoreRecord): Promise<void>;
  /** One write: the restore, its file, and its collections not yet ready (their articles and segments) removed. */
  cancelRestore(id: number): Promise<void>;
}

export interface RestoreOptions {
  chunkArticles?: number;
  stopped?: () => boolean;
  onProgress?: (record: RestoreRecord, bytesRead: number) => void;
}

/** A new restore record for a chosen backup file, before anything of it is read. */
export function newRestore(fileName: string, fileBytes: number, now = Date.now()): Omit<RestoreRecord, 'id'> {
  return { v: RESTORE_VERSION, fileName, fileBytes, startedAt: now, state: 'restoring', doneLine: 0, reads: 0, readsKnown: 0, articles: 0, articlesKnown: 0, collections: [], skipped: [], skippedTotal: 0 };
}

/** A restored collection's record, `importing` (invisible) until the restore finishes. */
export function restoredCollectionRecord(c: RestoredCollection, restore: number): Omit<CollectionRecord, 'id'> {
  return {
    v: COLLECTION_VERSION,
    name: c.name,
    fileName: c.fileName,
    fileBytes: c.fileBytes,
    addedAt: c.addedAt,
    state: 'importing',
    enabled: c.enabled,
    articles: 0,
    doneLine: 0,
    skipped: [],
    skippedTotal: 0,
    restoring: restore,
  };
}

type Placed = { line: number; kind: 'read'; read: NewRead } | { line: number; kind: 'collection'; key: number; article: CorpusArticle };

const notBackupLine = (line: number): SkippedLine => ({ line, ...skipOf('missing-field', line, { key: 'not-backup', params: [] }) });

/** A backup line as what it restores, or why it cannot be restored (a line of the corpus schema all the same). */
function place({ line, article }: NumberedArticle, meta: ParsedMeta | string): Placed | SkippedLine {
  if (meta === NOT_BACKUP) return notBackupLine(line);
  if (typeof meta === 'string') return { line, ...skipOf('wrong-type', line, { key: 'bad-backup', params: [meta] }) };
  if (meta.kind === 'read') {
    if (!article.url || !/^https?:\/\//i.test(article.url)) return { line, ...skipOf('missing-field', line, { key: 'bad-backup', params: ['a read without its web address ("url")'] }) };
    return { line, kind: 'read', read: { url: article.url, title: article.title, outlet: article.source ?? null, published: article.published ?? meta.published, text: article.body, readAt: meta.readAt } };
  }
  return { line, kind: 'collection', key: meta.collection.key, article: meta.id ? { ...article, id: meta.id } : article };
}

/**
 * Runs (or resumes) a staged restore to the end; returns the done record. Throws ImportCancelled when
 * `stopped()` said so, a LibraryWriteError when storage refused a chunk (what was committed stays), or an Error
 * naming what is wrong with the file.
 */
export async function runRestore(store: RestoreStore, engine: LibraryEngine, id: number, options: RestoreOptions = {}): Promise<RestoreRecord> {
  let record = await store.restore(id);
  if (!record) throw new Error(`restore ${id} is not in the library`);
  if (record.state === 'done') return record;
  const file = await store.restoreFile(id);
  if (!file) throw new Error(`the backup “${record.fileName}” is no longer stored: choose it again`);
  const resumeAfter = record.doneLine;
  const chunkArticles = options.chunkArticles ?? CHUNK_ARTICLES;
  const held = await store.collections();
  const skips = new SkipReport(record, resumeAfter);
  // The reader keeps each line's `sila` field from its own parse: line N's article and line N's field come together.
  const lines = new CorpusLines({ keep: BACKUP_FIELD, onSkip: (s) => skips.add(s) });
  let bytesRead = 0;
  let chunk: Placed[] = [];

  /** The backup's collection `key`, met on `meta`'s line: known to the library, or one to create. */
  const collectionOf = (meta: Extract<ParsedMeta, { kind: 'collection' }>): RestoredCollection => {
    const met = record!.collections.find((c) => c.key === meta.collection.key);
    if (met) return met;
    const c = meta.collection;
    const known = held.some((h) => h.fileName === c.fileName && h.addedAt === c.addedAt && h.restoring === undefined);
    const restored: RestoredCollection = { ...c, id: null, known };
    record = { ...record!, collections: [...record!.collections, restored] };
    return restored;
  };

  const commit = async (lastLine: number) => {
    skips.keepUpTo(lastLine);
    const reads = chunk.flatMap((p) => (p.kind === 'read' ? [p.read] : []));
    const held = await store.knownReads(reads.map((r) => r.url));
    const seen = new Set<string>();
    const fresh = reads.filter((r) => !held.has(r.url) && !seen.has(r.url) && seen.add(r.url));
    let readsKnown = reads.length - fresh.length;
    let articlesKnown = 0;
    let weighed = 0;
    const weigh = async <T>(item: T, a: { title: string; body: string; published?: string | null }): Promise<WeighedArticle<T>> => {
      // Weighing is the work (~5 ms an article): a pause every few lets the background answer meanwhile.
      if (++weighed % YIELD_EVERY === 0) await pause();
      return { item, hours: toHours(a.published), doc: engine.weigh({ title: a.title, body: a.body }) };
    };
    const weighedReads: WeighedArticle<NewRead>[] = [];
    for (const r of fresh) weighedReads.push(await weigh(r, { title: r.title, body: r.text, published: r.published }));
    const collections = new Map<number, WeighedArticle<CorpusArticle>[]>();
    for (const p of chunk) {
      if (p.kind !== 'collection') continue;
      if (record!.collections.find((c) => c.key === p.key)!.known) {
        articlesKnown++;
        continue;
      }
      const list = collections.get(p.key) ?? [];
      list.push(await weigh(p.article, p.article));
      collections.set(p.key, list);
    }
    const next: RestoreRecord = { ...record!, doneLine: lastLine, readsKnown: record!.readsKnown + readsKnown, articlesKnown: record!.articlesKnown + articlesKnown, ...skips.kept() };
    record = await store.commitRestore(next, { reads: weighedReads, collections, encode: (docs) => encodeSegment(buildSegment(docs), engine.vocabulary) });
    chunk = [];
    options.onProgress?.(record, bytesRead);
  };

  // Lines with a "sila" field, those before a resumed restore's last line included: none in the whole file, and
  // the file is refused once (NotABackup). Until the first, a plain line is only its number: the skip it makes is
  // told only if a backup line follows (so an old export of 100k lines holds numbers, not 100k reasons).
  let backupLines = 0;
  let plainBefore: number[] = [];
  const take = async (got: NumberedArticle[]) => {
    for (const item of got) {
      if (item.extra !== undefined) {
        if (backupLines === 0) for (const line of plainBefore) skips.add(notBackupLine(line));
        plainBefore = [];
        backupLines++;
      }
      if (item.line <= resumeAfter) continue;
      if (backupLines === 0) {
        plainBefore.push(item.line);
        continue;
      }
      const meta = parseBackupMeta(item.extra);
      const placed = place(item, meta);
      if (!('kind' in placed)) {
        skips.add(placed);
        continue;
      }
      if (placed.kind === 'collection' && typeof meta !== 'string' && meta.kind === 'collection') collectionOf(meta);
      chunk.push(placed);
      if (chunk.length >= chunkArticles) {
        if (options.stopped?.()) throw new ImportCancelled('restore cancelled');
        await commit(item.line);
      }
    }
  };

  const name = record.fileName;
  await readLines(file, lines, take, (n) => (bytesRead += n), (detail) => `the backup “${name}” could not be read to the end (${detail}): choose a complete sila-library.jsonl.gz.`);
  if (options.stopped?.()) throw new ImportCancelled('restore cancelled');
  if (backupLines === 0 && lines.read > 0) {
    const error = `“${name}” is not a backup made by this Sila: none of its ${lines.read} articles has a "sila" field. Add it as a collection instead.`;
    await store.updateRestore({ ...record, error, notBackup: true });
    throw new NotABackup(error);
  }
  if (chunk.length > 0 || skips.hasPending) await commit(lines.lineNumber);
  if (record.reads + record.readsKnown + record.articles + record.articlesKnown === 0) {
    throw new Error(`“${record.fileName}” holds nothing Sila can restore (${lines.lines} lines read${skips.skipped[0] ? `; ${skips.skipped[0].reason}` : ''}).`);
  }
  const done: RestoreRecord = { ...record, state: 'done', doneLine: lines.lineNumber };
  await store.finishRestore(done);
  return done;
}
