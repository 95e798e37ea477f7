import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { learnVariants, variantCandidates, outletSplit } from './variants';
import { arabicSkeleton, latinSkeleton, latinToArabic, skeletonsMatch } from './transliterate';

describe('variantCandidates', () => {
  it('pairs terms one long vowel apart, both in the vocabulary', () => {
    expect(variantCandidates(new Set(['ترامب', 'ترمب', 'كتاب']))).toEqual([['ترامب', 'ترمب']]);
  });
  it('every pair differs by exactly one ا/و/ي (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[بتمرناوي]{3,7}$/), { maxLength: 40 }), (words) => {
        for (const [a, b] of variantCandidates(new Set(words))) {
          expect(a.length).toBe(b.length + 1);
          const i = [...a].findIndex((c, k) => c !== b[k]);
          expect('اوي').toContain(a[i === -1 ? a.length - 1 : i]);
          expect(a.slice(0, i === -1 ? a.length - 1 : i) + a.slice((i === -1 ? a.length - 1 : i) + 1)).toBe(b);
        }
      }),
    );
  });
});

describe('learnVariants', () => {
  // Two outlets write one name two ways about the same events; a plural and its singular share every outlet.
  const docs: string[][] = [];
  const sources: string[] = [];
  for (let i = 0; i < 20; i++) {
    const event = ['قمه', 'سنغافور', 'كوريا', 'زعيم', 'عقوبات'][i % 5];
    docs.push(['ترامب', event, 'رئيس']), sources.push('bbc');
    docs.push(['ترمب', event, 'رئيس']), sources.push('arabiya');
    docs.push(['موقع', 'مواقع', event]), sources.push(i % 2 ? 'bbc' : 'arabiya');
    docs.push(['عامل', event]), sources.push(i % 2 ? 'bbc' : 'arabiya');
    docs.push(['عمل', 'اقتصاد']), sources.push(i % 2 ? 'arabiya' : 'bbc');
  }
  const { table } = learnVariants(docs, {}, sources);
  it('merges a name two outlets spell differently, into the commoner spelling', () => {
    expect(table.get('ترمب')).toBe('ترامب');
  });
  it('keeps apart words that share articles (موقع / مواقع) or that every outlet uses alike (عامل / عمل)', () => {
    expect(table.has('مواقع') || table.has('موقع')).toBe(false);
    expect(table.has('عامل') || table.has('عمل')).toBe(false);
    expect(table.size).toBe(1);
  });
  it('outletSplit is 0 for the same outlets and 1 for disjoint ones', () => {
    expect(outletSplit([0, 1], [0, 1], ['a', 'b'])).toBeCloseTo(0);
    expect(outletSplit([0], [1], ['a', 'b'])).toBeCloseTo(1);
  });
});

describe('transliteration', () => {
  it('reduces both scripts to the same sound classes', () => {
    expect(latinSkeleton('Trump')).toBe(arabicSkeleton('ترامب'));
    expect(latinSkeleton('Ronaldo')).toBe(arabicSkeleton('رونالدو'));
    expect(skeletonsMatch(latinSkeleton('Khashoggi'), arabicSkeleton('خاشقجي'))).toBe(true);
  });
  it('picks the Arabic term by exact skeleton first, then document frequency', () => {
    const vocab: [string, number][] = [['ترامب', 100], ['ترم', 500], ['ترمب', 10], ['مصر', 900]];
    expect(latinToArabic('Trump', vocab)[0]).toBe('ترامب');
    expect(latinToArabic('Egypt', vocab)).not.toContain('مصر');
  });
  it('skeletonsMatch is symmetric (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[BTGKLMNRS]{0,6}$/), fc.stringMatching(/^[BTGKLMNRS]{0,6}$/), (a, b) => skeletonsMatch(a, b) === skeletonsMatch(b, a)));
  });
});
