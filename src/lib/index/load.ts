/**
 * Opening the shipped index: meta.json, then the binary pack parts in parallel, checked against the sizes (and,
 * when asked, SHA-256) that meta.json lists. Views over the pack are typed arrays; the only decoding at load is
 * the term table (one TextDecoder call and a split), so a cold start is mostly the file reads. The postings,
 * the doc store and the neighbour table are read later, file by file, as queries need them (ensure*).
 */
import type { DocRecord } from '../types';
import { ChunkedBytes, lowerBound } from './bytes';
import { FIELD_SEP, FORMAT_VERSION, META_FILE, NO_NEIGHBOUR, NO_SOURCE, nbRecordBytes, type ShippedMeta } from './format';
import { openPack, type PackSections } from './pack';
import type { IndexSource } from './source';

/**
 * Why the index did not open. `corrupt`: a file differs from what meta.json lists (its size, or its SHA-256),
 * so the installed package is damaged and only a reinstall helps; `unreadable`: anything else (missing, another
 * format version, a read that failed), which a rebuild or a retry may mend.
 */
export type IndexFault = 'corrupt' | 'unreadable';

export class IndexLoadError extends Error {
  override name = 'IndexLoadError';

  constructor(
    message: string,
    readonly fault: IndexFault = 'unreadable',
  ) {
    super(message);
  }
}

export interface LoadOptions {
  /**
   * Check each file's SHA-256 against meta.json (sizes are always checked). Default false. This also reads every
   * file read on demand otherwise, so that the whole package is checked (the extension does it at install).
   */
  verifyHashes?: boolean;
}

export class LoadedIndex {
  readonly docCount: number;
  readonly terms: string[];
  readonly idf: Float32Array;
  readonly df: Uint32Array;
  readonly postOffsets: Uint32Array;
  readonly postings: ChunkedBytes;
  readonly docNorm: Float32Array;
  readonly docOffsets: Uint32Array;
  readonly docText: ChunkedBytes;
  readonly docSource: Uint16Array;
  readonly docHours: Int32Array;
  readonly docStory: Uint32Array;
  readonly storyOffsets: Uint32Array;
  readonly storyMembers: Uint32Array;
  readonly urlHash: Uint32Array;
  readonly urlPos: Uint32Array;
  readonly titleHash: Uint32Array;
  readonly titlePos: Uint32Array;
  readonly leadHash: Uint32Array;
  readonly queryNorm: Float32Array;
  /** Score of each article's best neighbour; the neighbour records hold the others as 1..255 of it. */
  readonly nbTop: Float32Array;
  /** Neighbour records (read on demand): per article `neighbours` u32 positions, then their u8 scores. */
  readonly nb: ChunkedBytes;
  /** Distinct vocabulary terms of each title, ascending ids as varint gaps. */
  readonly titleTermOffsets: Uint32Array;
  readonly titleTermIds: Uint8Array;
  /** Titles holding each term (title share of a term = titleDf / df). */
  readonly titleDf: Uint32Array;
  private readonly nbStride: number;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly meta: ShippedMeta,
    s: PackSections,
    lazy: (kind: keyof ShippedMeta['sila']['lazy'], chunk: number) => Promise<Uint8Array>,
  ) {
    this.docCount = meta.sila.docCount;
    this.terms = this.decoder.decode(s.u8('termText')).split('\n');
    this.idf = s.f32('idf');
    this.df = s.u32('df');
    this.postOffsets = s.u32('postOffsets');
    this.postings = onDemand(s, 'postings', lazy);
    this.docNorm = s.f32('docNorm');
    this.docOffsets = s.u32('docOffsets');
    this.docText = onDemand(s, 'docText', lazy);
    this.docSource = s.u16('docSource');
    this.docHours = s.i32('docHours');
    this.docStory = s.u32('docStory');
    this.storyOffsets = s.u32('storyOffsets');
    this.storyMembers = s.u32('storyMembers');
    this.urlHash = s.u32('urlHash');
    this.urlPos = s.u32('urlPos');
    this.titleHash = s.u32('titleHash');
    this.titlePos = s.u32('titlePos');
    this.leadHash = s.u32('leadHash');
    this.queryNorm = s.f32('queryNorm');
    this.nbTop = s.f32('nbTop');
    this.nb = onDemand(s, 'neighbours', lazy);
    this.nbStride = nbRecordBytes(meta.sila.params.neighbours);
    this.titleTermOffsets = s.u32('titleTermOffsets');
    this.titleTermIds = s.u8('titleTermIds');
    this.titleDf = s.u32('titleDf');
    if (
      this.terms.length !== meta.sila.termCount ||
      this.df.length !== meta.sila.termCount ||
      this.titleDf.length !== meta.sila.termCount ||
      this.docNorm.length !== this.docCount
    ) {
      throw new IndexLoadError('index pack does not match meta.json (term or document count differs): rebuild the index');
    }
  }

  /** Whether every one of these terms' postings is in memory already (then no read is needed to score them). */
  hasPostings(terms: Iterable<number>): boolean {
    for (const t of terms) if (this.postOffsets[t + 1] > this.postOffsets[t] && !this.postings.has(this.postOffsets[t])) return false;
    return true;
  }

  /** Read the postings of these terms (the files holding them), so that scoring can run. */
  ensurePostings(terms: Iterable<number>): Promise<void> {
    const offsets: number[] = [];
    for (const t of terms) if (this.postOffsets[t + 1] > this.postOffsets[t]) offsets.push(this.postOffsets[t]);
    return this.postings.ensure(offsets);
  }

  /** Read the doc-store records of these positions, so that doc() can decode them. */
  ensureDocs(positions: Iterable<number>): Promise<void> {
    const offsets: number[] = [];
    for (const p of positions) if (p >= 0 && p < this.docCount) offsets.push(this.docOffsets[p]);
    return this.docText.ensure(offsets);
  }

  /** Read the neighbour records of these positions, so that neighbours() can answer. */
  ensureNeighbours(positions: Iterable<number>): Promise<void> {
    const offsets: number[] = [];
    for (const p of positions) if (p >= 0 && p < this.docCount) offsets.push(p * this.nbStride);
    return this.nb.ensure(offsets);
  }

  /** Precomputed neighbours of `position` (loaded: see ensureNeighbours), best first, with their scores. */
  neighbours(position: number): { positions: number[]; scores: number[] } {
    const m = this.meta.sila.params.neighbours;
    const at = position * this.nbStride;
    const record = this.nb.slice(at, at + this.nbStride);
    const positions: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < m; i++) {
      const c = (record[4 * i] | (record[4 * i + 1] << 8) | (record[4 * i + 2] << 16) | (record[4 * i + 3] << 24)) >>> 0;
      if (c === NO_NEIGHBOUR) break;
      positions.push(c);
      scores.push((this.nbTop[position] * record[4 * m + i]) / 255);
    }
    return { positions, scores };
  }

  /** Calls `visit` with the id of each distinct vocabulary term of the title at `position`. */
  forEachTitleTerm(position: number, visit: (term: number) => void): void {
    // The varint decoded inline, as in the scorer's walks: this runs for every candidate of a cold first query.
    const bytes = this.titleTermIds;
    const end = this.titleTermOffsets[position + 1];
    let id = 0;
    for (let at = this.titleTermOffsets[position]; at < end; ) {
      let b = bytes[at++];
      let v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[at++];
        v |= (b & 0x7f) << shift;
      }
      id += v;
      visit(id);
    }
  }

  /** Display record of the document at `position` (decoded on demand; its chunk loaded: see ensureDocs). */
  doc(position: number): DocRecord {
    if (!(position >= 0 && position < this.docCount)) throw new RangeError(`no document at position ${position}`);
    const [id, title, url, published, snippet] = this.decoder
      .decode(this.docText.slice(this.docOffsets[position], this.docOffsets[position + 1]))
      .split(FIELD_SEP);
    const source = this.docSource[position];
    return {
      id,
      title,
      url: url || null,
      source: source === NO_SOURCE ? null : this.meta.sila.sources[source],
      published: published || null,
      snippet,
      story: this.docStory[position],
    };
  }

  /** Id of a term, or -1 (binary search over the sorted term table). */
  termId(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid];
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Positions whose hash in (keys, values) equals `hash`. */
  static lookup(keys: Uint32Array, values: Uint32Array, hash: number): number[] {
    const out: number[] = [];
    for (let i = lowerBound(keys, hash); i < keys.length && keys[i] === hash; i++) out.push(values[i]);
    return out;
  }

  storyOf(position: number): number[] {
    const s = this.docStory[position];
    return Array.from(this.storyMembers.subarray(this.storyOffsets[s], this.storyOffsets[s + 1]));
  }
}

