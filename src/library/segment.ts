/**
 * The library's index segments: remembered articles as inverted postings over the bundled vocabulary, in the
 * bundled pack's typed-array layout (src/lib/index/pack.ts), so that a cold service worker opens a stored
 * segment by making views over its bytes, without analysing any text again.
 *
 * A segment is written once (one per remembered article) and segments are merged now and then into one,
 * dropping forgotten documents, like Lucene's segments. Term ids and saturation levels are the bundled index's
 * (weighDocument over its idf and avgLength), so a remembered article is scored exactly as a bundled one.
 */
import { PackWriter, openPack, type PackLayout } from '../lib/index/pack';
import type { WeighedDoc } from '../lib/index/weigh';

/** Bump when the layout or the meaning of a section changes; a segment of another version is rebuilt from the reads. */
export const SEGMENT_VERSION = 1;

/** One document given to a segment: its library id, its date in hours (NO_DATE when undated) and its weighting. */
export interface SegmentDoc {
  id: number;
  hours: number;
  doc: WeighedDoc;
}

export interface Segment {
  /** Library id of each local document (ascending). */
  docIds: Uint32Array;
  docNorm: Float32Array;
  docHours: Int32Array;
  /** Distinct term ids with postings, ascending. */
  terms: Uint32Array;
  /** Start of each term's postings in postDocs/postLevels; length terms.length + 1. */
  postOffsets: Uint32Array;
  /** Local document numbers, ascending within a term. */
  postDocs: Uint32Array;
  /** Saturation level 1..15 of each posting (the bundled postings' 4-bit level). */
  postLevels: Uint8Array;
}

/** What is stored for a segment: its layout and one part of bytes, tagged with the vocabulary it was built on. */
export interface StoredSegment {
  v: number;
  /** Which bundled index the term ids refer to (see vocabularyKey). */
  vocabulary: string;
  layout: PackLayout;
  bytes: Uint8Array;
}

export function buildSegment(input: SegmentDoc[]): Segment {
  const docs = [...input].sort((a, b) => a.id - b.id);
  for (let i = 1; i < docs.length; i++) if (docs[i].id === docs[i - 1].id) throw new Error(`library document ${docs[i].id} given twice`);
  const perTerm = new Map<number, number>();
  for (const { doc } of docs) for (const t of doc.terms) perTerm.set(t, (perTerm.get(t) ?? 0) + 1);
  const terms = Uint32Array.from([...perTerm.keys()].sort((a, b) => a - b));
  const postOffsets = new Uint32Array(terms.length + 1);
  const slotOf = new Map<number, number>();
  terms.forEach((t, i) => {
    postOffsets[i + 1] = postOffsets[i] + perTerm.get(t)!;
    slotOf.set(t, i);
  });
  const fill = postOffsets.slice(0, terms.length);
  const postDocs = new Uint32Array(postOffsets[terms.length]);
  const postLevels = new Uint8Array(postDocs.length);
  docs.forEach(({ doc }, local) => {
    doc.terms.forEach((t, j) => {
      const at = fill[slotOf.get(t)!]++;
      postDocs[at] = local;
      postLevels[at] = doc.levels[j];
    });
  });
  return {
    docIds: Uint32Array.from(docs, (d) => d.id),
    docNorm: Float32Array.from(docs, (d) => d.doc.norm),
    docHours: Int32Array.from(docs, (d) => d.hours),
    terms,
    postOffsets,
    postDocs,
    postLevels,
  };
}

/** Each document of a segment back as a SegmentDoc (terms ascending, as weighDocument gives them). */
export function segmentDocs(s: Segment): SegmentDoc[] {
  const terms: number[][] = Array.from(s.docIds, () => []);
  const levels: number[][] = Array.from(s.docIds, () => []);
  for (let i = 0; i < s.terms.length; i++) {
    for (let at = s.postOffsets[i]; at < s.postOffsets[i + 1]; at++) {
      terms[s.postDocs[at]].push(s.terms[i]);
      levels[s.postDocs[at]].push(s.postLevels[at]);
    }
  }
  return Array.from(s.docIds, (id, local) => ({
    id,
    hours: s.docHours[local],
    doc: { terms: Uint32Array.from(terms[local]), levels: Uint8Array.from(levels[local]), norm: s.docNorm[local] },
  }));
}

/** Several segments as one, without the documents `drop` names; a document in two segments keeps its latest copy. */
export function mergeSegments(segments: Segment[], drop: ReadonlySet<number> = new Set()): Segment {
  const byId = new Map<number, SegmentDoc>();
  for (const s of segments) for (const d of segmentDocs(s)) if (!drop.has(d.id)) byId.set(d.id, d);
  return buildSegment([...byId.values()]);
}

export function encodeSegment(s: Segment, vocabulary: string): StoredSegment {
  const w = new PackWriter()
    .add('docIds', s.docIds)
    .add('docNorm', s.docNorm)
    .add('docHours', s.docHours)
    .add('terms', s.terms)
    .add('postOffsets', s.postOffsets)
    .add('postDocs', s.postDocs)
    .add('postLevels', s.postLevels);
  const { layout, parts } = w.finish('segment', Number.MAX_SAFE_INTEGER);
  return { v: SEGMENT_VERSION, vocabulary, layout, bytes: parts[0] ?? new Uint8Array(0) };
}

export class SegmentDecodeError extends Error {
  override name = 'SegmentDecodeError';
}

/** Views over a stored segment's bytes (no copy); throws SegmentDecodeError when they do not add up. */
export function decodeSegment(stored: StoredSegment): Segment {
  if (stored.v !== SEGMENT_VERSION) throw new SegmentDecodeError(`library segment version ${stored.v} is not ${SEGMENT_VERSION}`);
  try {
    const p = openPack(stored.layout, [stored.bytes]);
    const s: Segment = {
      docIds: p.u32('docIds'),
      docNorm: p.f32('docNorm'),
      docHours: p.i32('docHours'),
      terms: p.u32('terms'),
      postOffsets: p.u32('postOffsets'),
      postDocs: p.u32('postDocs'),
      postLevels: p.u8('postLevels'),
    };
    const n = s.docIds.length;
    const postings = s.postDocs.length;
    if (s.docNorm.length !== n || s.docHours.length !== n || s.postOffsets.length !== s.terms.length + 1 || s.postLevels.length !== postings || s.postOffsets[s.terms.length] !== postings) {
      throw new Error('section lengths disagree');
    }
    for (let i = 0; i < postings; i++) if (s.postDocs[i] >= n) throw new Error('a posting names no document');
    return s;
  } catch (error) {
    if (error instanceof SegmentDecodeError) throw error;
    throw new SegmentDecodeError(`library segment is unreadable (${(error as Error).message})`);
  }
}

/** Which bundled index a segment's term ids refer to: segments of another one are rebuilt from the stored reads. */
export function vocabularyKey(meta: { builtAt: string; corpus: { name: string; articleCount: number } }): string {
  return `${meta.corpus.name}/${meta.corpus.articleCount}/${meta.builtAt}`;
}
