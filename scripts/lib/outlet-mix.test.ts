import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgedOutlets, listedOutlets, outletMix, type OutletRow } from './outlet-mix';
import { pairedBootstrap } from './bootstrap';

describe('outletMix', () => {
  it('counts only rows with coverage from two outlets and k lines, and reads one-outlet, own-outlet and distinct', () => {
    const rows: OutletRow[] = [
      { querySource: 'CNN', lines: ['CNN', 'CNN', 'CNN', 'CNN', 'CNN', 'BBC'] },
      { querySource: 'CNN', lines: ['BBC', 'CNN', 'Sky', 'BBC', 'Sky'] },
      { querySource: 'CNN', lines: ['CNN', 'CNN', 'CNN', 'CNN', 'CNN'] }, // one outlet listed: not counted
      { querySource: 'CNN', lines: ['BBC', 'Sky'] }, // fewer than 5 lines
    ];
    const m = outletMix(rows, listedOutlets, 5);
    expect(m.queries).toBe(2);
    expect(m.oneOutlet).toBe(0.5);
    expect(m.ownOutlet).toBeCloseTo((5 / 5 + 1 / 5) / 2, 9);
    expect(m.distinct).toBe((1 + 3) / 2);
  });

  it('with judged coverage, an unjudged row never counts', () => {
    const rows: OutletRow[] = [
      { querySource: 'A', lines: ['A', 'A', 'A', 'A', 'A'], judgedOutlets: new Set(['A', 'B']) },
      { querySource: 'A', lines: ['A', 'A', 'A', 'A', 'A'] },
    ];
    expect(outletMix(rows, judgedOutlets, 5)).toEqual({ queries: 1, oneOutlet: 1, ownOutlet: 1, distinct: 1 });
  });
});

describe('pairedBootstrap', () => {
  it('gives a zero-width interval for identical runs and contains the observed mean', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (a, shift) => {
        expect(pairedBootstrap(a, a, 200)).toEqual({ mean: 0, low: 0, high: 0 });
        // A constant shift: every resample's mean difference is that shift.
        const ci = pairedBootstrap(a, a.map((x) => x + shift), 200);
        expect(ci.low).toBeCloseTo(shift, 9);
        expect(ci.high).toBeCloseTo(shift, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('brackets the mean difference and is reproducible', () => {
    const a = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2];
    const b = [0.3, 0.4, 1.0, 0.6, 0.7, 0.2];
    const ci = pairedBootstrap(a, b, 2000, 7);
    expect(ci.low).toBeLessThanOrEqual(ci.mean);
    expect(ci.high).toBeGreaterThanOrEqual(ci.mean);
    expect(ci.low).toBeLessThan(ci.high);
    expect(pairedBootstrap(a, b, 2000, 7)).toEqual(ci);
    expect(() => pairedBootstrap([1], [1, 2])).toThrow(/as many values/);
  });
});