function onDemand(
  s: PackSections,
  kind: keyof ShippedMeta['sila']['lazy'],
  load: (kind: keyof ShippedMeta['sila']['lazy'], chunk: number) => Promise<Uint8Array>,
): ChunkedBytes {
  const starts = s.u32(`${kind}ChunkStarts`);
  return new ChunkedBytes(Array.from(starts, () => null), starts, (chunk) => load(kind, chunk));
}

export async function loadIndex(source: IndexSource, options: LoadOptions = {}): Promise<LoadedIndex> {
  let meta: ShippedMeta;
  try {
    meta = JSON.parse(await source.text(META_FILE)) as ShippedMeta;
  } catch (error) {
    throw new IndexLoadError(`index file ${META_FILE} is missing or not JSON (${(error as Error).message}): rebuild the index`);
  }
  if (meta.formatVersion !== FORMAT_VERSION || !meta.sila?.pack || !meta.sila.lazy) {
    throw new IndexLoadError(
      `index format ${meta.formatVersion} is not the version this code reads (${FORMAT_VERSION}): rebuild the index with npm run build:index`,
    );
  }
  const listed = new Map(meta.files.map((f) => [f.name, f]));
  const read = async (name: string): Promise<Uint8Array> => {
    let bytes: Uint8Array;
    try {
      bytes = await source.bytes(name);
    } catch (error) {
      throw new IndexLoadError(`index file ${name} could not be read (${(error as Error).message})`);
    }
    const expected = listed.get(name);
    if (!expected) throw new IndexLoadError(`index file ${name} is not listed in ${META_FILE}`);
    if (bytes.byteLength !== expected.bytes) {
      throw new IndexLoadError(`index file ${name} has ${bytes.byteLength} bytes, ${META_FILE} says ${expected.bytes}: the package is corrupt`, 'corrupt');
    }
    if (options.verifyHashes && (await sha256Hex(bytes)) !== expected.sha256) {
      throw new IndexLoadError(`index file ${name} does not match its SHA-256 in ${META_FILE}: the package is corrupt`, 'corrupt');
    }
    return bytes;
  };
  const lazy = meta.sila.lazy;
  const parts = await Promise.all(meta.sila.pack.parts.map(read));
  let index: LoadedIndex;
  try {
    index = new LoadedIndex(meta, openPack(meta.sila.pack, parts), (kind, chunk) => read(lazy[kind][chunk]));
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    throw new IndexLoadError(`index pack is unreadable (${(error as Error).message}): rebuild the index`);
  }
  if (options.verifyHashes) {
    // The full check reads (and so keeps) every file, so that a damaged one is found now rather than by a query.
    await Promise.all([index.postings, index.docText, index.nb].map((chunks) => chunks.ensure(chunks.starts)));
  }
  return index;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
