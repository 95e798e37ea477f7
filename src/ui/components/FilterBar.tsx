/** Source, outlet, month and sort controls above search results. */
import type { ResultOrigin, SearchResult } from '../../lib/types';
import { useUi } from '../context';
import type { I18n } from '../../i18n';
import { outletName } from '../outlets';
import { facets, originFacets, type SearchFilters, type SortOrder } from '../search-filters';

/** A source's name in the interface language (a collection's is the name the user gave it, as text). */
/** The chosen source when no result has it any more (a collection then shows by its id). */
function originOfKey(key: string): ResultOrigin {
  if (key.startsWith('collection:')) return { kind: 'collection', id: key.slice(11), name: key.slice(11) };
  return key === 'reading' ? { kind: 'reading' } : { kind: 'archive' };
}

export function originLabel(origin: ResultOrigin, i18n: I18n): string {
  if (origin.kind === 'collection') return i18n.t('originCollection', origin.name);
  return i18n.t(origin.kind === 'reading' ? 'originReading' : 'originArchive');
}

export function FilterBar({ results, filters, onChange }: { results: readonly SearchResult[]; filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const { i18n } = useUi();
  const { outlets, months } = facets(results);
  // Only when the library adds results: an archive-only list needs no source filter.
  const origins = originFacets(results);
  return (
    <div class="filters">
      {(origins.length > 1 || filters.origin) && (
        <label class="filter">
          <span class="visually-hidden">{i18n.t('filterSource')}</span>
          <select data-role="source-filter" value={filters.origin} onChange={(e) => onChange({ ...filters, origin: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{i18n.t('filterAllSources')}</option>
            {origins.map((o) => (
              <option value={o.key} key={o.key}>
                {`${originLabel(o.origin, i18n)} (${i18n.number(o.count)})`}
              </option>
            ))}
            {filters.origin && !origins.some((o) => o.key === filters.origin) && <option value={filters.origin}>{originLabel(originOfKey(filters.origin), i18n)}</option>}
          </select>
        </label>
      )}
      <label class="filter">
        <span class="visually-hidden">{i18n.t('filterOutlet')}</span>
        <select value={filters.outlet} onChange={(e) => onChange({ ...filters, outlet: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{i18n.t('filterAllOutlets')}</option>
          {outlets.map((o) => (
            <option value={o.name} key={o.name}>
              {`${outletName(o.name, i18n.lang)} (${i18n.number(o.count)})`}
            </option>
          ))}
          {filters.outlet && !outlets.some((o) => o.name === filters.outlet) && <option value={filters.outlet}>{outletName(filters.outlet, i18n.lang)}</option>}
        </select>
      </label>
      <label class="filter">
        <span class="visually-hidden">{i18n.t('filterDate')}</span>
        <select value={filters.month} onChange={(e) => onChange({ ...filters, month: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{i18n.t('filterAnyDate')}</option>
          {months.map((m) => (
            <option value={m} key={m}>
              {i18n.monthYear(`${m}-15T12:00:00Z`)}
            </option>
          ))}
          {filters.month && !months.includes(filters.month) && <option value={filters.month}>{i18n.monthYear(`${filters.month}-15T12:00:00Z`)}</option>}
        </select>
      </label>
      <label class="filter">
        <span class="visually-hidden">{i18n.t('sortLabel')}</span>
        <select value={filters.sort} onChange={(e) => onChange({ ...filters, sort: (e.currentTarget as HTMLSelectElement).value as SortOrder })}>
          <option value="relevance">{i18n.t('sortRelevance')}</option>
          <option value="newest">{i18n.t('sortNewest')}</option>
          <option value="oldest">{i18n.t('sortOldest')}</option>
        </select>
      </label>
    </div>
  );
}
