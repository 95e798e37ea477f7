import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleSnapshot, RelatedResult } from '../lib/types';

/** What the badge shows per tab, in the order it was set. */
const painted: { tabId: number; text: string }[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void painted.push({ tabId, text }),
      setBadgeBackgroundColor: async () => undefined,
    },
  },
}));
const { showCount, showPageCount, shownCount } = await import('./badge');

const result = (id: string, confidence: number, url: string | null = null): RelatedResult => ({
  doc: { id, title: id, url, source: null, published: null, snippet: '', story: 0 },
  position: 0,
  score: 1,
  sharedTerms: [],
  alsoIn: [],
  confidence,
});
const page: ArticleSnapshot = { isArticle: true, title: 't', text: 'x', lang: 'ar', dir: 'rtl', url: 'https://a.example/1', canonicalUrl: 'https://a.example/c', published: null, siteName: null };
const settings = { resultCount: 4, minConfidence: 0.6, badge: true };
const archive = [result('a', 0.9), result('b', 0.7), result('c', 0.3)];
const shown = (tabId: number) => painted.filter((p) => p.tabId === tabId).map((p) => p.text);

beforeEach(() => void (painted.length = 0));

describe('the badge counts the list the popup shows: the archive and the library merged', () => {
  test('a library hit above the floor is counted; one under it, past resultCount or the page itself is not', () => {
    expect(shownCount(page, archive, [], settings)).toBe(2);
    expect(shownCount(page, archive, [result('reading:1', 0.8)], settings)).toBe(3);
    expect(shownCount(page, archive, [result('reading:1', 0.5)], settings)).toBe(2);
    // The page itself, by its canonical URL, is never listed, so never counted.
    expect(shownCount(page, archive, [result('reading:2', 0.95, 'https://a.example/c')], settings)).toBe(2);
    // resultCount 4: the five confident results merged are shown four.
    const many = [result('reading:1', 0.8), result('collection:1:x', 0.85), result('collection:1:y', 0.65)];
    expect(shownCount(page, archive, many, settings)).toBe(4);
  });

  test('the archive count is shown at once, the merged count when the library answers', async () => {
    let answer: (results: RelatedResult[]) => void = () => undefined;
    const library = new Promise<RelatedResult[]>((resolve) => (answer = resolve));
    const { count, settled } = await showPageCount(7, page, archive, settings, () => library);
    expect(count).toBe(2);
    expect(shown(7)).toEqual(['2']);
    answer([result('reading:1', 0.8), result('collection:1:x', 0.75)]);
    await settled;
    expect(shown(7)).toEqual(['2', '4']);
  });

  test('a library that fails leaves the archive count', async () => {
    const { settled } = await showPageCount(8, page, archive, settings, async () => Promise.reject(new Error('refused')));
    await settled;
    expect(shown(8)).toEqual(['2']);
  });

  test("an earlier page's library answer never replaces the tab's later count", async () => {
    let answer: (results: RelatedResult[]) => void = () => undefined;
    const { settled } = await showPageCount(9, page, archive, settings, () => new Promise((resolve) => (answer = resolve)));
    await showCount(9, 0, true); // the tab went on to a page that is not an article
    answer([result('reading:1', 0.8)]);
    await settled;
    expect(shown(9)).toEqual(['2', '']);
  });
});
