/**
 * "Did you mean" and the Arabic spelling of a Latin query, asked only when a finished search found few
 * articles (a query that finds its words never gets a suggestion, and most searches cost no second message).
 */
import { useEffect, useState } from 'preact/hooks';
import { HINTS_BELOW, type SearchHints } from '../lib/search/hints';
import type { SilaClient } from './client';
import type { SearchLoad } from './use-search';

export function useSearchHints(client: SilaClient, load: SearchLoad): { query: string; hints: SearchHints } | null {
  const [hints, setHints] = useState<{ query: string; hints: SearchHints } | null>(null);
  const query = load.status === 'done' && load.results.length < HINTS_BELOW ? load.query : null;
  useEffect(() => {
    if (query === null || !client.searchHints) return;
    let live = true;
    client.searchHints(query).then(
      (h) => live && setHints({ query, hints: h }),
      () => live && setHints(null), // hints are an extra: a failure shows none, the results stay
    );
    return () => {
      live = false;
    };
  }, [client, query]);
  return hints && hints.query === query ? hints : null;
}
