import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from './normalize';
import { analyze, analyzeTokens } from './analyze';

describe('normalize', () => {
  it.each([
    ['آ أ إ ٱ ا', 'ا ا ا ا ا'], // alef forms (Lucene) and wasla
    ['ى', 'ي'],
    ['ة', 'ه'],
    ['ؤ ئ ء', 'ء ء ء'], // hamza seats dropped, hamza kept
    ['مُحَمَّدٌ', 'محمد'], // harakat U+064B–U+0652
    ['الرحمٰن', 'الرحمن'], // superscript alef U+0670
    ['ذٰلِكَ ٱلۡكِتَٰبُ', 'ذلك الكتب'], // Quranic marks (U+06E1 sukun, small high marks)
    ['جميـــل', 'جميل'], // tatweel inside a word
    ['الـ20', 'ال 20'], // tatweel before a digit separates
    ['ﻻ ﻷ ﻹ ﻵ', 'لا لا لا لا'], // lam-alef ligatures (NFKC)
    ['ﺑﺴﻢ', 'بسم'], // presentation forms
    ['ﷲ', 'الله'],
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'], // Arabic-Indic digits
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'], // Persian digits
    ['٣٫٥ ١٬٠٠٠ ٥٪', '3.5 1,000 5%'],
    ['ک ی ہ ە ۀ ھ ۃ ے', 'ك ي ه ه ه ه ه ي'], // Persian/Urdu variants
    ['a\u200Bb\u200Cc\u200Dd', 'abcd'], // zero-width
    ['\u200E\u200F\u061Cعربي\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069', 'عربي'], // bidi controls
    ['\uFEFFBOM', 'bom'],
    ['ÉCOLE Straße İstanbul', 'ecole straße istanbul'],
    ['ＡＢＣ１２３', 'abc123'], // full width
    ['و\u0654', 'ء'], // decomposed ؤ
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('replaces lone surrogates with a space and keeps pairs', () => {
    expect(normalize('a\uD800b\uDC00c')).toBe('a b c');
    expect(normalize('😀')).toBe('😀');
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => normalize(normalize(s)) === normalize(s)),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on Arabic-heavy strings (letters, marks, tatweel, ligatures, controls)', () => {
    const arabicish = fc.oneof(
      fc.integer({ min: 0x0600, max: 0x06ff }),
      fc.integer({ min: 0xfb50, max: 0xfdff }),
      fc.integer({ min: 0xfe70, max: 0xfeff }),
      fc.constantFrom(0x0640, 0x200c, 0x200d, 0x200f, 0x202e, 0x2067, 0x20, 0x2d, 0x654, 0x655, 0x30),
    );
    const str = fc.array(arabicish, { maxLength: 30 }).map((cs) => String.fromCharCode(...cs));
    fc.assert(fc.property(str, (s) => normalize(normalize(s)) === normalize(s)), { numRuns: 5000 });
  });

  it('is idempotent on every BMP character alone and after an Arabic letter', () => {
    for (let c = 0; c < 0x10000; c++) {
      for (const s of [String.fromCharCode(c), `ب${String.fromCharCode(c)}ب`]) {
        const once = normalize(s);
        if (normalize(once) !== once) throw new Error(`not idempotent on U+${c.toString(16)}`);
      }
    }
  });
});

describe('robustness', () => {
  it('analyze and analyzeTokens never throw, on any code units including lone surrogates', () => {
    const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'binary' })), (s) => {
        const terms = analyze(s);
        const toks = analyzeTokens(s);
        return (
          terms.length === toks.length &&
          toks.every((t, i) => t.term === terms[i] && t.surface.length > 0 && analyze(t.surface).includes(t.term))
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('analyzes mixed scripts', () => {
    expect(analyze('Привет мир 你好 שלום مرحبا hello 123')).toEqual(['привет', 'мир', '你好', 'שלום', 'مرحب', 'hello', '123']);
  });

  it('does not blow up on one 1 MB token or on long runs of marks and tatweel', () => {
    expect(analyze('ب'.repeat(1_000_000))).toEqual([]); // longer than any word: dropped
    expect(analyze('\u064e\u0640'.repeat(500_000))).toEqual([]);
    expect(analyze('1,'.repeat(300_000))).toHaveLength(300_000); // "1,1" is not a thousands group
    expect(analyze('1,000,000'.repeat(100_000))).toHaveLength(100_000); // "1,000,0001,000,000…"
    expect(analyze(`1${',000'.repeat(200_000)}`)).toEqual([]); // one 600k-digit number: too long, dropped
  });
});
