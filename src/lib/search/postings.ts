/**
 * A compact inverted index for one field: sorted term table + varint postings, one binary blob.
 *
 * Why not MiniSearch's JSON: for the title field alone, `JSON.parse` + `MiniSearch.loadJS` take ~400 ms on this
 * machine (an object per posting list, a Map per posting list, a parseInt per document id). This blob loads with
 * a few typed-array views and one TextDecoder call; posting lists are decoded only when a query touches them.
 *
 * Layout (little endian):
 *   "SLP1"  u32 headerBytes  header JSON (utf-8)  pad to 4
 *   u32[termCount + 1]  offsets into postings
 *   u16[docCount]       field length per document (unique terms, capped at 65535)
 *   u8[...]             postings: per term, varint((docGap << 2) | (min(tf, 4) - 1)), documents ascending
 *   utf-8               terms, ascending (code unit order), joined by "\n"
 */
import { ByteWriter, VarintReader } from '../index/bytes';

const MAGIC = 0x31504c53; // "SLP1"
const MAX_TF = 4;

export interface PostingsHeader {
  docCount: number;
  termCount: number;
  /** Mean field length over all documents (MiniSearch's definition: unique terms per document). */
  avgLength: number;
  postingBytes: number;
  termBytes: number;
}

/** One field's terms per document, in, a PostingsTable blob out. */
export class PostingsWriter {
  private readonly perTerm = new Map<string, number[]>();
  private readonly lengths: number[] = [];

  /** Add the next document (positions must be added in order 0, 1, 2, …). */
  add(position: number, terms: readonly string[]): void {
    if (position !== this.lengths.length) throw new Error(`postings: position ${position} out of order`);
    const tf = new Map<string, number>();
    // A newline would break the term table; the analyzer never emits one, but a foreign caller might.
    for (const t of terms) if (t && !t.includes('\n')) tf.set(t, (tf.get(t) ?? 0) + 1);
    this.lengths.push(Math.min(tf.size, 0xffff));
    for (const [t, n] of tf) {
      let list = this.perTerm.get(t);
      if (!list) this.perTerm.set(t, (list = []));
      list.push(position, n);
    }
  }

  /** Drop terms found in more than `maxDf` documents (a query term that common hardly ranks anything). */
  finish(options: { maxDf?: number } = {}): Uint8Array {
    const maxDf = options.maxDf ?? Infinity;
    const terms = [...this.perTerm.keys()].filter((t) => this.perTerm.get(t)!.length / 2 <= maxDf).sort(compareCodeUnits);
    const bytes = new ByteWriter();
    const offsets = new Uint32Array(terms.length + 1);
    terms.forEach((t, i) => {
      offsets[i] = bytes.length;
      const list = this.perTerm.get(t)!;
      let prev = 0;
      for (let j = 0; j < list.length; j += 2) {
        bytes.varint(((list[j] - prev) * 4) + (Math.min(list[j + 1], MAX_TF) - 1));
        prev = list[j];
      }
    });
    offsets[terms.length] = bytes.length;
    const postings = bytes.finish();
    const termBytes = new TextEncoder().encode(terms.join('\n'));
    const docCount = this.lengths.length;
    const avgLength = docCount ? this.lengths.reduce((a, b) => a + b, 0) / docCount : 0;
    const header: PostingsHeader = { docCount, termCount: terms.length, avgLength, postingBytes: postings.length, termBytes: termBytes.length };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const headerEnd = align4(8 + headerBytes.length);
    const total = headerEnd + offsets.byteLength + align4(docCount * 2) + postings.length + termBytes.length;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, headerBytes.length, true);
    out.set(headerBytes, 8);
    let at = headerEnd;
    for (let i = 0; i < offsets.length; i++, at += 4) view.setUint32(at, offsets[i], true);
    for (let i = 0; i < docCount; i++) view.setUint16(at + i * 2, this.lengths[i], true);
    at += align4(docCount * 2);
    out.set(postings, at);
    out.set(termBytes, at + postings.length);
    return out;
  }
}

/** Read side of PostingsWriter. Cheap to open: the term table is one split, postings stay encoded. */
export class PostingsTable {
  readonly header: PostingsHeader;
  /** Ascending (code unit order). */
  readonly terms: string[];
  readonly lengths: Uint16Array;
  private readonly offsets: Uint32Array;
  private readonly postings: Uint8Array;

  constructor(blob: Uint8Array) {
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    if (blob.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('search index: not a postings file (bad magic)');
    const headerLength = view.getUint32(4, true);
    const decoder = new TextDecoder();
    this.header = JSON.parse(decoder.decode(blob.subarray(8, 8 + headerLength))) as PostingsHeader;
    const { docCount, termCount, postingBytes, termBytes } = this.header;
    let at = align4(8 + headerLength);
    // slice() copies into a fresh, aligned buffer: the blob's byteOffset may not be a multiple of 4.
    this.offsets = new Uint32Array(blob.slice(at, at + (termCount + 1) * 4).buffer);
    at += (termCount + 1) * 4;
    this.lengths = new Uint16Array(blob.slice(at, at + docCount * 2).buffer);
    at += align4(docCount * 2);
    this.postings = blob.subarray(at, at + postingBytes);
    at += postingBytes;
    if (at + termBytes !== blob.byteLength) throw new Error('search index: postings file has the wrong length');
    this.terms = termCount ? decoder.decode(blob.subarray(at, at + termBytes)).split('\n') : [];
    if (this.terms.length !== termCount) throw new Error('search index: term table does not match its header');
  }

  /** Index of `term` in the term table, or -1. */
  find(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.terms[mid];
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Calls fn(position, tf) for each document of term `i`, ascending; returns the document frequency. */
  forEach(i: number, fn: (position: number, tf: number) => void): number {
    const { docs, tfs } = this.decode(i);
    for (let n = 0; n < docs.length; n++) fn(docs[n], tfs[n]);
    return docs.length;
  }

  /** The documents of term `i` (ascending) and their term frequencies, as typed arrays: no call per document. */
  decode(i: number): { docs: Int32Array; tfs: Uint8Array } {
    const p = this.postings;
    let at = this.offsets[i];
    const end = this.offsets[i + 1];
    const docs = new Int32Array(this.df(i));
    const tfs = new Uint8Array(docs.length);
    const values = new VarintReader(p, at, end);
    let doc = 0;
    for (let n = 0; values.more(); n++) {
      const v = values.next();
      doc += v >>> 2;
      docs[n] = doc;
      tfs[n] = (v & 3) + 1;
    }
    return { docs, tfs };
  }

  /** Document frequency of term `i` (counts varints without decoding them). */
  df(i: number): number {
    const p = this.postings;
    let n = 0;
    for (let at = this.offsets[i], end = this.offsets[i + 1]; at < end; at++) if (!(p[at] & 0x80)) n++;
    return n;
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Plain `<` order on UTF-16 code units, the order binary search relies on (not localeCompare). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
