/**
 * The analyzer's cost grows linearly with its input: one 1 MB text against ten 100 KB texts (best of 3 each).
 * A ratio near 1 is linear (2–3 once the big text no longer fits the CPU caches); quadratic work would be ~10.
 * A benchmark, not a test: timings never decide pass or fail (the unit tests check what it returns).
 *
 *   npx tsx scripts/bench-analyzer.ts
 */
import { analyze } from '../src/lib/text';

const unit = 'وأكدت وزارة الخارجيّة الـــمصرية، في بيان، أن ٣ G20 كوفيد-19 😀 \u200F ﻻ Straße ';
const make = (n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const small = make(100_000);
const big = make(1_000_000);

function best(run: () => void): number {
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

const tenSmall = (): void => {
  for (let i = 0; i < 10; i++) analyze(small);
};
tenSmall(); // warm up
const bigMs = best(() => analyze(big));
const smallMs = best(tenSmall);
console.log(`analyze: 1 MB once ${bigMs.toFixed(1)} ms, 100 KB ten times ${smallMs.toFixed(1)} ms, ratio ${(bigMs / smallMs).toFixed(2)} (linear ≈ 1, quadratic ≈ 10)`);
console.log(`throughput: ${(1_000_000 / bigMs / 1000).toFixed(1)} MB/s of text`);
