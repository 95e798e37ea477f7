/**
 * Every count the library's settings show (lines left out, more lines, a limit in characters or bytes) is said in
 * the language's plural form, and a bad line's number is an identifier: the interface's digits, never grouped.
 */
import { describe, expect, it } from 'vitest';
import ar_messages from '../../public/_locales/ar/messages.json';
import { createI18n } from '../i18n';
import type { SkipReason } from '../lib/corpus/parse-line';
import { skippedLineText } from './skip-reason-text';

const en = createI18n({ language: 'en', digits: 'latn' });
const ar = createI18n({ language: 'ar', digits: 'latn' });
const arabicDigits = createI18n({ language: 'ar', digits: 'arab' });
const line = (n: number, why: SkipReason) => ({ line: n, reason: `line ${n}: …`, why });

describe('counts in the library section, in English', () => {
  it('says one line and many lines apart', () => {
    expect(en.plural('linesLeftOut', 1)).toBe('1 line was left out');
    expect(en.plural('linesLeftOut', 3)).toBe('3 lines were left out');
    expect(en.plural('moreLinesLeftOut', 1)).toBe('… and 1 more line');
    expect(en.plural('moreLinesLeftOut', 1200)).toBe('… and 1,200 more lines');
  });

  it('says a limit with its noun, and a line number without grouping', () => {
    expect(skippedLineText(en, line(1234, { key: 'too-long-title', params: [2000] }))).toBe('line 1234: title longer than 2,000 characters');
    expect(skippedLineText(en, line(98765, { key: 'line-too-long', params: [1_000_000] }))).toBe('line 98765: longer than 1,000,000 bytes');
  });
});

describe('counts in the library section, in Arabic', () => {
  it('uses each of the six plural forms', () => {
    expect([1, 2, 3, 11, 100].map((n) => ar.plural('linesLeftOut', n))).toEqual([
      'أُسقط سطر واحد لم يُقرأ',
      'أُسقط سطران لم يُقرآ',
      'أُسقطت 3 أسطر لم تُقرأ',
      'أُسقط 11 سطرًا لم يُقرأ',
      'أُسقط 100 سطر لم يُقرأ',
    ]);
    expect([1, 2, 5, 12, 1000].map((n) => ar.plural('moreLinesLeftOut', n))).toEqual(['… وسطر آخر', '… وسطران آخران', '… و5 أسطر أخرى', '… و12 سطرًا آخر', '… و1,000 سطر آخر']);
  });

  it('says a limit in the form its number takes (512 حرفًا, 2000 حرف), and a line number ungrouped in the interface’s digits', () => {
    expect(skippedLineText(ar, line(7, { key: 'too-long-id', params: [512] }))).toBe('السطر 7: المعرّف (id) أطول من 512 حرفًا');
    expect(skippedLineText(ar, line(1234, { key: 'too-long-title', params: [2000] }))).toBe('السطر 1234: العنوان (title) أطول من 2,000 حرف');
    expect(skippedLineText(arabicDigits, line(1234, { key: 'empty-field', params: ['body'] }))).toBe('السطر ١٢٣٤: الحقل «\u2068body\u2069» فارغ');
    expect(arabicDigits.identifier(1234)).toBe('١٢٣٤');
  });
});

describe('numbers inside the locale’s sentences', () => {
  it('are placeholders, so they follow the digits setting like every other number (only the digits choice shows both)', () => {
    const written = Object.entries(ar_messages as Record<string, { message: string }>).filter(([key, v]) => /[٠-٩]/.test(v.message) && key !== 'digitsArab');
    expect(written.map(([key]) => key)).toEqual([]);
    expect(ar.t('rememberCardBody', ar.plural('secondsCount', 15))).toContain(' 15 ثانيةً ');
    expect(arabicDigits.t('rememberCardBody', arabicDigits.plural('secondsCount', 15))).toContain(' ١٥ ثانيةً ');
  });
});

describe('how long a read lasts before it is kept (the remember card and its setting)', () => {
  it('says the seconds in the Arabic form each number takes', () => {
    expect([0, 1, 2, 3, 10, 11, 15, 99, 100, 101, 103].map((n) => ar.plural('secondsCount', n))).toEqual([
      '0 ثانية', 'ثانية واحدة', 'ثانيتين', '3 ثوانٍ', '10 ثوانٍ', '11 ثانيةً', '15 ثانيةً', '99 ثانيةً', '100 ثانية', '101 ثانية', '103 ثوانٍ',
    ]);
    expect(ar.t('rememberHelp', ar.plural('secondsCount', 5), 'x')).toContain('مفتوحة 5 ثوانٍ تُحفظ');
    expect(ar.t('rememberCardBody', ar.plural('secondsCount', 2))).toContain('تقرؤها ثانيتين أو أكثر');
  });

  it('says one second and many seconds apart in English', () => {
    expect(en.t('rememberCardBody', en.plural('secondsCount', 1))).toContain('read for 1 second or more');
    expect(en.t('rememberHelp', en.plural('secondsCount', 15), 'x')).toContain('keep open for 15 seconds are');
  });
});
