import { describe, expect, it } from 'vitest';
import { confidenceOf, defaultRankParams, rank, titleAgreement, type RankInput } from './rank';

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

describe('rank', () => {
  const ctx = { docHours: new Int32Array(4), docSource: Uint16Array.of(0, 1, 2, 3), docStory: Uint32Array.of(0, 1, 2, 3), queryHours: null, noDate: -1 };
  const params = { ...defaultRankParams, titleWeight: 0, agreeWeight: 0, sourcePenalty: 0 };
  const candidate = (position: number, score: number, wholeCosine?: number): RankInput => ({ position, score, cosine: 0.2, mask: 1, wholeCosine });

  it('multiplies the score by the whole-page cosine^wholeWeight', () => {
    // Equal query scores: the candidate closer to the whole page comes first, by (0.4 / 0.1)^0.25 ≈ 1.41.
    const ranked = rank([candidate(0, 10, 0.1), candidate(1, 10, 0.4)], ctx, params, 2);
    expect(ranked.map((r) => r.position)).toEqual([1, 0]);
    expect(ranked[0].score / ranked[1].score).toBeCloseTo(Math.pow(4, params.wholeWeight), 5);
    // A query score 1.5 times higher still wins against that.
    expect(rank([candidate(0, 15, 0.1), candidate(1, 10, 0.4)], ctx, params, 2)[0].position).toBe(0);
  });

  it('leaves candidates without a whole-page cosine (precomputed neighbours) as scored', () => {
    const ranked = rank([candidate(0, 10), candidate(1, 9)], ctx, params, 2);
    expect(ranked.map((r) => [r.position, r.score])).toEqual([[0, 10], [1, 9]]);
  });

  it('lowers the confidence of a result that misses the page\'s names, without changing the list', () => {
    const named = (position: number, cosine: number, nameCover?: number): RankInput => ({ position, score: 10 - position, cosine, mask: 1, nameCover });
    const p = { ...params, minConfidence: 0.2 };
    // Same cosine: full name cover keeps its confidence, a quarter of it loses (0.25 / 0.5)^0.5 of the cosine.
    const ranked = rank([named(0, 0.2, 1), named(1, 0.2, 0.25), named(2, 0.2, 0), named(3, 0.2)], ctx, p, 4);
    expect(ranked.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(ranked[0].confidence).toBeCloseTo(confidenceOf(0.2, p.confidenceHalf), 9);
    expect(ranked[1].confidence).toBeCloseTo(confidenceOf(0.2 * Math.sqrt(0.5), p.confidenceHalf), 9);
    expect(ranked[2].confidence).toBe(0);
    expect(ranked[3].confidence).toBeCloseTo(confidenceOf(0.2, p.confidenceHalf), 9);
    // Which results are returned reads the plain cosine: a result with no name cover stays listed, one whose
    // cosine is below minConfidence does not, whatever its names.
    expect(rank([named(0, 0.2, 0), named(1, 0.01, 1)], ctx, p, 4).map((r) => r.position)).toEqual([0]);
    // Off: the plain confidence.
    expect(rank([named(0, 0.2, 0)], ctx, { ...p, nameConfidencePower: 0 }, 1)[0].confidence).toBeCloseTo(confidenceOf(0.2, p.confidenceHalf), 9);
  });

  it('takes the confidence from the whole-page cosine where it was computed, and the list from the plain cosine', () => {
    const whole = (position: number, cosine: number, wholeCosine?: number): RankInput => ({ position, score: 10 - position, cosine, mask: 1, wholeCosine });
    const p = { ...params, minConfidence: 0.2, nameConfidencePower: 0 };
    const ranked = rank([whole(0, 0.08, 0.2), whole(1, 0.2)], ctx, p, 2);
    const at = (position: number) => ranked.find((r) => r.position === position)!.confidence;
    expect(at(0)).toBeCloseTo(confidenceOf(0.2, p.confidenceWholeHalf), 9);
    expect(at(1)).toBeCloseTo(confidenceOf(0.2, p.confidenceHalf), 9);
    // A plain cosine below minConfidence is not returned, whatever its whole-page cosine.
    expect(rank([whole(0, 0.01, 0.9)], ctx, p, 1)).toEqual([]);
    expect(rank([whole(0, 0.08, 0.2)], ctx, { ...p, confidenceWholeHalf: 0 }, 1)[0].confidence).toBeCloseTo(confidenceOf(0.08, p.confidenceHalf), 9);
  });

  it('puts a candidate that reports an already listed event (sameEvent) on that card, not a card of its own', () => {
    const sameEvent = (a: number, b: number) => a === 0 && b === 2;
    const ranked = rank([candidate(0, 10), candidate(1, 9), candidate(2, 8), candidate(3, 7)], { ...ctx, sameEvent }, params, 4);
    expect(ranked.map((r) => r.position)).toEqual([0, 1, 3]);
    expect(ranked[0].storyCandidates).toEqual([2]);
    expect(rank([candidate(0, 10), candidate(2, 8)], ctx, params, 4).map((r) => r.position)).toEqual([0, 2]);
  });
});
