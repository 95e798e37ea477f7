import { describe, expect, it } from 'vitest';
import { titleAgreement } from './rank';

describe('titleAgreement', () => {
  const flat = () => 1;

  it('is the weighted share of the other stories whose titles use each title word', () => {
    // Stories 0, 1, 2: words 10 and 11 are the event (in 0 and 1), 12 is only in 2.
    const shares = titleAgreement([[10, 11], [10, 11, 12], [12]], [0, 1, 2], flat);
    expect(shares[0]).toBeCloseTo((1 / 2 + 1 / 2) / 2);
    expect(shares[1]).toBeCloseTo((1 / 2 + 1 / 2 + 1 / 2) / 3);
    expect(shares[2]).toBeCloseTo(1 / 2);
  });

  it('counts a story once, however many of its reprints are among the candidates', () => {
    // Two reprints of story 5 agree only with each other: no agreement.
    const shares = titleAgreement([[1, 2], [1, 2], [3]], [5, 5, 6], flat);
    expect(shares).toEqual([0, 0, 0]);
  });

  it('weighs words by the given weight and gives an empty title 0', () => {
    const shares = titleAgreement([[1, 2], [1], []], [0, 1, 2], (t) => (t === 1 ? 3 : 1));
    expect(shares[0]).toBeCloseTo((3 * 0.5) / 4);
    expect(shares[2]).toBe(0);
  });
});
