import { describe, expect, it, vi } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { openIndex } from '../lib/engine';
import { memorySource } from '../lib/index/source';
import { RelatedEngine } from '../lib/related/related';
import type { RelatedResult } from '../lib/types';
import { MemoryStore } from './memory-store';
import { OPENING_CHARS } from './records';
import { readAsRelated } from './related-merge';
import { readIdOf, withDetails, type DetailSources } from './related-details';

const indexFiles = buildFixtureFiles();
const page = fixtureArticles[0];
const query = { title: page.title, body: page.body };

describe('sharedTermsOutside: chips for articles outside the index', () => {
  it('gives the articles of the bundled list, handed in as outside articles, the chips the bundled list shows', async () => {
    const index = await openIndex(memorySource(indexFiles));
    const bundled = await index.related(query, { k: 5 });
    expect(bundled.some((r) => r.sharedTerms.length > 0)).toBe(true);
    const texts = bundled.map((r) => fixtureArticles.find((a) => a.id === r.doc.id)!);
    const outside = index.sharedTermsOutside(query, texts.map((a) => ({ title: a.title, body: a.body })));
    expect(outside).toEqual(bundled.map((r) => r.sharedTerms));
  });

  it('analyses the page once: the chips read the analysis the library asked with (SilaIndex.libraryQuery)', async () => {
    const index = await openIndex(memorySource(indexFiles));
    const other = fixtureArticles[1];
    const expected = (await openIndex(memorySource(indexFiles))).sharedTermsOutside(query, [{ title: other.title, body: other.body }]);
    const analyses = vi.spyOn(RelatedEngine.prototype, 'analyze');
    try {
      index.libraryQuery(query);
      expect(index.sharedTermsOutside(query, [{ title: other.title, body: other.body }])).toEqual(expected);
      expect(analyses).toHaveBeenCalledTimes(1);
      // Another page is analysed afresh, not given the kept one's chips.
      index.sharedTermsOutside({ title: other.title, body: other.body }, [{ title: page.title, body: page.body }]);
      expect(analyses).toHaveBeenCalledTimes(2);
    } finally {
      analyses.mockRestore();
    }
  });

  it('gives no chip to an article sharing no word with the page', async () => {
    const index = await openIndex(memorySource(indexFiles));
    expect(index.sharedTermsOutside(query, [{ title: 'zzqx', body: 'qqzx wwvy' }])).toEqual([[]]);
    expect(index.sharedTermsOutside(query, [])).toEqual([]);
  });
});

describe('withDetails: a library result shows a snippet and chips as an archive result does', () => {
  const bareRead = (id: number, title: string): RelatedResult =>
    readAsRelated({ read: { v: 3, id, url: `https://news.example/${id}`, title, outlet: 'Example', published: null, opening: 'not used', readAt: 1 }, confidence: 0.8, score: 1 });

  it('fills a read’s snippet with its stored opening and its chips with the page’s words it holds', async () => {
    const index = await openIndex(memorySource(indexFiles));
    const store = new MemoryStore();
    const other = fixtureArticles[1];
    const id = await store.addRead({ url: 'https://news.example/r', title: other.title, outlet: 'Example', published: null, text: other.body, readAt: 1 }, () => ({ docIds: [], bytes: new Uint8Array() }) as never);
    const [record] = await store.reads([id]);
    const result = readAsRelated({ read: record, confidence: 0.8, score: 1 });
    expect(result.doc.snippet).toBe('');
    const sources: DetailSources = {
      openings: async (ids) => new Map((await store.reads(ids)).map((r) => [r.id, r.opening])),
      chips: (p, articles) => index.sharedTermsOutside(p, articles),
    };
    const [shown] = await withDetails([result], query, sources);
    expect(shown.doc.snippet).toBe(other.body.slice(0, OPENING_CHARS));
    expect(shown.sharedTerms.length).toBeGreaterThan(0);
    expect(shown.sharedTerms).toEqual(index.sharedTermsOutside(query, [{ title: other.title, body: shown.doc.snippet }])[0]);
    expect(shown.readAt).toBe(1);
    expect(shown.confidence).toBe(0.8);
  });

  it('keeps what a result already has, and a result whose details cannot be had', async () => {
    const archive: RelatedResult = { doc: { id: 'a1', title: 'T', url: null, source: null, published: null, snippet: 'kept', story: 0 }, position: 0, score: 1, sharedTerms: ['Kept'], alsoIn: [] };
    const read = bareRead(7, 'Seven');
    const failing: DetailSources = {
      openings: async () => {
        throw new Error('storage refused');
      },
      chips: () => {
        throw new Error('no engine');
      },
    };
    const out = await withDetails([archive, read], query, failing);
    expect(out).toEqual([archive, read]);
  });

  it('asks the store only for the shown reads, once', async () => {
    const asked: number[][] = [];
    const sources: DetailSources = {
      openings: async (ids) => (asked.push(ids), new Map(ids.map((id) => [id, `opening ${id}`]))),
      chips: (_p, articles) => articles.map(() => []),
    };
    const collection: RelatedResult = { ...bareRead(0, 'C'), readAt: undefined, doc: { ...bareRead(0, 'C').doc, id: 'collection:1:x', snippet: 'its body' }, collection: { id: 1, name: 'N' } };
    const out = await withDetails([bareRead(3, 'Three'), collection, bareRead(9, 'Nine')], query, sources);
    expect(asked).toEqual([[3, 9]]);
    expect(out.map((r) => r.doc.snippet)).toEqual(['opening 3', 'its body', 'opening 9']);
    expect(readIdOf(collection)).toBeNull();
  });
});
