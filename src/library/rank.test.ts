import { describe, expect, test } from 'vitest';
import { lowerBoundFrom } from './rank';

/** A seeded generator, so that a failure names a case that can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const linear = (xs: Uint32Array, from: number, to: number, doc: number): number => {
  for (let i = from; i < to; i++) if (xs[i] >= doc) return i;
  return to;
};

describe('lowerBoundFrom (rankLibrary\'s galloping lookup)', () => {
  test('finds the first posting at or past the document, as a scan does, on long and short lists', () => {
    const rnd = random(7);
    for (let round = 0; round < 300; round++) {
      // Long lists with small and large gaps: a gallop's wide jumps and its clamping at the end are both reached.
      const length = Math.floor(rnd() * (round % 3 === 0 ? 5000 : 60));
      const xs = new Uint32Array(length);
      for (let i = 0, d = 0; i < length; i++) xs[i] = d += 1 + Math.floor(rnd() * (rnd() < 0.1 ? 200 : 3));
      const from = Math.floor(rnd() * (length + 1));
      const to = from + Math.floor(rnd() * (length - from + 1));
      const top = length ? xs[length - 1] + 5 : 5;
      for (let k = 0; k < 20; k++) {
        const doc = Math.floor(rnd() * top);
        expect(lowerBoundFrom(xs, from, to, doc), `round ${round}: doc ${doc} in [${from}, ${to})`).toBe(linear(xs, from, to, doc));
      }
    }
  });
});
