import { describe, expect, it } from 'vitest';
import { createI18n, dirOf, formatMessage, formatRelative, resolveLang } from './i18n';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const ar = (digits: 'latn' | 'arab' = 'latn') => createI18n({ language: 'ar', digits, now: () => NOW });
const en = () => createI18n({ language: 'en', digits: 'latn', now: () => NOW });

describe('relative dates', () => {
  it('formats in English and Arabic in the largest fitting unit', () => {
    const d = (iso: string) => new Date(iso);
    expect(formatRelative(d('2026-11-29T11:55:00Z'), NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelative(d('2026-11-28T12:00:00Z'), NOW, 'en')).toBe('yesterday');
    expect(formatRelative(d('2026-11-26T12:00:00Z'), NOW, 'en')).toBe('3 days ago');
    expect(formatRelative(d('2018-05-16T12:00:00Z'), NOW, 'en')).toBe('9 years ago');
    expect(formatRelative(d('2026-11-26T12:00:00Z'), NOW, 'ar-u-nu-latn')).toBe('قبل 3 أيام');
    expect(formatRelative(d('2026-11-28T12:00:00Z'), NOW, 'ar')).toBe('أمس');
    expect(formatRelative(d('2026-11-26T12:00:00Z'), NOW, 'ar-u-nu-arab')).toBe('قبل ٣ أيام');
  });

  it('shows recent dates relatively and older ones as a date, in the interface language', () => {
    expect(en().date('2026-11-27T12:00:00Z')).toBe('2 days ago');
    expect(ar().date('2026-11-27T12:00:00Z')).toBe('أول أمس');
    expect(ar().date('2026-11-24T12:00:00Z')).toBe('قبل 5 أيام');
    expect(en().date('2018-05-16T11:00:00+03:00')).toBe('May 16, 2018');
    expect(ar().date('2018-05-16T11:00:00+03:00')).toBe('16 مايو 2018');
    expect(ar('arab').date('2018-05-16T11:00:00+03:00')).toBe('١٦ مايو ٢٠١٨');
    expect(en().date('2026-10-01T12:00:00Z')).toBe('Oct 1');
  });

  it('says nothing for a missing or invalid date', () => {
    expect(en().date(null)).toBe('');
    expect(en().date('not a date')).toBe('');
    expect(ar().relative(undefined)).toBe('');
  });
});

describe('apart', () => {
  it('says when a related article ran compared with the page, in both languages', () => {
    const page = '2018-05-15T09:30:00+03:00';
    expect(en().apart('2018-05-15T20:00:00+03:00', page)).toBe('Same day');
    expect(en().apart('2018-05-16T11:00:00+03:00', page)).toBe('1 day later');
    expect(en().apart('2018-05-10T08:45:00+02:00', page)).toBe('5 days earlier');
    expect(ar().apart('2018-05-13T09:00:00+03:00', page)).toBe('قبله بيومين');
    expect(ar().apart('2018-05-25T09:00:00+03:00', page)).toBe('بعده بـ10 أيام');
    expect(ar('arab').apart('2018-05-26T09:00:00+03:00', page)).toBe('بعده بـ١١ يومًا');
    expect(en().apart('2018-02-19T19:30:00+03:00', page)).toBe('');
    expect(en().apart(null, page)).toBe('');
    expect(en().apart('2018-05-15', null)).toBe('');
  });

  it('counts calendar days in the reader’s zone, so it never contradicts the dates beside it', () => {
    const riyadh = createI18n({ language: 'en', digits: 'latn', timeZone: 'Asia/Riyadh' });
    const page = '2018-10-10T08:00:00+03:00';
    // 12.5 hours apart, both on Oct 10: the case that used to say "1 day earlier".
    expect(riyadh.date('2018-10-10T20:30:00+03:00')).toBe(riyadh.date(page));
    expect(riyadh.apart('2018-10-10T20:30:00+03:00', page)).toBe('Same day');
    expect(riyadh.apart('2018-10-09T23:50:00+03:00', page)).toBe('1 day earlier');
    // The same instants read in New York fall on Oct 10 (13:30) and Oct 10 (01:00): the same day there too.
    expect(createI18n({ language: 'en', digits: 'latn', timeZone: 'America/New_York' }).apart('2018-10-10T20:30:00+03:00', page)).toBe('Same day');
  });
});

describe('strings', () => {
  it('substitutes named placeholders like the browser does', () => {
    const entry = { message: 'Results for “$QUERY$” ($$5)', placeholders: { query: { content: '$1' } } };
    expect(formatMessage(entry, ['nile'])).toBe('Results for “nile” ($5)');
    // A substituted value is not substituted again.
    expect(formatMessage(entry, ['$1'])).toBe('Results for “$1” ($5)');
  });

  it('uses the chosen language at once, whatever the browser language', () => {
    const browserI18n = { getUILanguage: () => 'en-US', getMessage: () => 'FROM BROWSER' };
    expect(createI18n({ language: 'ar', digits: 'latn', browserI18n }).t('relatedHeading')).toBe('تغطيات ذات صلة');
    expect(createI18n({ language: 'auto', digits: 'latn', browserI18n }).t('relatedHeading')).toBe('FROM BROWSER');
  });

  it('follows an Arabic browser in auto mode', () => {
    expect(resolveLang('auto', 'ar-EG')).toBe('ar');
    expect(resolveLang('auto', 'fr')).toBe('en');
    expect(resolveLang('en', 'ar')).toBe('en');
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en-GB')).toBe('ltr');
  });

  it('picks the Arabic plural form and formats digits as chosen', () => {
    const i = ar();
    expect([0, 1, 2, 3, 11, 100].map((n) => i.plural('articleCount', n))).toEqual([
      'لا مقالات',
      'مقال واحد',
      'مقالان',
      '3 مقالات',
      '11 مقالًا',
      '100 مقال',
    ]);
    expect(ar('arab').plural('articleCount', 5)).toBe('٥ مقالات');
    expect(en().plural('articleCount', 1)).toBe('1 article');
    expect(en().plural('articleCount', 2)).toBe('2 articles');
    expect(ar('arab').number(29475)).toBe('٢٩٬٤٧٥');
  });

  it('sets lang and dir on the document', () => {
    const doc = { documentElement: { lang: '', dir: '' } } as unknown as Document;
    ar().applyToDocument(doc);
    expect(doc.documentElement.lang).toBe('ar');
    expect(doc.documentElement.dir).toBe('rtl');
  });
});
