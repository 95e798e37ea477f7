import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../index/bytes';
import { Scorer } from './core';

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
    const found = scorer.scoreExpanded([0, 1], [1, 1], 10, () => ({ terms: [2], weights: [3] }));
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

  it('leaves no state behind between queries', () => {
    scorer.scoreExpanded([0, 1], [1, 1], 10, () => ({ terms: [2], weights: [3] }));
    const again = scorer.score([2], [1], 10);
    expect(again.map((c) => [c.position, c.score.toFixed(3), c.mask])).toEqual([[4, full.toFixed(3), 1]]);
  });

  it('leaves out the excluded document and keeps only the best `limit`', () => {
    expect(scorer.score([0, 1], [1, 1], 2, 1).map((c) => c.position)).toEqual([2, 3]);
  });
});
