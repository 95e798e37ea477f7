/** Filtering and sorting search results by source, outlet, month and date: pure functions, tested without a DOM. */
import type { ResultOrigin, SearchResult } from '../lib/types';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchFilters {
  /** A source as originKey gives it ("archive", "reading", "collection:<id>"), or "" for all. */
  origin: string;
  /** An outlet name, or "" for all. */
  outlet: string;
  /** A month as "YYYY-MM", or "" for any date. */
  month: string;
  sort: SortOrder;
}

export const NO_FILTERS: SearchFilters = { origin: '', outlet: '', month: '', sort: 'relevance' };

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? Number.NaN : t;
}

/** "YYYY-MM" of an ISO date, as published (not shifted to the reader's time zone), or "". */
export function monthOf(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  return m && !Number.isNaN(time(iso)) ? `${m[1]}-${m[2]}` : '';
}

/** The outlets and months present in a result list, most frequent outlet first, newest month first. */
export function facets(results: readonly SearchResult[]): { outlets: { name: string; count: number }[]; months: string[] } {
  const outlets = new Map<string, number>();
  const months = new Set<string>();
  for (const { doc } of results) {
    if (doc.source) outlets.set(doc.source, (outlets.get(doc.source) ?? 0) + 1);
    const month = monthOf(doc.published);
    if (month) months.add(month);
  }
  return {
    outlets: [...outlets].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    months: [...months].sort().reverse(),
  };
}

/** One string per source, for the filter's value: a result without an origin is the archive's. */
export function originKey(origin: ResultOrigin | undefined): string {
  if (!origin) return 'archive';
  return origin.kind === 'collection' ? `collection:${origin.id}` : origin.kind;
}

/**
 * The sources present in a result list, with their counts: the archive first, then the reading, then
 * collections by name. The archive is always listed once another source is, so that it can be chosen alone.
 */
export function originFacets(results: readonly SearchResult[]): { key: string; origin: ResultOrigin; count: number }[] {
  const found = new Map<string, { key: string; origin: ResultOrigin; count: number }>();
  for (const { origin } of results) {
    const key = originKey(origin);
    const entry = found.get(key) ?? { key, origin: origin ?? { kind: 'archive' }, count: 0 };
    entry.count++;
    found.set(key, entry);
  }
  if (found.size > 0 && !found.has('archive')) found.set('archive', { key: 'archive', origin: { kind: 'archive' }, count: 0 });
  const rank = (o: ResultOrigin) => (o.kind === 'archive' ? 0 : o.kind === 'reading' ? 1 : 2);
  const name = (o: ResultOrigin) => (o.kind === 'collection' ? o.name : '');
  return [...found.values()].sort((a, b) => rank(a.origin) - rank(b.origin) || name(a.origin).localeCompare(name(b.origin)) || a.key.localeCompare(b.key));
}

export function applyFilters(results: readonly SearchResult[], filters: SearchFilters): SearchResult[] {
  const kept = results.filter(
    ({ doc, origin }) =>
      (!filters.origin || originKey(origin) === filters.origin) &&
      (!filters.outlet || doc.source === filters.outlet) && (!filters.month || monthOf(doc.published) === filters.month),
  );
  if (filters.sort === 'relevance') return kept;
  const sign = filters.sort === 'newest' ? -1 : 1;
  // Undated articles go last in both orders; ties keep relevance order (Array.prototype.sort is stable).
  return [...kept].sort((a, b) => {
    const ta = time(a.doc.published);
    const tb = time(b.doc.published);
    if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
    return sign * (ta - tb);
  });
}
