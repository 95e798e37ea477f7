import { describe, expect, it } from 'vitest';
import type { IndexMeta } from '../lib/types';
import { archiveAgeNote, archiveName, coveredSpan } from './archive';
import { createI18n } from '../i18n';

const en = createI18n({ language: 'en', digits: 'latn', timeZone: 'UTC' });
const ar = createI18n({ language: 'ar', digits: 'arab', timeZone: 'UTC' });
const corpus = (over: Partial<IndexMeta['corpus']> = {}): IndexMeta['corpus'] => ({
  name: 'ant-2018',
  articleCount: 100,
  storyCount: 90,
  sources: [],
  dateRange: ['2012-10-11T04:04:00+04:00', '2018-10-20T07:53:24+00:00'],
  languages: ['ar'],
  licenceNote: '',
  coverage: ['2018-02-03T00:00:00.000Z', '2018-10-15T00:00:00.000Z'],
  credit: { title: 'ANT Corpus', url: 'http://antcorpus.github.io', citation: 'A. Author. A Title.' },
  ...over,
});

describe('archiveName', () => {
  it('names the archive by its language, the years that hold most of it and its corpus, in both languages', () => {
    expect(archiveName(corpus(), en)).toBe('Arabic news 2018 (ANT Corpus)');
    expect(archiveName(corpus(), ar)).toBe('أخبار عربية ٢٠١٨ (ANT Corpus)');
    expect(archiveName(corpus({ coverage: ['2017-05-01T00:00:00Z', '2018-10-01T00:00:00Z'] }), en)).toBe('Arabic news 2017–2018 (ANT Corpus)');
  });
  it('falls back to the full range, then the id, on an index that says less', () => {
    expect(archiveName(corpus({ coverage: undefined, credit: undefined }), en)).toBe('Arabic news 2012–2018 (ant-2018)');
    expect(archiveName(corpus({ dateRange: null, coverage: null, credit: null }), en)).toBe('ant-2018');
    expect(archiveName(corpus({ languages: ['ar', 'en'] }), en)).toBe('ANT Corpus');
  });
  it('shows the 99 % span as the dates covered when the index has it', () => {
    expect(coveredSpan(corpus())?.[0]).toBe('2018-02-03T00:00:00.000Z');
    expect(coveredSpan(corpus({ coverage: undefined }))?.[0]).toBe('2012-10-11T04:04:00+04:00');
  });
});

describe('archiveAgeNote', () => {
  const good = { shown: 8, confident: 3 };
  it('tells a reader of a newer page when the archive ends, whatever the list', () => {
    expect(archiveAgeNote(corpus(), '2024-03-01T10:00:00Z', good, en)).toBe('This page is newer than the archive, which ends in October 2018: what it holds on the subject is older news.');
    expect(archiveAgeNote(corpus(), '2026-01-01T10:00:00Z', good, ar)).toContain('أكتوبر ٢٠١٨');
  });
  it('explains an empty or weak list, and stays silent under a good one', () => {
    expect(archiveAgeNote(corpus(), '2013-03-05T10:00:00Z', { shown: 0, confident: 0 }, en)).toBe('The archive holds news until October 2018: later events are not in it.');
    expect(archiveAgeNote(corpus(), null, { shown: 5, confident: 0 }, en)).toContain('October 2018');
    expect(archiveAgeNote(corpus(), '2018-10-10T10:00:00Z', good, en)).toBeNull();
    expect(archiveAgeNote(corpus(), null, good, en)).toBeNull();
  });
  it('takes the end from the index, not from a constant', () => {
    expect(archiveAgeNote(corpus({ dateRange: ['2020-01-01T00:00:00Z', '2021-06-30T12:00:00Z'] }), null, { shown: 0, confident: 0 }, en)).toContain('June 2021');
    expect(archiveAgeNote(corpus({ dateRange: null }), '2026-01-01T00:00:00Z', good, en)).toBeNull();
  });
});
