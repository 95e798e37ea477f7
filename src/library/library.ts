/**
 * The personal library: remembered articles and their index segments (segment.ts) over a LibraryStore, ranked
 * for a page with the bundled engine's weighting (rank.ts). The segments are decoded once per service-worker
 * life and kept; each remembered article adds one segment, and past MERGE_AT segments they are merged into one
 * (a background step of the same call, after the read itself is safely stored).
 */
import type { SilaIndex } from '../lib/engine';
import type { WeighedDoc } from '../lib/index/weigh';
import { toHours } from '../lib/index/format';
import { rankLibrary, type LibraryQuery } from './rank';
import type { NewRead, ReadRecord } from './records';
import { buildSegment, decodeSegment, encodeSegment, mergeSegments, segmentDocs, vocabularyKey, type Segment } from './segment';
import type { LibraryStore } from './store';
import { SegmentsForQuery } from './segment-view';

/** Segments kept before they are merged into one: a query walks each, so few segments keep it fast. */
export const MERGE_AT = 8;

/** What the library needs of the engine: a page's query, an article's weighting, and which bundled index it is. */
export interface LibraryEngine {
  vocabulary: string;
  query(page: { title: string; body: string; published?: string | null }): { query: LibraryQuery; k1: number };
  weigh(article: { title: string; body: string }): WeighedDoc;
}

/**
 * The engine itself, or how to get it once the bundled index is loaded: a cold worker reads the library's
 * segments from storage meanwhile, since reading them needs no engine (only checking their vocabulary does).
 */
export type EngineSource = LibraryEngine | (() => Promise<LibraryEngine>);

export const engineFrom = (source: EngineSource): Promise<LibraryEngine> => (typeof source === 'function' ? source() : Promise.resolve(source));

/**
 * The LibraryEngine of a bundled index. A page's query is the archive's own analysis of it (SilaIndex.libraryQuery
 * keeps the last page's): the reads and the collections are asked about the page the archive ranked last, and the
 * analysis is most of a library query's cost.
 */
export function libraryEngineOf(index: Pick<SilaIndex, 'meta' | 'libraryQuery' | 'weighForLibrary'>): LibraryEngine {
  return {
    vocabulary: vocabularyKey(index.meta),
    query: (page) => index.libraryQuery(page),
    weigh: (article) => index.weighForLibrary(article),
  };
}

export interface LibraryMatch {
  read: ReadRecord;
  confidence: number;
  score: number;
}

/** A read as search needs it: its record, which holds the text's opening (title and lead are searched). */
export type SearchableRead = ReadRecord;

export class Library {
  private loaded: Promise<{ keys: number[]; segments: Segment[] }> | null = null;
  /** The reads for search, read from storage once and kept until a read is added or everything is forgotten. */
  private searchable: Promise<SearchableRead[]> | null = null;
  /** The records of the reads related() found last: their openings are the shown results' snippets. */
  private lastFound = new Map<number, ReadRecord>();
  /** The loaded segments as related() walks them (segment-view.ts): one view, soon after they are first asked. */
  private forQuery: SegmentsForQuery | null = null;

  constructor(
    private readonly store: LibraryStore,
    private readonly engineSource: EngineSource,
  ) {}

  private engine(): Promise<LibraryEngine> {
    return engineFrom(this.engineSource);
  }

  /** Starts reading the segments (and nothing else) if they are not read yet: a cold start's first step. */
  warm(): void {
    this.segments().catch(() => undefined);
  }

