/**
 * Importing a collection file (corpus schema, JSONL or JSONL.gz) into the library, in chunks, so that a stopped
 * service worker loses at most one chunk: each chunk's articles, their index segment and the collection's
 * progress (the last line number done) are one write (CollectionStore.commitChunk). A collection stays
 * `importing`, and so invisible to related and search, until one last write flips it to `ready`; an import
 * found `importing` at start-up is resumed from its stored file after its last committed line.
 *
 * Lines go through the builder's own reader (src/lib/corpus/lines.ts), so a bad line is reported with the same
 * number and reason as `npm run build:index` gives.
 */
import { CorpusLines, isGzip, type NumberedArticle, type SkippedLine } from '../lib/corpus/lines';
import { toHours } from '../lib/index/format';
import type { CorpusArticle } from '../lib/types';
import type { LibraryEngine } from './library';
import { buildSegment, encodeSegment, type StoredSegment } from './segment';

export const COLLECTION_VERSION = 1;
/** Bad lines kept for the report (all are counted). */
export const MAX_REPORTED_SKIPS = 100;
/** Articles per committed chunk: small enough that a stop loses little, large enough that writes stay few. */
export const CHUNK_ARTICLES = 500;
/** Articles weighed between two pauses of the import (see commit). */
const YIELD_EVERY = 20;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface CollectionRecord {
  v: typeof COLLECTION_VERSION;
  id: number;
  name: string;
  fileName: string;
  fileBytes: number;
  addedAt: number;
  state: 'importing' | 'ready';
  enabled: boolean;
  articles: number;
  /** Every line up to this one (1-based) is stored: a resumed import starts after it. */
  doneLine: number;
  skipped: SkippedLine[];
  skippedTotal: number;
  /** Why the import stopped short (a file that cannot be read, a full disk): it is then not resumed. */
  error?: string;
  /** The restore (library-restore.ts) filling this collection from a backup: it is not a file import to resume. */
  restoring?: number;
}

export interface CollectionArticle {
  id: number;
  collection: number;
  article: CorpusArticle;
}

