import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayText, langOfText, languageOfText } from './display-text';
import { displayHost, safeHttpUrl } from '../lib/safe-url';

describe('safeHttpUrl', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://www.bbc.com/arabic/x')).toBe('https://www.bbc.com/arabic/x');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', '/relative', '//example.com', '', null, undefined, 'https://' + 'a'.repeat(5000)]) {
      expect(safeHttpUrl(bad as string), String(bad).slice(0, 30)).toBeNull();
    }
  });
  it('shows a host without www', () => {
    expect(displayHost('https://www.example-news.com/ar/')).toBe('example-news.com');
    expect(displayHost('javascript:alert(1)')).toBe('');
  });
});

describe('displayText', () => {
  it('removes bidi overrides, isolates and control characters', () => {
    expect(displayText('\u202Eevil\u202C title\u2067x\u2069\u0000\n\tend')).toBe('evil title x end');
  });
  // Timing is the benchmarks' business (a loaded CI machine made a 200 ms bound flaky); this checks the result.
  it('cuts very long text at a word boundary', () => {
    const long = 'word '.repeat(2_000_000);
    const out = displayText(long, 300);
    expect(out.length).toBeLessThanOrEqual(301);
    expect(out.endsWith('word…')).toBe(true);
  });
  it('returns "" for anything that is not a string', () => {
    expect(displayText(undefined)).toBe('');
    expect(displayText({ toString: () => '<b>' })).toBe('');
  });
});

describe('languageOfText', () => {
  it('takes the language of most letters, not of the first one', () => {
    expect(langOfText('«سد النهضة» Ethiopia')).toBe('ar');
    expect(langOfText('FBI يداهم مكتب محامي ترامب')).toBe('ar');
    expect(languageOfText('(CNN)-- قالت وزارة الخارجية الأمريكية إن')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(languageOfText('2018: Grand Ethiopian Renaissance Dam قد')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(langOfText('2018 — …')).toBeUndefined();
  });

  it('weighs several texts together (a card: its title and its snippet)', () => {
    expect(languageOfText('CNN', 'قالت الوزارة')?.dir).toBe('rtl');
    expect(languageOfText('Trump says', 'ok')?.dir).toBe('ltr');
    expect(languageOfText('', '')).toBeUndefined();
  });

  it('agrees with the count of letters on any mix', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.boolean(), (ar, en, arFirst) => {
        const a = 'ب'.repeat(ar);
        const e = 'b'.repeat(en);
        const got = languageOfText(arFirst ? `${a} ${e}` : `${e} ${a}`);
        if (ar + en === 0) return got === undefined;
        return got?.dir === (ar >= en ? 'rtl' : 'ltr');
      }),
    );
  });
});
