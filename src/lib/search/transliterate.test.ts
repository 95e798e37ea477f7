import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arabicSpelling, latinSkeleton, arabicSkeleton, skeletonsMatch, spellingDistance, Transliterator } from './transliterate';

describe('arabicSpelling', () => {
  it('spells foreign names the way news transcribes them', () => {
    expect(arabicSpelling('Ronaldo')).toBe('رونالدو');
    expect(arabicSpelling('Erdogan')).toBe('اردوغان');
    expect(arabicSpelling('Google')).toBe('غوغل');
  });
});

describe('skeletonsMatch', () => {
  it('joins one inserted class from 3 classes, a substitution only from 4', () => {
    expect(skeletonsMatch(latinSkeleton('Khashoggi'), arabicSkeleton('خاشقجي'))).toBe(true);
    expect(skeletonsMatch(latinSkeleton('Oprah'), arabicSkeleton('أبرز'))).toBe(false);
  });
  it('a skeleton matches itself from 2 classes, and matching is symmetric (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[BTGKLMNRS]{0,6}$/), fc.stringMatching(/^[BTGKLMNRS]{0,6}$/), (a, b) => {
        expect(skeletonsMatch(a, b)).toBe(skeletonsMatch(b, a));
        expect(skeletonsMatch(a, a)).toBe(a.length >= 2);
      }),
    );
  });
});

describe('spellingDistance', () => {
  it('costs less for a vowel letter or a same-class letter than for another letter', () => {
    expect(spellingDistance('ترومب', 'ترامب')).toBeLessThan(spellingDistance('ترومب', 'ترنمب'));
    expect(spellingDistance('خاشوغ', 'خاشقج')).toBeLessThan(spellingDistance('خاشوغ', 'خاشمل'));
  });
  const word = fc.stringMatching(/^[ابتجخدرسصقكلمنوي]{0,8}$/);
  it('is 0 only for equal strings, symmetric, at most 1, and obeys the triangle inequality (property)', () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        const ab = spellingDistance(a, b);
        expect(ab === 0).toBe(a === b);
        expect(ab).toBeCloseTo(spellingDistance(b, a), 9);
        expect(ab).toBeLessThanOrEqual(1);
        // Unnormalised distances obey it; the normalised ones are checked on same-length strings.
        if (a.length === b.length && b.length === c.length) expect(ab).toBeLessThanOrEqual(spellingDistance(a, c) + spellingDistance(c, b) + 1e-9);
      }),
    );
  });
});

describe('Transliterator', () => {
  const vocabulary = ['ترامب', 'ترم', 'ترتيب', 'رونالدو', 'رونالد', 'خاشقج', 'مصر', 'ابرز'];
  const df = [2000, 300, 900, 40, 2, 500, 5000, 800];
  const tr = new Transliterator(vocabulary, (i) => df[i]);
  it('finds the Arabic spelling of Latin names in the vocabulary', () => {
    expect(tr.arabicFor('Trump')).toBe('ترامب');
    expect(tr.arabicFor('ronaldo')).toBe('رونالدو');
    expect(tr.arabicFor('Khashoggi')).toBe('خاشقج');
  });
  it('answers null rather than a word that only shares a skeleton', () => {
    expect(tr.arabicFor('Egypt')).toBeNull();
    expect(tr.arabicFor('Oprah')).toBeNull();
  });
});
