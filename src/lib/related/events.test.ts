import { describe, expect, it } from 'vitest';
import { sameEventTest, titleOverlap } from './events';

// Four candidates: 0 and 1 two outlets' headlines of one match, 2 the first outlet again, 3 a week later.
const titles = [[1, 2, 3], [1, 2, 4], [1, 2, 3], [1, 2, 3]];
const input = {
  titleTerms: (p: number) => titles[p],
  weight: (term: number) => (term === 4 ? 0.5 : 1),
  source: [0, 1, 0, 1],
  hours: [100, 110, 100, 100 + 24 * 7],
  noDate: -1,
};

describe('sameEventTest', () => {
  it('joins another outlet within the hours whose headline shares enough of its weight', () => {
    const same = sameEventTest(input, 36, 0.6);
    expect(same(0, 1)).toBe(true); // shared 2 of min(3, 2.5)
    expect(sameEventTest(input, 36, 0.9)(0, 1)).toBe(false);
  });

  it('never joins the same outlet, a report too far apart, or an undated one', () => {
    const same = sameEventTest(input, 36, 0.1);
    expect(same(0, 2)).toBe(false);
    expect(same(0, 3)).toBe(false);
    expect(sameEventTest({ ...input, hours: [100, -1, 100, 100] }, 36, 0.1)(0, 1)).toBe(false);
  });
});

describe('titleOverlap', () => {
  it('is the shared weight over the lighter title, 0 for an empty one', () => {
    const t = (terms: number[]) => ({ terms: new Set(terms), total: terms.length });
    expect(titleOverlap(t([1, 2]), t([2, 3, 4, 5]), () => 1)).toBeCloseTo(0.5);
    expect(titleOverlap(t([]), t([1]), () => 1)).toBe(0);
  });
});
