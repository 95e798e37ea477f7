/**
 * Paired bootstrap of a difference in mean per-query figures (two runs on the same queries): resample the
 * queries with replacement, take the mean difference each time, report the observed mean and the 2.5/97.5 %
 * percentiles. A seeded generator (share-stats' mulberry32) makes the interval reproducible.
 */
import { seededRandom } from './share-stats';

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

/** 95 % interval of mean(b − a) over paired values. */
export function pairedBootstrap(a: number[], b: number[], resamples = 10000, seed = 1): Interval {
  if (a.length !== b.length) throw new Error(`paired bootstrap needs as many values on both sides (${a.length} vs ${b.length})`);
  const n = a.length;
  if (n === 0) return { mean: 0, low: 0, high: 0 };
  const diff = a.map((x, i) => b[i] - x);
  const mean = diff.reduce((s, x) => s + x, 0) / n;
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diff[Math.floor(random() * n)];
    means[r] = sum / n;
  }
  means.sort();
  return { mean, low: means[Math.floor(0.025 * (resamples - 1))], high: means[Math.ceil(0.975 * (resamples - 1))] };
}
