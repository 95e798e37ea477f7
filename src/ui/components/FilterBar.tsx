/** Outlet, month and sort controls above search results. */
import type { SearchResult } from '../../lib/types';
import { useUi } from '../context';
import { outletName } from '../outlets';
import { facets, type SearchFilters, type SortOrder } from '../search-filters';

export function FilterBar({ results, filters, onChange }: { results: readonly SearchResult[]; filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const { i18n } = useUi();
  const { outlets, months } = facets(results);
  return (
    <div class="filters">
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
