import { describe, expect, test } from 'vitest';
import { normalizeDate, parseDateText } from './dates';

describe('parseDateText', () => {
  test.each([
    ['تاريخ النشر: 25th, March 2024 GMT', '2024-03-25'],
    ['الاثنين 25 مارس 2024', '2024-03-25'],
    ['الإثنين ٢٥ مارس ٢٠٢٤', '2024-03-25'],
    ['۲۵ مارس ۲۰۲۴', '2024-03-25'],
    ['25 آذار 2024', '2024-03-25'],
    ['3 كانون الثاني 2023', '2023-01-03'],
    ['12 تشرين الأول 2022', '2022-10-12'],
    ['1 تشرين الثاني/نوفمبر 2021', '2021-11-01'],
    ['25 آذار/مارس 2024', '2024-03-25'],
    ['29 أكتوبر/ تشرين الأول 2023', '2023-10-29'],
    ['5 كانون الثاني/يناير 2022', '2022-01-05'],
    ['الخميس 7 أيلول 2023 - 10:30', '2023-09-07T10:30:00'],
    ['15 جوان 2020', '2020-06-15'],
    ['March 25, 2024', '2024-03-25'],
    ['Mon, 25 Mar 2024 10:30:00 GMT', '2024-03-25T10:30:00Z'],
    ['25 March 2024 10:30 GMT+3', '2024-03-25T10:30:00+03:00'],
    ['نشر في 2024/03/25 - 09:15 م', '2024-03-25T21:15:00'],
    ['25/03/2024', '2024-03-25'],
    ['03/25/2024', '2024-03-25'],
    ['2024-03-25 10:30:00', '2024-03-25T10:30:00'],
    ['الأحد، 5 مايو 2019 02:00 ص', '2019-05-05T02:00:00'],
  ])('%s', (input, iso) => {
    expect(parseDateText(input)).toBe(iso);
  });

  test('no date, or an impossible one, gives null', () => {
    expect(parseDateText('لا يوجد تاريخ هنا')).toBeNull();
    expect(parseDateText('45 مارس 2024')).toBeNull();
    expect(parseDateText('13/13/2024')).toBeNull();
    expect(parseDateText('')).toBeNull();
  });
});

describe('normalizeDate', () => {
  test('keeps valid ISO strings, repairs near-ISO, rejects junk', () => {
    expect(normalizeDate('2024-03-25T10:30:00+03:00')).toBe('2024-03-25T10:30:00+03:00');
    expect(normalizeDate('2024-03-25T10:30:00.123Z')).toBe('2024-03-25T10:30:00.123Z');
    expect(normalizeDate('2024-03-25 10:30')).toBe('2024-03-25T10:30:00');
    expect(normalizeDate('2024-03-25T10:30:00+0300')).toBe('2024-03-25T10:30:00+03:00');
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate(42)).toBeNull();
    expect(normalizeDate('9999-99-99')).toBeNull();
  });
});
