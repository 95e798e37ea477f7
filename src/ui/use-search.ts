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
  | { status: 'searching'; query: string; previous: SearchResult[] | null; previousQuery: string }
  | { status: 'done'; query: string; results: SearchResult[] }
  | { status: 'error'; query: string; error: string };

export function useSearch(client: SilaClient, query: string): { load: SearchLoad; retry: () => void } {
  const [load, setLoad] = useState<SearchLoad>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const id = ++latest.current;
    if (!q) {
      setLoad({ status: 'idle' });
      return;
    }
    // Keep showing the last answer while the next one is computed, so the list does not blink on each key.
    setLoad((prev) =>
      prev.status === 'done'
        ? { status: 'searching', query: q, previous: prev.results, previousQuery: prev.query }
        : prev.status === 'searching'
          ? { ...prev, query: q }
          : { status: 'searching', query: q, previous: null, previousQuery: '' },
    );
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
  }, [client, query, attempt]);

  return { load, retry: () => setAttempt((n) => n + 1) };
}