export interface CollectionStore {
  collections(): Promise<CollectionRecord[]>;
  collection(id: number): Promise<CollectionRecord | null>;
  /** A new `importing` collection and its file, in one write; returns its id. */
  stage(record: Omit<CollectionRecord, 'id'>, file: Blob): Promise<number>;
  file(id: number): Promise<Blob | null>;
  /** One write: the articles (ids assigned here), the segment made for those ids, and `record`. */
  commitChunk(record: CollectionRecord, articles: CorpusArticle[], segmentFor: (ids: number[]) => StoredSegment): Promise<void>;
  /** One write: `record` (now ready) and the staged file dropped. */
  finish(record: CollectionRecord): Promise<void>;
  update(record: CollectionRecord): Promise<void>;
  /** The collection, its articles, segments and file, in one write. */
  remove(id: number): Promise<void>;
  articles(collection: number): Promise<CollectionArticle[]>;
  /** The articles of these ids that are stored (any collection). */
  articlesByIds(ids: number[]): Promise<CollectionArticle[]>;
  segments(collection: number): Promise<StoredSegment[]>;
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export interface ImportOptions {
  chunkArticles?: number;
  /** Asked between chunks; true stops the import (the caller then removes or resumes the collection). */
  stopped?: () => boolean;
  onProgress?: (record: CollectionRecord, bytesRead: number) => void;
}

/** Bytes of a file, un-gzipped when its first bytes say it is gzip. */
export async function* fileBytes(file: Blob, onRead: (n: number) => void): AsyncGenerator<Uint8Array> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  let stream = file.stream() as ReadableStream<Uint8Array>;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onRead(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
  stream = stream.pipeThrough(counted);
  if (isGzip(head)) stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Every line of `file` through `lines` to `take`, chunk by chunk, the last line too. A file that cannot be read to
 * the end (a truncated gzip, a file gone) throws an Error made by `unreadable` from what went wrong and where; a
 * cancel or a refused write from `take` goes through as it is.
 */
export async function readLines(file: Blob, lines: CorpusLines, take: (got: NumberedArticle[]) => Promise<void>, onRead: (n: number) => void, unreadable: (detail: string) => string): Promise<void> {
  try {
    for await (const bytes of fileBytes(file, onRead)) await take(lines.push(bytes));
  } catch (error) {
    if (error instanceof ImportCancelled || (error as Error).name === 'LibraryWriteError') throw error;
    throw new Error(unreadable(`${(error as Error).message}, after line ${lines.lineNumber}`));
  }
  await take(lines.end());
}

/**
 * The bad lines of an import or a restore, each kept with the first commit that covers its line: a chunk of bytes
 * may hold lines past the chunk of articles committed next, so a stop never records a line twice or loses one.
 * A resumed run starts from its record's report and adds only lines after `resumeAfter` (the others are in it).
 */
export class SkipReport {
  /** The kept skips (the first MAX_REPORTED_SKIPS), and how many were kept in all. */
  readonly skipped: SkippedLine[];
  total: number;
  private pending: SkippedLine[] = [];

  constructor(record: { skipped: SkippedLine[]; skippedTotal: number }, private readonly resumeAfter: number) {
    this.skipped = [...record.skipped];
    this.total = record.skippedTotal;
  }

  add(skip: SkippedLine): void {
    if (skip.line > this.resumeAfter) this.pending.push(skip);
  }

  /** The report as a record holds it (a copy: the record written must not move on with this). */
  kept(): { skipped: SkippedLine[]; skippedTotal: number } {
    return { skipped: [...this.skipped], skippedTotal: this.total };
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Keeps the pending skips of lines up to `line`, in line order (a restore's own skips come after the reader's of later lines). */
  keepUpTo(line: number): void {
    this.pending.sort((a, b) => a.line - b.line);
    for (const s of this.pending) {
      if (s.line > line) continue;
      this.total++;
      if (this.skipped.length < MAX_REPORTED_SKIPS) this.skipped.push(s);
    }
    this.pending = this.pending.filter((s) => s.line > line);
  }
}

/**
 * Runs (or resumes) the import of a staged collection to the end; returns the ready record. Throws
 * ImportCancelled when `stopped()` said so, a LibraryWriteError when storage refused a chunk (what was
 * committed stays, still invisible), or an Error naming what is wrong with the file.
 */
export async function runImport(store: CollectionStore, engine: LibraryEngine, id: number, options: ImportOptions = {}): Promise<CollectionRecord> {
  let record = await store.collection(id);
  if (!record) throw new Error(`collection ${id} is not in the library`);
  if (record.state === 'ready') return record;
  const file = await store.file(id);
  if (!file) throw new Error(`the file of collection “${record.name}” is no longer stored: remove it and add it again`);
  const resumeAfter = record.doneLine;
  const chunkArticles = options.chunkArticles ?? CHUNK_ARTICLES;
  const skips = new SkipReport(record, resumeAfter);
  const lines = new CorpusLines({ onSkip: (s) => skips.add(s) });
  let bytesRead = 0;
  let chunk: NumberedArticle[] = [];

  const commit = async (lastLine: number) => {
    const articles = chunk.map((c) => c.article);
    skips.keepUpTo(lastLine);
    const next: CollectionRecord = { ...record!, articles: record!.articles + articles.length, doneLine: lastLine, ...skips.kept() };
    const docs: { hours: number; doc: ReturnType<LibraryEngine['weigh']> }[] = [];
    for (const a of articles) {
      // Weighing is the import's work (~5 ms an article): a pause every few articles lets the background answer
      // the popup's messages meanwhile instead of after the whole chunk.
      if (docs.length % YIELD_EVERY === YIELD_EVERY - 1) await pause();
      docs.push({ hours: toHours(a.published), doc: engine.weigh({ title: a.title, body: a.body }) });
    }
    await store.commitChunk(next, articles, (ids) => encodeSegment(buildSegment(docs.map((d, i) => ({ id: ids[i], ...d }))), engine.vocabulary));
    record = next;
    chunk = [];
    options.onProgress?.(record, bytesRead);
  };

  const take = async (got: NumberedArticle[]) => {
    for (const item of got) {
      if (item.line <= resumeAfter) continue;
      chunk.push(item);
      if (chunk.length >= chunkArticles) {
        if (options.stopped?.()) throw new ImportCancelled('import cancelled');
        await commit(item.line);
      }
    }
  };

  const name = record.fileName;
  await readLines(file, lines, take, (n) => (bytesRead += n), (detail) => `“${name}” could not be read to the end (${detail}): choose a complete JSONL or JSONL.gz file.`);
  if (options.stopped?.()) throw new ImportCancelled('import cancelled');
  if (chunk.length > 0 || skips.hasPending) await commit(lines.lineNumber);
  if (record.articles === 0) {
    const first = skips.skipped[0];
    throw new Error(`“${record.fileName}” has no article in the corpus schema (${lines.lines} lines read${first ? `; ${first.reason}` : ''}).`);
  }
  const ready: CollectionRecord = { ...record, state: 'ready', doneLine: lines.lineNumber };
  await store.finish(ready);
  return ready;
}

/** A new collection record for a chosen file, before anything of it is read. */
export function newCollection(fileName: string, fileBytes: number, now = Date.now()): Omit<CollectionRecord, 'id'> {
  return {
    v: COLLECTION_VERSION,
    name: fileName.replace(/\.jsonl(\.gz)?$/i, '') || fileName,
    fileName,
    fileBytes,
    addedAt: now,
    state: 'importing',
    enabled: true,
    articles: 0,
    doneLine: 0,
    skipped: [],
    skippedTotal: 0,
  };
}
