import { describe, expect, it } from 'vitest';
import { bootstrapInterval, halfCrossing, pooledShare, seededRandom } from './share-stats';

describe('judged-share statistics', () => {
  it('pools the share over queries, NaN when nothing was judged', () => {
    expect(pooledShare([{ judged: 3, related: 1 }, { judged: 1, related: 1 }])).toBe(0.5);
    expect(pooledShare([{ judged: 0, related: 0 }])).toBeNaN();
  });

  it('the bootstrap interval is reproducible, holds the estimate and narrows with more queries', () => {
    const few = Array.from({ length: 10 }, (_, i) => ({ judged: 4, related: i % 2 ? 3 : 1 }));
    const many = Array.from({ length: 200 }, (_, i) => few[i % 10]);
    const [lo, hi] = bootstrapInterval(few, pooledShare);
    expect(bootstrapInterval(few, pooledShare)).toEqual([lo, hi]);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    const [mlo, mhi] = bootstrapInterval(many, pooledShare);
    expect(mhi - mlo).toBeLessThan((hi - lo) / 2);
    // Every query alike: no spread at all.
    expect(bootstrapInterval([{ judged: 2, related: 1 }, { judged: 2, related: 1 }], pooledShare)).toEqual([0.5, 0.5]);
  });

  it('the logistic fit crosses one half where the data do', () => {
    // P(related) = 1/(1+e^−(x−0.4)·20), sampled on a grid with deterministic outcomes at the expected rate.
    const random = seededRandom(7);
    const points = [];
    for (let i = 0; i < 4000; i++) {
      const x = i / 4000;
      points.push({ x, related: random() < 1 / (1 + Math.exp(-(x - 0.4) * 20)) });
    }
    expect(halfCrossing(points)).toBeCloseTo(0.4, 1);
    // Symmetric data around 0.7: the crossing is 0.7.
    expect(halfCrossing([0.5, 0.6, 0.65, 0.75, 0.8, 0.9].map((x, i) => ({ x, related: [false, false, true, false, true, true][i] })))).toBeCloseTo(0.7, 6);
    expect(halfCrossing([{ x: 0.3, related: true }, { x: 0.6, related: true }])).toBeNaN();
  });
});
