import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../lib/types';
import { applyFilters, facets, monthOf, NO_FILTERS, originFacets, originKey } from './search-filters';

const r = (id: string, source: string | null, published: string | null): SearchResult => ({
  doc: { id, title: id, url: null, source, published, snippet: '', story: 0 },
  position: 0,
  score: 1,
  matchedTerms: [],
});
const results = [
  r('a', 'BBC Arabic', '2018-05-16T11:00:00+03:00'),
  r('b', 'Al Arabiya', '2018-03-01T00:30:00+04:00'),
  r('c', 'BBC Arabic', null),
  r('d', 'CNN Arabic', '2018-05-02T10:00:00Z'),
];

describe('search filters', () => {
  it('lists outlets by frequency and months newest first', () => {
    expect(facets(results)).toEqual({
      outlets: [
        { name: 'BBC Arabic', count: 2 },
        { name: 'Al Arabiya', count: 1 },
        { name: 'CNN Arabic', count: 1 },
      ],
      months: ['2018-05', '2018-03'],
    });
  });
  it('keeps the month as published, not shifted to the local time zone', () => {
    expect(monthOf('2018-03-01T00:30:00+04:00')).toBe('2018-03');
    expect(monthOf('garbage')).toBe('');
  });
  it('filters by outlet and month', () => {
    expect(applyFilters(results, { ...NO_FILTERS, outlet: 'BBC Arabic' }).map((x) => x.doc.id)).toEqual(['a', 'c']);
    expect(applyFilters(results, { ...NO_FILTERS, month: '2018-05' }).map((x) => x.doc.id)).toEqual(['a', 'd']);
  });
  it('sorts by date either way with undated articles last, and keeps relevance order by default', () => {
    expect(applyFilters(results, NO_FILTERS).map((x) => x.doc.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(applyFilters(results, { ...NO_FILTERS, sort: 'newest' }).map((x) => x.doc.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(applyFilters(results, { ...NO_FILTERS, sort: 'oldest' }).map((x) => x.doc.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('the source filter', () => {
  const mine = (id: string): SearchResult => ({ ...r(id, 'Example', '2026-12-01T08:00:00Z'), origin: { kind: 'reading' } });
  const theirs = (id: string): SearchResult => ({ ...r(id, 'Example', null), origin: { kind: 'collection', id: 'c1', name: 'مصر 2013' } });
  const mixed = [results[0], mine('m1'), results[1], theirs('c'), mine('m2')];

  it('lists the sources present, the archive first, and nothing for an archive-only list', () => {
    expect(originFacets(mixed).map((o) => [o.key, o.count])).toEqual([
      ['archive', 2],
      ['reading', 2],
      ['collection:c1', 1],
    ]);
    expect(originFacets(results)).toEqual([{ key: 'archive', origin: { kind: 'archive' }, count: 4 }]);
    // With no archive result the archive is still offered, so that the reader can see it has none.
    expect(originFacets([mine('m1')]).map((o) => [o.key, o.count])).toEqual([
      ['archive', 0],
      ['reading', 1],
    ]);
  });

  it('keeps only the chosen source, combined with the other filters', () => {
    expect(applyFilters(mixed, { ...NO_FILTERS, origin: 'archive' }).map((x) => x.doc.id)).toEqual(['a', 'b']);
    expect(applyFilters(mixed, { ...NO_FILTERS, origin: 'reading' }).map((x) => x.doc.id)).toEqual(['m1', 'm2']);
    expect(applyFilters(mixed, { ...NO_FILTERS, origin: 'collection:c1' }).map((x) => x.doc.id)).toEqual(['c']);
    expect(applyFilters(mixed, { ...NO_FILTERS, origin: 'reading', outlet: 'BBC Arabic' })).toEqual([]);
    expect(originKey(undefined)).toBe('archive');
  });
});
