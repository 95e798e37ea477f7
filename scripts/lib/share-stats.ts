/**
 * Statistics for judged shares with queries as the unit (results of one query are not independent): a
 * bootstrap interval over queries, and where a logistic fit of "related" on a score crosses one half.
 */

/** One query's judged results: how many were judged, how many of those were related. */
export interface QueryCount {
  judged: number;
  related: number;
}

/** Deterministic PRNG (mulberry32), so a report's interval is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pooled share related/judged over the queries, NaN when nothing was judged. */
export function pooledShare(queries: readonly QueryCount[]): number {
  let judged = 0;
  let related = 0;
  for (const q of queries) {
    judged += q.judged;
    related += q.related;
  }
  return judged ? related / judged : NaN;
}

/** Percentile bootstrap interval of `statistic` over `groups` resampled with replacement (NaN draws dropped). */
export function bootstrapInterval<T>(groups: readonly T[], statistic: (sample: T[]) => number, options: { resamples?: number; seed?: number; level?: number } = {}): [number, number] {
  const { resamples = 2000, seed = 1, level = 0.95 } = options;
  if (groups.length === 0) return [NaN, NaN];
  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const sample = Array.from({ length: groups.length }, () => groups[Math.floor(random() * groups.length)]);
    const value = statistic(sample);
    if (Number.isFinite(value)) draws.push(value);
  }
  if (draws.length === 0) return [NaN, NaN];
  draws.sort((a, b) => a - b);
  const at = (q: number) => draws[Math.min(draws.length - 1, Math.max(0, Math.floor(q * draws.length)))];
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}

/**
 * The score x at which a logistic fit P(related) = 1 / (1 + e^−(a + b·x)) reaches one half (−a/b), by Newton's
 * method on the log-likelihood; NaN when the points do not separate (all alike, or related falling with x).
 */
export function halfCrossing(points: readonly { x: number; related: boolean }[]): number {
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (const { x, related } of points) {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p);
      ga += (related ? 1 : 0) - p;
      gb += ((related ? 1 : 0) - p) * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) return NaN;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(b) > 1e6) return NaN;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return b > 0 ? -a / b : NaN;
}
