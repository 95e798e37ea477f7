import { describe, expect, it, vi } from 'vitest';
import type { TabState } from '../messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { silencedPageUrl, tabPageUrl } = await import('./tab-page');

const snapshot = { isArticle: true, title: 't', text: 'x', lang: 'ar', dir: 'rtl' as const, url: 'https://news.example.com/a', canonicalUrl: null, published: null, siteName: null };
const article = { kind: 'article', snapshot, results: [], corpusMatch: false } as unknown as TabState;
const notArticle = { kind: 'not-article', url: 'https://blog.example.org/' } as TabState;

describe('the page a tab state is about', () => {
  it("is the article's address, or the page's when it is no article, and none otherwise", () => {
    expect(tabPageUrl(article)).toBe('https://news.example.com/a');
    expect(tabPageUrl(notArticle)).toBe('https://blog.example.org/');
    expect(tabPageUrl({ kind: 'unsupported' } as TabState)).toBe('');
    expect(tabPageUrl(null)).toBe('');
  });

  it('is silenced when its site or a parent domain is in the list', () => {
    expect(silencedPageUrl(article, { silentSites: ['example.com'] })).toBe('https://news.example.com/a');
    expect(silencedPageUrl(article, { silentSites: ['example.org'] })).toBeNull();
    expect(silencedPageUrl(notArticle, { silentSites: ['blog.example.org'] })).toBe('https://blog.example.org/');
    expect(silencedPageUrl({ kind: 'unsupported' } as TabState, { silentSites: ['example.com'] })).toBeNull();
  });
});
