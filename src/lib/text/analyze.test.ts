import { describe, expect, it } from 'vitest';
import { analyze, analyzeTokens, normalize } from './index.ts';

const term = (w: string): string => {
  const t = analyze(w);
  expect(t, w).toHaveLength(1);
  return t[0];
};

describe('the nine reference words (issue 3)', () => {
  it.each([
    ['الإرهابيين', 'ارهاب'],
    ['والمحافظة', 'محافظ'],
    ['بالتعاون', 'تعاون'],
    ['الجامعات', 'جامع'],
    ['وكالة', 'وكال'],
    ['الفضاء', 'فضاء'],
    ['مستشار', 'مستشار'],
    ['التغيرات', 'تغير'],
    ['المناخية', 'مناخ'],
  ])('%s → %s', (word, expected) => {
    expect(term(word)).toBe(expected);
  });
});

describe('analyzeTokens', () => {
  it('keeps the surface form and positions', () => {
    const toks = analyzeTokens('وأكدت وزارةُ الخارجيّة G20');
    expect(toks.map((t) => t.term)).toEqual(['وزار', 'خارج', 'g20']);
    expect(toks[1].surface).toBe('الخارجيّة');
    expect(toks.map((t) => t.position)).toEqual([1, 2, 3]);
  });
  it('normalize is exported', () => {
    expect(normalize('أحمد')).toBe('احمد');
  });
});
