import { describe, expect, it } from 'vitest';
import { relatedSections, shownCount } from './related-sections';

const at = (...confidences: (number | undefined)[]) => confidences.map((confidence, i) => ({ id: i, confidence }));
const ids = (list: { id: number }[]) => list.map((r) => r.id);

describe('the related sections', () => {
  it('the badge threshold splits close from loose; under 0.5 nothing is shown, in rank order', () => {
    const results = at(0.9, 0.45, 0.62, 0.5, 0.2, 0.71);
    expect(relatedSections(results, 0.7)).toEqual({ close: [results[0], results[5]], loose: [results[2], results[3]] });
    const medium = relatedSections(results, 0.5);
    expect(ids(medium.close)).toEqual([0, 2, 3, 5]);
    expect(medium.loose).toEqual([]);
  });

  it('a badge threshold below 0.5 lists what it counts and nothing under it', () => {
    const { close, loose } = relatedSections(at(0.9, 0.35, 0.25), 0.3);
    expect(ids(close)).toEqual([0, 1]);
    expect(loose).toEqual([]);
  });

  it('a result without a confidence counts as confident', () => {
    expect(ids(relatedSections(at(undefined), 0.7).close)).toEqual([0]);
  });

  it('shownCount reads only the first resultCount results: 0 means the empty state', () => {
    const noise = at(0.33, 0.25, 0.28, 0.21);
    expect(shownCount(noise, { resultCount: 8, minConfidence: 0.5 })).toBe(0);
    expect(shownCount(at(0.3, 0.9), { resultCount: 1, minConfidence: 0.5 })).toBe(0);
    expect(shownCount(at(0.3, 0.9, 0.6), { resultCount: 8, minConfidence: 0.7 })).toBe(2);
  });
});
