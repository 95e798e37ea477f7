import { describe, expect, it } from 'vitest';
import { dcg, ndcgAt, parseQrels, parseRun, precisionAt, quantile, sameStoryRecall, summarize, unjudgedShare } from './metrics';

const judged = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 0],
]);

describe('related-articles metrics', () => {
  it('dcg uses gain 2^grade − 1 and log2(rank + 1)', () => {
    // 3/log2(2) + 1/log2(3) = 3 + 0.6309
    expect(dcg([2, 1], 10)).toBeCloseTo(3.6309, 4);
    expect(dcg([0, 2], 10)).toBeCloseTo(3 / Math.log2(3), 6);
  });

  it('ndcg is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAt(['a', 'b', 'c'], judged, 10)).toBeCloseTo(1, 9);
    // [b, a]: 1 + 3/1.585 = 2.8928; ideal 3.6309 → 0.7967
    expect(ndcgAt(['b', 'a'], judged, 10)).toBeCloseTo(0.7967, 4);
    // unjudged x counts as 0: [x, a] = 3/1.585 = 1.8928 → 0.5213
    expect(ndcgAt(['x', 'a'], judged, 10)).toBeCloseTo(0.5213, 4);
    expect(ndcgAt(['a'], new Map([['a', 0]]), 10)).toBe(0);
  });

  it('precision counts grade ≥ 1 over k, missing ranks as misses', () => {
    expect(precisionAt(['a', 'c', 'b', 'x', 'y'], judged, 5)).toBe(0.4);
    expect(precisionAt(['a'], judged, 5)).toBe(0.2);
  });

  it('unjudged share is over the results returned', () => {
    expect(unjudgedShare(['a', 'x', 'y', 'c'], judged, 10)).toBe(0.5);
  });

  it('summarize averages over every judged query, including those with nothing relevant', () => {
    const qrels = new Map([
      ['q1', judged],
      ['q2', new Map([['z', 0]])],
    ]);
    const run = new Map([
      ['q1', ['a', 'b']],
      ['q2', ['z']],
    ]);
    const s = summarize(run, qrels);
    expect(s.queries).toBe(2);
    expect(s.ndcg10).toBeCloseTo(0.5, 9);
    expect(s.p5).toBeCloseTo((0.4 + 0) / 2, 9);
  });

  it('same-story recall takes pairs in either direction and skips pairs of two queries', () => {
    const run = new Map([
      ['q1', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
      ['q2', ['d9']],
    ]);
    const pairs = [
      { a: 'q1', b: 'd5' }, // found at rank 5
      { a: 'd6', b: 'q1' }, // rank 6: missed
      { a: 'q2', b: 'd9' },
      { a: 'q1', b: 'q2' }, // both queries: skipped
      { a: 'x', b: 'y' }, // no query: skipped
    ];
    const r = sameStoryRecall(run, pairs, 5);
    expect(r.pairs).toBe(3);
    expect(r.recall).toBeCloseTo(2 / 3, 9);
    expect(r.missed).toEqual([{ a: 'q1', b: 'd6' }]);
  });

  it('parses qrels and runs, ordering runs by rank', () => {
    expect(parseQrels('# header\nq\td\t2\nq\te\t0\n').get('q')).toEqual(new Map([['d', 2], ['e', 0]]));
    expect(parseRun('q\t2\tb\t1.0\nq\t1\ta\t2.0\n').get('q')).toEqual(['a', 'b']);
  });

  it('quantile picks the nearest rank', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});
