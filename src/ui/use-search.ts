/**
 * Search as you type: a short debounce, and only the answer to the latest query is kept (a slow answer to
 * "سد" must not replace the answer to "سد النهضة").
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../lib/types';
import type { SilaClient } from './client';

export const SEARCH_DEBOUNCE_MS = 60;
export const SEARCH_LIMIT = 50;

export type SearchLoad =
  | { status: 'idle' }
  | { status: 'searching'; query: string; previous: SearchResult[] | null }
  | { status: 'done'; query: string; results: SearchResult[] }
  | { status: 'error'; query: string; error: string };

export function useSearch(client: SilaClient, query: string): SearchLoad {
  const [load, setLoad] = useState<SearchLoad>({ status: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const id = ++latest.current;
    if (!q) {
      setLoad({ status: 'idle' });
      return;
    }
    setLoad((prev) => ({ status: 'searching', query: q, previous: prev.status === 'done' ? prev.results : prev.status === 'searching' ? prev.previous : null }));
    const timer = setTimeout(() => {
      client.search(q, SEARCH_LIMIT).then(
        (results) => {
          if (id === latest.current) setLoad({ status: 'done', query: q, results });
        },
        (error: unknown) => {
          if (id === latest.current) setLoad({ status: 'error', query: q, error: error instanceof Error ? error.message : String(error) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, query]);

  return load;
}
