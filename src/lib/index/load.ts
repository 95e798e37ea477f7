/**
 * Opening the shipped index: meta.json, then the binary pack parts in parallel, checked against the sizes (and,
 * when asked, SHA-256) that meta.json lists. Views over the pack are typed arrays; the only decoding at load is
 * the term table (one TextDecoder call and a split), so a cold start is mostly the file reads.
 */
import type { DocRecord } from '../types';
import { ChunkedBytes, lowerBound } from './bytes';
import { FIELD_SEP, FORMAT_VERSION, META_FILE, NO_SOURCE, type ShippedMeta } from './format';
import { openPack, type PackSections } from './pack';
import type { IndexSource } from './source';

export class IndexLoadError extends Error {
  override name = 'IndexLoadError';
}

export interface LoadOptions {
  /** Check each pack file's SHA-256 against meta.json (sizes are always checked). Default false. */
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
  readonly nbPos: Uint32Array;
  /** Score of each article's best neighbour; nbScore holds the others as 1..255 of it. */
  readonly nbTop: Float32Array;
  readonly nbScore: Uint8Array;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly meta: ShippedMeta,
    s: PackSections,
  ) {
    this.docCount = meta.sila.docCount;
    this.terms = this.decoder.decode(s.u8('termText')).split('\n');
    this.idf = s.f32('idf');
    this.df = s.u32('df');
    this.postOffsets = s.u32('postOffsets');
    this.postings = chunked(s, 'postings', s.u32('postChunkStarts'));
    this.docNorm = s.f32('docNorm');
    this.docOffsets = s.u32('docOffsets');
    this.docText = chunked(s, 'docText', s.u32('docChunkStarts'));
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
    this.nbPos = s.u32('nbPos');
    this.nbTop = s.f32('nbTop');
    this.nbScore = s.u8('nbScore');
    if (this.terms.length !== meta.sila.termCount || this.docNorm.length !== this.docCount) {
      throw new IndexLoadError('index pack does not match meta.json (term or document count differs): rebuild the index');
    }
  }

  /** Display record of the document at `position` (decoded on demand). */
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

function chunked(s: PackSections, name: string, starts: Uint32Array): ChunkedBytes {
  return new ChunkedBytes(Array.from(starts, (_, i) => s.u8(`${name}.${i}`)), starts);
}

export async function loadIndex(source: IndexSource, options: LoadOptions = {}): Promise<LoadedIndex> {
  let meta: ShippedMeta;
  try {
    meta = JSON.parse(await source.text(META_FILE)) as ShippedMeta;
  } catch (error) {
    throw new IndexLoadError(`index file ${META_FILE} is missing or not JSON (${(error as Error).message}): rebuild the index`);
  }
  if (meta.formatVersion !== FORMAT_VERSION || !meta.sila?.pack) {
    throw new IndexLoadError(
      `index format ${meta.formatVersion} is not the version this code reads (${FORMAT_VERSION}): rebuild the index with npm run build:index`,
    );
  }
  const listed = new Map(meta.files.map((f) => [f.name, f]));
  const parts = await Promise.all(
    meta.sila.pack.parts.map(async (name) => {
      let bytes: Uint8Array;
      try {
        bytes = await source.bytes(name);
      } catch (error) {
        throw new IndexLoadError(`index file ${name} could not be read (${(error as Error).message})`);
      }
      const expected = listed.get(name);
      if (!expected) throw new IndexLoadError(`index file ${name} is not listed in ${META_FILE}`);
      if (bytes.byteLength !== expected.bytes) {
        throw new IndexLoadError(`index file ${name} has ${bytes.byteLength} bytes, ${META_FILE} says ${expected.bytes}: the package is corrupt`);
      }
      if (options.verifyHashes && (await sha256Hex(bytes)) !== expected.sha256) {
        throw new IndexLoadError(`index file ${name} does not match its SHA-256 in ${META_FILE}: the package is corrupt`);
      }
      return bytes;
    }),
  );
  try {
    return new LoadedIndex(meta, openPack(meta.sila.pack, parts));
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    throw new IndexLoadError(`index pack is unreadable (${(error as Error).message}): rebuild the index`);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