  /**
   * The segments, decoded; reads that no segment of this vocabulary covers (a migrated version-1 library, an
   * update of the bundled index, a damaged segment) are weighed again from their stored text, once.
   */
  private segments(): Promise<{ keys: number[]; segments: Segment[] }> {
    this.loaded ??= this.reconcile().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async reconcile(): Promise<{ keys: number[]; segments: Segment[] }> {
    // The stored segments and the ids they must cover, in one request each of one transaction, read while the
    // bundled index loads; decoding them needs no engine either, only their vocabulary's check does.
    const stored = this.store.segmentsAndReadIds();
    const engine = this.engine();
    engine.catch(() => undefined); // awaited below, unless the storage read fails first
    const { segments: entries, readIds } = await stored;
    const decoded = entries.map((entry) => {
      try {
        return { entry, segment: decodeSegment(entry.stored) };
      } catch {
        return { entry, segment: null };
      }
    });
    const lib = await engine;
    const keys: number[] = [];
    const segments: Segment[] = [];
    const stale: number[] = [];
    for (const { entry, segment } of decoded) {
      // Built on another bundled index, or damaged.
      if (segment === null || entry.stored.vocabulary !== lib.vocabulary) {
        stale.push(entry.key);
        continue;
      }
      segments.push(segment);
      keys.push(entry.key);
    }
    const covered = new Set<number>();
    for (const s of segments) for (const id of s.docIds) covered.add(id);
    const missing = readIds.filter((id) => !covered.has(id));
    if (missing.length === 0 && stale.length === 0) return { keys, segments };
    const texts = await this.store.texts(missing);
    const rebuilt = buildSegment(
      (await this.store.reads(missing)).map((r) => ({ id: r.id, hours: toHours(r.published), doc: lib.weigh({ title: r.title, body: texts.get(r.id) ?? r.opening }) })),
    );
    const merged = mergeSegments([...segments, rebuilt]);
    await this.store.replaceSegments([...keys, ...stale], encodeSegment(merged, lib.vocabulary));
    return this.reloaded();
  }

  private async reloaded(): Promise<{ keys: number[]; segments: Segment[] }> {
    const entries = await this.store.segments();
    return { keys: entries.map((e) => e.key), segments: entries.map((e) => decodeSegment(e.stored)) };
  }

  /** Keeps a read article (or, when its URL is kept already, when it was read). Throws LibraryWriteError. */
  async remember(read: NewRead): Promise<'added' | 'updated'> {
    await this.segments();
    const known = await this.store.idOfUrl(read.url);
    if (known !== null) {
      await this.store.touch(known, read.readAt);
      this.searchable = null;
      return 'updated';
    }
    this.searchable = null;
    const lib = await this.engine();
    const doc = lib.weigh({ title: read.title, body: read.text });
    const hours = toHours(read.published);
    await this.store.addRead(read, (id) => encodeSegment(buildSegment([{ id, hours, doc }]), lib.vocabulary));
    this.loaded = this.reloaded();
    const { keys, segments } = await this.loaded;
    if (segments.length > MERGE_AT) {
      // The read is stored already; a failed merge leaves the segments as they were.
      await this.store.replaceSegments(keys, encodeSegment(mergeSegments(segments), lib.vocabulary));
      this.loaded = this.reloaded();
    }
    return 'added';
  }

  /** Earlier reads related to this page, best first; never the page itself (by its URL or canonical URL). */
  async related(page: { title: string; text: string; published?: string | null; urls: string[] }, limit: number): Promise<LibraryMatch[]> {
    // The page's own ids are looked up while the segments load (both are storage reads; neither needs the other).
    const own = this.store.idsOfUrls(page.urls);
    own.catch(() => undefined);
    const { segments } = await this.segments();
    if (segments.length === 0) return [];
    const exclude = new Set(await own);
    const { query, k1 } = (await this.engine()).query({ title: page.title, body: page.text, published: page.published });
    if (query.terms.length === 0) return [];
    if (this.forQuery?.segments !== segments) this.forQuery = new SegmentsForQuery(segments);
    const hits = rankLibrary(this.forQuery.current(), query, { k1, limit, exclude });
    const reads = new Map((await this.store.reads(hits.map((h) => h.id))).map((r) => [r.id, r]));
    this.lastFound = reads;
    return hits.flatMap((h) => {
      const read = reads.get(h.id);
      return read ? [{ read, confidence: h.confidence, score: h.score }] : [];
    });
  }

  /**
   * The openings of these reads (for the shown results' snippets, related-details.ts): those related() has just
   * read come from its records, the others from storage.
   */
  async openings(ids: number[]): Promise<Map<number, string>> {
    const known = ids.flatMap((id) => {
      const read = this.lastFound.get(id);
      return read ? [[id, read.opening] as const] : [];
    });
    const rest = ids.filter((id) => !this.lastFound.has(id));
    const stored = rest.length > 0 ? await this.store.reads(rest) : [];
    return new Map([...known, ...stored.map((r) => [r.id, r.opening] as const)]);
  }

  /**
   * Every read's record, for search, in one request that leaves the texts in storage (a status or search
   * request leaves storage empty when nothing was ever kept).
   */
  forSearch(): Promise<SearchableRead[]> {
    this.searchable ??= this.store.allReads();
    this.searchable.catch(() => (this.searchable = null));
    return this.searchable;
  }

  async count(): Promise<number> {
    return (await this.store.readIds()).length;
  }

  /** Bytes of the index segments (the reads' text is the rest of what is stored). */
  async segmentBytes(): Promise<number> {
    return (await this.store.segments()).reduce((sum, e) => sum + e.stored.bytes.byteLength, 0);
  }

  /** Forget everything: the database is deleted, and nothing is kept in memory either. */
  async forget(): Promise<void> {
    this.loaded = null;
    this.searchable = null;
    this.forQuery = null;
    this.lastFound = new Map();
    await this.store.destroy();
  }

  /** For tests and the merge: the documents of every segment. */
  async documents(): Promise<number[]> {
    const { segments } = await this.segments();
    return segments.flatMap((s) => segmentDocs(s).map((d) => d.id));
  }
}
