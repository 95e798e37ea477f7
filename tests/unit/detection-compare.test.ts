import { describe, expect, test } from 'vitest';
import { compareDetection, comparisonText, type ComparedPage } from '../../scripts/lib/detection-compare';

const page = (slug: string, f1: number, over: Partial<ComparedPage> = {}): ComparedPage => ({
  slug,
  groups: ['real'],
  readable: true,
  recognised: true,
  titleExact: true,
  body: { f1 },
  ...over,
});

describe('compareDetection (eval:detection --base)', () => {
  test('pairs pages by name, counts an unrecognised page as 0 and lists what moved, largest first', () => {
    const base = [page('a', 0.9), page('b', 0.5), page('c', 0.8, { recognised: false }), page('only-base', 1)];
    const next = [page('b', 0.6), page('a', 0.9), page('c', 0.8), page('synthetic', 0.1, { groups: ['synthetic'] })];
    const c = compareDetection(base, next, 200);
    expect(c.pages).toBe(3);
    expect(c.unpaired).toEqual(['only-base']);
    expect(c.measures.bodyF1.all.mean).toBeCloseTo((0 + 0.1 + 0.8) / 3, 10);
    expect(c.measures.recognised.all.mean).toBeCloseTo(1 / 3, 10);
    expect(c.moved.map((m) => m.slug)).toEqual(['c', 'b']);
    // Halves: a and c (sorted positions 0 and 2) against b.
    expect(c.measures.bodyF1.odd.mean).toBeCloseTo(0.4, 10);
    expect(c.measures.bodyF1.even.mean).toBeCloseTo(0.1, 10);
  });

  test('an interval that holds 0 when pages move both ways, and none when nothing moved', () => {
    const base = Array.from({ length: 20 }, (_, i) => page(`p${i}`, 0.5));
    const next = base.map((p, i) => page(p.slug, i % 2 ? 0.6 : 0.41));
    const mixed = compareDetection(base, next, 2000).measures.bodyF1.all;
    expect(mixed.low).toBeLessThan(0);
    expect(mixed.high).toBeGreaterThan(0);
    const same = compareDetection(base, base, 200);
    expect(same.moved).toEqual([]);
    expect(comparisonText(same)).toContain('| bodyF1 | +0.000 [+0.000, +0.000]');
  });
});
