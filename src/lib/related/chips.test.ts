import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeTokens } from '../text';
import { chipEligible, chooseChips, nameCover, readableSurface, stripClitics, titleShares, type ChipTerm } from './chips';

const termOf = (word: string) => analyzeTokens(word)[0]?.term ?? '';

describe('stripClitics', () => {
  it('drops a clitic prefix only when the rest is the same term', () => {
    expect(stripClitics('لمروان', termOf('لمروان'))).toBe('مروان');
    expect(stripClitics('للرئيس', termOf('للرئيس'))).toBe('الرئيس');
    expect(stripClitics('بإسطنبول', termOf('بإسطنبول'))).toBe('إسطنبول');
    expect(stripClitics('وأردوغان', termOf('وأردوغان'))).toBe('أردوغان');
    expect(stripClitics('لبنان', termOf('لبنان'))).toBe('لبنان');
    expect(stripClitics('فرنسا', termOf('فرنسا'))).toBe('فرنسا');
    expect(stripClitics('Mars', termOf('Mars'))).toBe('Mars');
  });

  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');
  const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }).map((xs) => xs.join(''));
  const prefix = fc.constantFrom('', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فل', 'بال', 'وال', 'لل');

  it('always returns a word that analyses to the same term, never longer, a suffix of the surface (or ل+ال restored)', () => {
    fc.assert(
      fc.property(prefix, word, (p, w) => {
        const surface = p + w;
        const tokens = analyzeTokens(surface);
        fc.pre(tokens.length === 1);
        const term = tokens[0].term;
        const out = stripClitics(surface, term);
        expect(termOf(out)).toBe(term);
        expect(out.length).toBeLessThanOrEqual(surface.length);
        expect(surface.endsWith(out) || (out.startsWith('ال') && surface.endsWith(`لل${out.slice(2)}`))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('readableSurface counts spellings after stripping: the bare word wins over one prefixed occurrence', () => {
    const term = termOf('مروان');
    expect(readableSurface(new Map([['لمروان', 1]]), term)).toBe('مروان');
    expect(readableSurface(new Map([['لمروان', 1], ['ومروان', 1], ['مروان', 1]]), term)).toBe('مروان');
  });

  it("readableSurface weighs the result's title spellings in; a tie goes to the title's", () => {
    const term = termOf('الحديدة');
    expect(termOf('الحديده')).toBe(term);
    expect(readableSurface(new Map([['الحديده', 1]]), term)).toBe('الحديده');
    expect(readableSurface(new Map([['الحديده', 1]]), term, new Map([['والحديدة', 1]]))).toBe('الحديدة');
    expect(readableSurface(new Map([['الحديده', 3]]), term, new Map([['الحديدة', 1]]))).toBe('الحديده');
    expect(readableSurface(new Map([['الحديده', 1], ['الحديدة', 3]]), term, new Map([['الحديده', 1]]))).toBe('الحديدة');
  });
});

describe('chooseChips', () => {
  const terms: ChipTerm[] = [
    { weight: 5, titleShare: 0.6, surface: 'خاشقجي' },
    { weight: 6, titleShare: 0.01, surface: 'الشوط' }, // strong but never in titles
    { weight: 4, titleShare: 0.3, surface: '59' }, // a number alone
    { weight: 3, titleShare: 0.2, surface: 'اختفاء' },
    { weight: 3, titleShare: 0.2, surface: 'القنصلية' },
    { weight: 2, titleShare: 0.5, surface: 'بن' }, // particle
    { weight: 2, titleShare: 0.15, surface: 'إسطنبول' },
    { weight: 1, titleShare: 0.02, surface: 'NATO' }, // acronym
  ];
  const options = { max: 4, minTitleShare: 0.05, sharedDiscount: 0.5, repeatFactor: 0.5 };

  it('never shows a number, a particle or a word titles never use; shows acronyms and names', () => {
    const [chips] = chooseChips([[0, 1, 2, 3, 5, 7]], (i) => terms[i], options);
    expect(chips).toEqual(['خاشقجي', 'اختفاء', 'NATO']);
  });

  it('varies the chips across cards that share the same terms', () => {
    const cards = chooseChips([[0, 3, 4, 6], [0, 3, 4, 6], [0, 3, 4, 6]], (i) => terms[i], { ...options, max: 2 });
    expect(cards[0]).toEqual(['خاشقجي', 'اختفاء']);
    expect(new Set(cards.map((c) => c.join())).size).toBeGreaterThan(1);
  });

  it('chips are eligible terms the card matched, at most max, each once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: terms.length - 1 }), { maxLength: 10 }), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (matched, max) => {
        const cards = chooseChips(matched, (i) => terms[i], { ...options, max });
        cards.forEach((chips, c) => {
          expect(chips.length).toBeLessThanOrEqual(max);
          expect(new Set(chips).size).toBe(chips.length);
          const allowed = matched[c].map((i) => terms[i]).filter((t) => chipEligible(t, options.minTitleShare)).map((t) => t.surface);
          for (const chip of chips) expect(allowed).toContain(chip);
        });
      }),
    );
  });
});

describe('titleShares', () => {
  it('smooths toward the corpus mean and stays within 0..1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }), (rows) => {
        const df = rows.map(([d]) => d);
        const titleDf = rows.map(([d, r]) => Math.floor(d * r));
        const { shares, mean } = titleShares(df, titleDf);
        shares.forEach((s, t) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1 + 1e-6);
          // Between the raw share and the mean.
          const raw = titleDf[t] / df[t];
          expect(s).toBeGreaterThanOrEqual(Math.min(raw, mean) - 1e-6);
          expect(s).toBeLessThanOrEqual(Math.max(raw, mean) + 1e-6);
        });
      }),
    );
  });
});

describe('nameCover', () => {
  it('sums the weights of the matched bits', () => {
    expect(nameCover(0b1011, [1, 2, 4, 8, 16])).toBe(1 + 2 + 8);
    expect(nameCover(0, [1, 2])).toBe(0);
    expect(nameCover(1 << 31, Array.from({ length: 40 }, (_, i) => i))).toBe(31);
  });
});
