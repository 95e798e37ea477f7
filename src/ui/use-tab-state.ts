/**
 * The related-articles state of a tab. A "pending" answer (the page has not reported yet) is asked again a
 * few times before the UI says the page was not read; stale answers from an earlier request are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TabState } from '../messages';
import type { SilaClient } from './client';

export type TabLoad =
  | { status: 'loading' }
  | { status: 'ready'; state: TabState }
  | { status: 'stuck' }
  | { status: 'error'; error: string };

const PENDING_RETRY_MS = 400;
const PENDING_MAX_TRIES = 12;

export function useTabState(client: SilaClient, refreshKey: unknown = 0): { load: TabLoad; retry: () => void } {
  const [load, setLoad] = useState<TabLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const ask = () => {
      tries += 1;
      client.tabState().then(
        (state) => {
          if (id !== request.current) return;
          if (state.kind === 'pending') {
            if (tries >= PENDING_MAX_TRIES) setLoad({ status: 'stuck' });
            else timer = setTimeout(ask, PENDING_RETRY_MS);
            return;
          }
          setLoad({ status: 'ready', state });
        },
        (error: unknown) => {
          if (id !== request.current) return;
          setLoad({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
    };
    // Keep what is on screen while re-asking (side panel following tabs) unless it was an error.
    setLoad((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    ask();
    return () => clearTimeout(timer);
  }, [client, refreshKey, attempt]);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { load, retry };
}
