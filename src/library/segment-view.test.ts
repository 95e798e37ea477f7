import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { confidenceOf, defaultRankParams } from '../lib/related/rank';
import { buildSegment, mergeSegments, segmentDocs, type Segment, type SegmentDoc } from './segment';
import { rankLibrary, type LibraryHit, type LibraryQuery } from './rank';
import { SegmentsForQuery, VIEW_AFTER_MS, segmentView } from './segment-view';

/** Documents with terms out of a vocabulary of `vocabulary` ids (large enough for many sample blocks of terms). */
const docsArb = (vocabulary: number) =>
  fc.array(
    fc.record({
      terms: fc.uniqueArray(fc.integer({ min: 0, max: vocabulary - 1 }), { minLength: 1, maxLength: 60 }),
      seed: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 60, maxLength: 60 }),
      norm: fc.float({ min: 0.5, max: 20, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40 },
  );

/** The documents cut into segments at `cuts`, with ids 1..n in order (as a collection's chunks are). */
function segmentsOf(docs: { terms: number[]; seed: number[]; norm: number }[], cuts: number[]): Segment[] {
  const all: SegmentDoc[] = docs.map((d, i) => {
    const terms = [...d.terms].sort((a, b) => a - b);
    return { id: i + 1, hours: i, doc: { terms: Uint32Array.from(terms), levels: Uint8Array.from(terms, (_, j) => d.seed[j]), norm: d.norm } };
  });
  const bounds = [...new Set([0, ...cuts.map((c) => c % (all.length + 1)), all.length])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 1; i < bounds.length; i++) if (bounds[i] > bounds[i - 1]) out.push(buildSegment(all.slice(bounds[i - 1], bounds[i])));
  return out;
}

const queryArb = (vocabulary: number) =>
  fc.record({
    terms: fc.uniqueArray(fc.integer({ min: 0, max: vocabulary - 1 }), { minLength: 1, maxLength: 30 }),
    rest: fc.uniqueArray(fc.integer({ min: 0, max: vocabulary - 1 }), { maxLength: 100 }),
    weight: fc.float({ min: Math.fround(0.1), max: 5, noNaN: true }),
    norm: fc.float({ min: 1, max: 40, noNaN: true }),
  });

function libraryQuery(q: { terms: number[]; rest: number[]; weight: number; norm: number }): LibraryQuery {
  const rest = q.rest.filter((t) => !q.terms.includes(t));
  return { terms: q.terms, weights: q.terms.map((_, i) => q.weight / (1 + i)), norm: q.norm, restTerms: rest, restWeights: rest.map((_, i) => q.weight / (2 + i)) };
}

/**
 * rankLibrary by its definition, document by document: each query term's weight × saturation added in the
 * query's order, listed by the query terms' cosine, confident by the whole page's.
 */
function reference(segments: Segment[], q: LibraryQuery, k1: number, limit: number, minConfidence: number): LibraryHit[] {
  const p = defaultRankParams;
  const sat = (level: number) => (level / 15) * (k1 + 1);
  const hits: LibraryHit[] = [];
  for (const s of segments) {
    for (const d of segmentDocs(s)) {
      const level = new Map(Array.from(d.doc.terms, (t, j) => [t, d.doc.levels[j]]));
      let score = 0;
      for (let i = 0; i < q.terms.length; i++) if (level.has(q.terms[i])) score += q.weights[i] * sat(level.get(q.terms[i])!);
      if (score <= 0) continue;
      const denominator = q.norm * d.doc.norm || 1;
      if (confidenceOf(score / denominator, p.confidenceHalf) < minConfidence) continue;
      let rest = 0;
      for (let i = 0; i < q.restTerms!.length; i++) if (level.has(q.restTerms![i])) rest += q.restWeights![i] * sat(level.get(q.restTerms![i])!);
      hits.push({ id: d.id, score, cosine: score / denominator, confidence: confidenceOf((score + rest) / denominator, p.confidenceWholeHalf) });
    }
  }
  return hits.sort((a, b) => b.confidence - a.confidence || a.id - b.id).slice(0, limit);
}

describe('segmentView: several segments seen as one', () => {
  it('holds exactly the documents of the segments, each with its terms, levels, norm and date', () => {
    fc.assert(
      fc.property(docsArb(400), fc.array(fc.nat(), { maxLength: 6 }), (docs, cuts) => {
        const segments = segmentsOf(docs, cuts);
        expect(segmentDocs(segmentView(segments))).toEqual(segmentDocs(mergeSegments(segments)));
      }),
      { numRuns: 150 },
    );
  });

  it('an empty list is an empty segment, one segment is itself', () => {
    expect(segmentView([]).docIds.length).toBe(0);
    const one = segmentsOf([{ terms: [3, 1], seed: Array(60).fill(7), norm: 2 }], []);
    expect(segmentView(one)).toBe(one[0]);
  });
});

describe('rankLibrary', () => {
  it('gives the hits of its definition, over the segments one by one and over their view (same numbers, not close ones)', () => {
    fc.assert(
      fc.property(docsArb(400), fc.array(fc.nat(), { maxLength: 6 }), queryArb(400), fc.constantFrom(0, 0.05, 0.2, 0.6), (docs, cuts, q, minConfidence) => {
        const segments = segmentsOf(docs, cuts);
        const query = libraryQuery(q);
        const expected = reference(segments, query, 1.2, 10, minConfidence);
        expect(rankLibrary(segments, query, { k1: 1.2, limit: 10, minConfidence })).toEqual(expected);
        expect(rankLibrary([segmentView(segments)], query, { k1: 1.2, limit: 10, minConfidence })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('finds terms at every place of a segment with many sample blocks (first, last, block edges)', () => {
    const terms = Array.from({ length: 300 }, (_, i) => i * 3);
    const segment = buildSegment([{ id: 1, hours: 0, doc: { terms: Uint32Array.from(terms), levels: Uint8Array.from(terms, () => 15), norm: 1 } }]);
    for (const t of [0, 3 * 31, 3 * 32, 3 * 33, 3 * 63, 3 * 64, 3 * 299]) {
      expect(rankLibrary([segment], { terms: [t], weights: [1], norm: 1 }, { k1: 1, limit: 1, minConfidence: 0 })).toHaveLength(1);
    }
    for (const t of [1, 3 * 32 + 1, 3 * 299 + 1, 5000]) {
      expect(rankLibrary([segment], { terms: [t], weights: [1], norm: 1 }, { k1: 1, limit: 1, minConfidence: 0 })).toHaveLength(0);
    }
  });
});

describe('SegmentsForQuery', () => {
  afterEach(() => vi.useRealTimers());

  it('answers over the segments as given, and over their one view from VIEW_AFTER_MS after the first ask', () => {
    vi.useFakeTimers();
    const segments = segmentsOf(
      Array.from({ length: 6 }, (_, i) => ({ terms: [i, i + 1], seed: Array(60).fill(9), norm: 1 })),
      [2, 4],
    );
    expect(segments).toHaveLength(3);
    const forQuery = new SegmentsForQuery(segments);
    expect(forQuery.current()).toBe(segments);
    vi.advanceTimersByTime(VIEW_AFTER_MS - 1);
    expect(forQuery.current()).toBe(segments);
    vi.advanceTimersByTime(1);
    const [view, ...more] = forQuery.current();
    expect(more).toHaveLength(0);
    expect(segmentDocs(view)).toEqual(segmentDocs(mergeSegments(segments)));
  });
});
