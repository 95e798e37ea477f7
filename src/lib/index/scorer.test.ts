import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from './bytes';
import { Scorer } from './scorer';

/** Postings of hand-made terms: for each term, [document, level 1..15] pairs in ascending document order. */
function scorerOver(lists: [number, number][][], docCount: number): Scorer {
  const bytes: number[] = [];
  const offsets = [0];
  for (const list of lists) {
    let last = 0;
    for (const [doc, level] of list) {
      let v = (doc - last) * 16 + level;
      last = doc;
      while (v >= 0x80) {
        bytes.push((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      bytes.push(v);
    }
    offsets.push(bytes.length);
  }
  const postings = new ChunkedBytes([Uint8Array.from(bytes)], Uint32Array.of(0));
  return new Scorer({ idf: new Float32Array(lists.length).fill(1), postOffsets: Uint32Array.from(offsets), postings, docCount, k1: 1.2 });
}

// Level 15 is the full saturation k1 + 1 = 2.2; level 0 never occurs.
const full = 2.2;

describe('Scorer', () => {
  const scorer = scorerOver(
    [
      [[1, 15], [2, 15], [3, 15]], // term 0: the page's
      [[1, 15], [4, 15]], // term 1: the page's
      [[4, 15]], // term 2: an expansion term
    ],
    5,
  );

  it('sums weight × saturation over the query terms and ranks by it', () => {
    const found = scorer.score([0, 1], [1, 1], 10);
    expect(found.map((c) => c.position)).toEqual([1, 2, 3, 4]);
    expect(found[0].score).toBeCloseTo(2 * full, 5);
    expect(found[0].mask).toBe(0b11);
    expect(found[0].pageScore).toBeUndefined();
  });

  it('keeps the page’s own score apart when extra terms expand the query', () => {
    const found = scorer.scoreExpanded([0, 1], [1, 1], 10, { terms: [2], weights: [3] });
    const byPosition = new Map(found.map((c) => [c.position, c]));
    // Document 4 rises to the top on the expansion term alone…
    expect(found[0].position).toBe(4);
    expect(byPosition.get(4)!.score).toBeCloseTo(4 * full, 5);
    // …but its page score is what the page's terms give it, and the mask names only matched terms.
    expect(byPosition.get(4)!.pageScore).toBeCloseTo(full, 5);
    expect(byPosition.get(4)!.mask).toBe(0b110);
    expect(byPosition.get(2)!.pageScore).toBeCloseTo(full, 5);
    expect(byPosition.get(1)!.pageScore).toBeCloseTo(2 * full, 5);
  });

  it('ranks the page terms, then the expanded query, from one begin to end, and refuses to overlap queries', () => {
    scorer.begin([0, 1], [1, 1]);
    expect(() => scorer.begin([2], [1])).toThrow('has not ended');
    const first = scorer.top(10);
    expect(first[0].position).toBe(1);
    expect(first[0].pageScore).toBeUndefined();
    scorer.expand([2], [3]);
    const second = scorer.top(10);
    scorer.end();
    expect(second.map((c) => [c.position, c.score.toFixed(3), c.pageScore?.toFixed(3)])).toEqual(
      scorer.scoreExpanded([0, 1], [1, 1], 10, { terms: [2], weights: [3] }).map((c) => [c.position, c.score.toFixed(3), c.pageScore?.toFixed(3)]),
    );
    expect(() => scorer.top(10)).toThrow('no query begun');
  });

  it('leaves no state behind between queries', () => {
    scorer.scoreExpanded([0, 1], [1, 1], 10, { terms: [2], weights: [3] });
    const again = scorer.score([2], [1], 10);
    expect(again.map((c) => [c.position, c.score.toFixed(3), c.mask])).toEqual([[4, full.toFixed(3), 1]]);
  });

  it('leaves out the excluded document and keeps only the best `limit`', () => {
    expect(scorer.score([0, 1], [1, 1], 2, 1).map((c) => c.position)).toEqual([2, 3]);
  });

  it('cuts by score × cutFactor but returns plain scores', () => {
    // Plain scores: 1 → 2·full, 2 → full, 3 → full, 4 → full. Document 1's factor drops it below document 3.
    const factor = (doc: number) => (doc === 1 ? 0.4 : doc === 3 ? 1 : 0.5);
    const found = scorer.scoreExpanded([0, 1], [1, 1], 1, null, factor);
    expect(found.map((c) => c.position)).toEqual([3]);
    expect(found[0].score).toBeCloseTo(full, 5);
  });

  it('with a cut factor, keeps exactly the best `limit` by score × factor (random postings)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 15 })), { selector: (p) => p[0], maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (lists, factors, limit) => {
          const sorted = lists.map((l) => [...l].sort((a, b) => a[0] - b[0]));
          const s = scorerOver(sorted, 40);
          const terms = sorted.map((_, i) => i);
          const weights = sorted.map(() => 1);
          const plain = new Map(s.score(terms, weights, 40).map((c) => [c.position, c.score]));
          const found = s.scoreExpanded(terms, weights, limit, null, (d) => factors[d]);
          // The cut's weakest member beats (or ties) every document left out.
          const cutOf = (d: number) => plain.get(d)! * factors[d];
          const weakest = Math.min(...found.map((c) => cutOf(c.position)));
          const kept = new Set(found.map((c) => c.position));
          expect(found.length).toBe(Math.min(limit, plain.size));
          for (const d of plain.keys()) if (!kept.has(d)) expect(cutOf(d)).toBeLessThanOrEqual(weakest + 1e-6);
          for (const c of found) expect(c.score).toBeCloseTo(plain.get(c.position)!, 5);
        },
      ),
    );
  });

  it('scoreFor gives the shortlist exactly the scores a full scoring gives (random postings)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 15 })), { selector: (p) => p[0], maxLength: 25 }), { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 10 }),
        (lists, shortlist) => {
          const s = scorerOver(lists.map((l) => [...l].sort((a, b) => a[0] - b[0])), 40);
          const terms = lists.map((_, i) => i);
          const weights = lists.map((_, i) => 1 + i / 2);
          const all = new Map(s.score(terms, weights, 40).map((c) => [c.position, c.score]));
          const got = s.scoreFor(terms, weights, shortlist);
          shortlist.forEach((p, i) => expect(got[i]).toBeCloseTo(all.get(p) ?? 0, 4));
          // No state left behind: a second call answers the same.
          expect(Array.from(s.scoreFor(terms, weights, shortlist))).toEqual(Array.from(got));
        },
      ),
    );
  });
});
