/** Search results for the query in the header, with filters, highlighted matches and every state. */
import { useState } from 'preact/hooks';
import { useUi } from '../context';
import { queryTerms } from '../../lib/text/highlight';
import { applyFilters, NO_FILTERS, originKey, type SearchFilters } from '../search-filters';
import { SEARCH_LIMIT, type SearchLoad } from '../use-search';
import { ArticleItem } from './ArticleItem';
import { FilterBar, originLabel } from './FilterBar';
import { Skeleton } from './Skeleton';
import { StateMessage } from './StateMessage';
import { SearchHintsLine } from './SearchHintsLine';
import type { SearchHints } from '../../lib/search/hints';

export function SearchView({
  load,
  retry,
  hints = null,
  onQuery,
}: {
  load: SearchLoad;
  retry: () => void;
  /** "Did you mean" / the Arabic spelling, for the shown query (use-search-hints.ts). */
  hints?: SearchHints | null;
  onQuery?: (query: string) => void;
}) {
  const { i18n } = useUi();
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);

  if (load.status === 'idle') return null;
  if (load.status === 'error') {
    return (
      <StateMessage icon="error" tone="error" title={i18n.t('searchError', '').trim()} body={i18n.t('searchErrorBody')}>
        <button type="button" class="button primary" onClick={retry}>
          {i18n.t('retry')}
        </button>
        <details class="state-details">
          <summary>{i18n.t('errorDetails')}</summary>
          <p class="bidi" dir="auto">{load.error}</p>
        </details>
      </StateMessage>
    );
  }
  const hint = hints && onQuery ? <SearchHintsLine hints={hints} onQuery={onQuery} /> : null;
  const results = load.status === 'done' ? load.results : load.previous;
  if (!results) return <Skeleton rows={4} label={i18n.t('searching')} reading={false} />;
  if (load.status === 'done' && results.length === 0) {
    return (
      <StateMessage icon="search" title={i18n.t('noSearchResultsTitle', load.query)} body={i18n.t('noSearchResultsBody')}>
        {hint}
      </StateMessage>
    );
  }

  const shown = applyFilters(results, filters);
  // Highlight what the shown results were found for (while typing, they may be the previous query's).
  const shownQuery = load.status === 'done' ? load.query : load.previousQuery;
  const words = queryTerms(shownQuery);
  return (
    <section
      class="results"
      data-role="search-results"
      data-query={shownQuery}
      aria-labelledby="search-heading"
      aria-busy={load.status === 'searching'}
    >
      <div class="section-head">
        <h2 id="search-heading">{i18n.t('searchResultsHeading')}</h2>
        <span class="count" role="status">
          {shown.length >= SEARCH_LIMIT ? i18n.t('resultCountMore', shown.length) : i18n.plural('resultCount', shown.length)}
        </span>
      </div>
      {hint}
      <FilterBar results={results} filters={filters} onChange={setFilters} />
      {shown.length === 0 ? (
        <StateMessage icon="search" title={i18n.t('noFilteredResults')}>
          <button type="button" class="button" onClick={() => setFilters(NO_FILTERS)}>
            {i18n.t('clearFilters')}
          </button>
        </StateMessage>
      ) : (
        <ul class="articles" role="list">
          {shown.map((r) => (
            <ArticleItem
              key={r.doc.id}
              doc={r.doc}
              terms={[...r.matchedTerms, ...words]}
              highlightOptions={{ prefix: true }}
              originLabel={r.origin && r.origin.kind !== 'archive' ? originLabel(r.origin, i18n) : ''}
              originKey={r.origin && r.origin.kind !== 'archive' ? originKey(r.origin) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
