import { describe, expect, it } from 'vitest';
import { memorySource } from '../lib/index/source';
import { buildSearchFiles } from '../lib/search/build';
import { ARTICLES } from '../lib/search/fixtures';
import { loadSearcher } from '../lib/search/load';
import type { SearchResult } from '../lib/types';
import type { SearchableRead } from './library';
import { mergeSearchResults, searchReads } from './search';

async function archive() {
  const files = buildSearchFiles(ARTICLES.map((a, position) => ({ position, title: a.title, body: a.body, source: null, published: null })), { titles: true });
  const s = await loadSearcher(memorySource(new Map(Object.entries(files))));
  const index = { searchOutside: async (q: string, docs: readonly { title: string; body: string }[]) => s.searchOutside(q, docs.map((d) => s.prepareOutside(d))) };
  const search = (q: string, k: number): SearchResult[] =>
    s.search(q, { k }).map((h) => ({ doc: { id: `a${h.position}`, title: ARTICLES[h.position].title, url: null, source: null, published: null, snippet: '', story: h.position }, ...h }));
  return { index, search };
}

const read = (id: number, title: string, opening: string): SearchableRead => ({ v: 3, id, url: `https://news.example/${id}`, title, outlet: 'Example', published: '2026-12-01T08:00:00Z', readAt: 0, opening });

describe('search over the archive and the reads', () => {
  it('interleaves reads with archive hits by the one score, each labelled with its origin', async () => {
    const { index, search } = await archive();
    // A read with the same title as archive article 3 scores about as it does (one more document of the archive).
    const reads = [read(1, ARTICLES[3].title, ARTICLES[3].body), read(2, 'مباراة كرة القدم', 'فاز الفريق.')];
    const query = 'وزارة الخارجية ';
    const merged = mergeSearchResults([search(query, 10), await searchReads(index, reads, query, 10)], 10);
    const at = (id: string) => merged.findIndex((r) => r.doc.id === id);
    expect(Math.abs(at('reading:1') - at('a3'))).toBe(1);
    expect(at('reading:2')).toBe(-1);
    expect(merged.find((r) => r.doc.id === 'reading:1')).toMatchObject({ origin: { kind: 'reading' }, position: -1, doc: { url: 'https://news.example/1', source: 'Example' } });
    expect(merged.filter((r) => r.doc.id.startsWith('a')).every((r) => r.origin?.kind === 'archive')).toBe(true);
    for (let i = 1; i < merged.length; i++) expect(merged[i - 1].score).toBeGreaterThanOrEqual(merged[i].score);
  });

  it('keeps at most the limit, the archive first at equal scores, and nothing for an empty library', async () => {
    const { index } = await archive();
    expect(await searchReads(index, [], 'وزارة', 5)).toEqual([]);
    const r = (id: string, score: number): SearchResult => ({ doc: { id, title: id, url: null, source: null, published: null, snippet: '', story: 0 }, position: 0, score, matchedTerms: [] });
    const mine = { ...r('m', 2), origin: { kind: 'reading' as const } };
    expect(mergeSearchResults([[r('a', 2), r('b', 1)], [mine]], 2).map((x) => x.doc.id)).toEqual(['a', 'm']);
  });
});
