import { describe, expect, it, vi } from 'vitest';
import type { ArticleSnapshot, RelatedResult } from './lib/types';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { makeAnswer, snapshotHash, stateFromStored } = await import('./tab-answer');

const snapshot: ArticleSnapshot = {
  isArticle: true,
  title: 'عنوان الخبر',
  text: 'نص الخبر الأول\nوالفقرة الثانية',
  lang: 'ar',
  dir: 'rtl',
  url: 'https://news.example/a/1',
  canonicalUrl: null,
  published: '2018-05-01T10:00:00Z',
  siteName: 'Example',
};
const result = (id: string, confidence: number): RelatedResult => ({
  doc: { id, title: id, url: `https://x.example/${id}`, source: null, published: null, snippet: '', story: 0 },
  position: 0,
  score: 1,
  sharedTerms: [],
  alsoIn: [],
  confidence,
});
const results = [result('a', 0.9), result('b', 0.6), result('c', 0.3)];
const settings = { resultCount: 8, minConfidence: 0.5 };
const stored = makeAnswer(snapshot, 8, { results, corpusMatch: true });

describe('a stored answer', () => {
  it('is shown for the snapshot and resultCount it was ranked for, counting confidence with the current setting', () => {
    expect(stateFromStored(snapshot, stored, settings)).toEqual({ kind: 'article', snapshot, results, corpusMatch: true, confidentCount: 2 });
    // minConfidence only changes the count, which is recomputed, so the answer still holds.
    expect(stateFromStored(snapshot, stored, { resultCount: 8, minConfidence: 0.7 })).toMatchObject({ kind: 'article', confidentCount: 1 });
    // Storage hands back a copy, not the object that was stored.
    expect(stateFromStored(structuredClone(snapshot), structuredClone(stored), settings)).toMatchObject({ kind: 'article', results });
  });

  it('is not shown after resultCount changed', () => {
    expect(stateFromStored(snapshot, stored, { resultCount: 12, minConfidence: 0.5 })).toBeNull();
  });

  it('is not shown for another page, or the same tab after a navigation changed what is ranked', () => {
    for (const change of [
      { url: 'https://news.example/a/2' },
      { canonicalUrl: 'https://news.example/a/canonical' },
      { title: 'عنوان آخر' },
      { text: `${snapshot.text}.` },
      { published: null },
    ] as Partial<ArticleSnapshot>[]) {
      expect(stateFromStored({ ...snapshot, ...change }, stored, settings), JSON.stringify(change)).toBeNull();
    }
  });

  it('is not shown when missing or not an answer; a page that is not an article needs none', () => {
    for (const bad of [undefined, null, 'x', {}, { ...stored, v: 2 }, { ...stored, results: 'no' }, { ...stored, resultCount: '8' }]) {
      expect(stateFromStored(snapshot, bad, settings)).toBeNull();
    }
    expect(stateFromStored(null, stored, settings)).toBeNull();
    expect(stateFromStored({ ...snapshot, isArticle: false }, undefined, settings)).toEqual({ kind: 'not-article', url: snapshot.url });
  });

  it('hashes what ranking reads, with field boundaries', () => {
    expect(snapshotHash(snapshot)).toBe(snapshotHash({ ...snapshot, siteName: 'Other', dir: 'ltr' }));
    expect(snapshotHash({ ...snapshot, title: 'ab', text: 'c' })).not.toBe(snapshotHash({ ...snapshot, title: 'a', text: 'bc' }));
  });
});
