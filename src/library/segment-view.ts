/**
 * Several stored segments seen as one, in memory: a query looks each of its terms up once, not once per segment.
 * A collection is stored as one segment per import chunk (CHUNK_ARTICLES, 20 for 10,000 articles) and the reads
 * as up to MERGE_AT + 1; looking the page's ~130 terms up in each segment was a third of a library query's cost
 * (bench:library, CPU profile). The view is the segments' documents in order, each term's postings in that order,
 * so a ranking over it adds the same numbers in the same order as over the segments one by one: same scores.
 * Nothing is stored: the stored segments stay as they are (merged on disk only by Library.remember).
 */
import type { Segment } from './segment';

const EMPTY: Segment = {
  docIds: new Uint32Array(0),
  docNorm: new Float32Array(0),
  docHours: new Int32Array(0),
  terms: new Uint32Array(0),
  postOffsets: new Uint32Array(1),
  postDocs: new Uint32Array(0),
  postLevels: new Uint8Array(0),
};

/** One segment holding every document of `segments`, in their order (local numbers run on from one to the next). */
export function segmentView(segments: readonly Segment[]): Segment {
  if (segments.length === 0) return EMPTY;
  if (segments.length === 1) return segments[0];
  let maxTerm = 0;
  let docs = 0;
  let postings = 0;
  for (const s of segments) {
    if (s.terms.length > 0) maxTerm = Math.max(maxTerm, s.terms[s.terms.length - 1]);
    docs += s.docIds.length;
    postings += s.postDocs.length;
  }
  // Which terms occur, in ascending order, and their postings' total.
  const seen = new Uint8Array(maxTerm + 1);
  let distinct = 0;
  for (const s of segments) {
    for (let i = 0; i < s.terms.length; i++) {
      if (seen[s.terms[i]] === 0) distinct++;
      seen[s.terms[i]] = 1;
    }
  }
  const terms = new Uint32Array(distinct);
  for (let t = 0, k = 0; t <= maxTerm; t++) if (seen[t]) terms[k++] = t;
  // Term by term, each segment's run of that term in segment order: every segment is read front to back and the
  // view written front to back (writing each segment's runs at their places in turn missed the cache at each run).
  const postOffsets = new Uint32Array(distinct + 1);
  const postDocs = new Uint32Array(postings);
  const postLevels = new Uint8Array(postings);
  const bases = new Uint32Array(segments.length);
  for (let j = 1; j < segments.length; j++) bases[j] = bases[j - 1] + segments[j - 1].docIds.length;
  const cursor = new Uint32Array(segments.length);
  let to = 0;
  for (let k = 0; k < distinct; k++) {
    const t = terms[k];
    postOffsets[k] = to;
    for (let j = 0; j < segments.length; j++) {
      const s = segments[j];
      const i = cursor[j];
      if (i >= s.terms.length || s.terms[i] !== t) continue;
      const base = bases[j];
      for (let at = s.postOffsets[i], end = s.postOffsets[i + 1]; at < end; at++, to++) {
        postDocs[to] = s.postDocs[at] + base;
        postLevels[to] = s.postLevels[at];
      }
      cursor[j] = i + 1;
    }
  }
  postOffsets[distinct] = to;
  const docIds = new Uint32Array(docs);
  const docNorm = new Float32Array(docs);
  const docHours = new Int32Array(docs);
  segments.forEach((s, j) => {
    docIds.set(s.docIds, bases[j]);
    docNorm.set(s.docNorm, bases[j]);
    docHours.set(s.docHours, bases[j]);
  });
  return { docIds, docNorm, docHours, terms, postOffsets, postDocs, postLevels };
}

/**
 * A moment after segments are first asked about: the view is built then, off the first answer's path (a cold
 * start answers over the segments as stored; 10,000 articles' view costs ~6 ms).
 */
export const VIEW_AFTER_MS = 250;

/** The segments a query walks: as given until their view is built, VIEW_AFTER_MS after the first ask, then the view. */
export class SegmentsForQuery {
  private view: Segment | null = null;
  private scheduled = false;

  constructor(readonly segments: readonly Segment[]) {}

  current(): readonly Segment[] {
    if (this.view) return [this.view];
    if (!this.scheduled && this.segments.length > 1) {
      this.scheduled = true;
      setTimeout(() => (this.view = segmentView(this.segments)), VIEW_AFTER_MS);
    }
    return this.segments;
  }
}
