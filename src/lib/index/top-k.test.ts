import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k';

/** The definition TopK must agree with: sort every offer, best score first, ties to the earlier position. */
const bySorting = (offers: [number, number][], k: number) =>
  [...offers].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);

describe('TopK', () => {
  it('keeps the k best offers, ties going to the earlier position, whatever the order they come in', () => {
    // Scores from a few values, so that ties (the hard case for a heap) are common.
    const offers = fc.uniqueArray(fc.tuple(fc.nat(500), fc.integer({ min: 0, max: 6 })), { selector: ([doc]) => doc, maxLength: 80 });
    fc.assert(
      fc.property(offers, fc.nat(20), (list, k) => {
        const top = new TopK(k);
        for (const [doc, score] of list) top.offer(doc, score);
        expect(top.sorted()).toEqual(bySorting(list, k));
      }),
    );
  });

  it('starts empty again after reset, for a k larger than before', () => {
    const top = new TopK(2);
    [5, 1, 9].forEach((doc, i) => top.offer(doc, i));
    top.reset(3);
    top.offer(7, 1);
    expect(top.sorted()).toEqual([[7, 1]]);
    expect(top.full).toBe(false);
  });
});
