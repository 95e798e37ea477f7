/**
 * The related-articles state of a tab. The answer the background already stored for the tab is painted at once
 * when it still holds (the client checks; see ../tab-answer.ts), and the background's own answer replaces it
 * when it differs. A "pending" answer (the page has not reported yet) is asked again a few times before the UI
 * says the page was not read; stale answers from an earlier request are dropped.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ErrorKind, TabState } from '../messages';
import { SilaClientError, type SilaClient } from './client';

export type TabLoad =
  | { status: 'loading' }
  | { status: 'ready'; state: TabState }
  | { status: 'stuck' }
  | { status: 'error'; error: string; kind: ErrorKind };

const PENDING_RETRY_MS = 400;
const PENDING_MAX_TRIES = 12;

export function useTabState(client: SilaClient, refreshKey: unknown = 0): { load: TabLoad; retry: () => void } {
  // The popup has usually read the stored answer before its first render: then the first frame has the list.
  const [load, setLoad] = useState<TabLoad>(() => {
    const stored = client.storedNow?.() ?? null;
    return stored ? { status: 'ready', state: stored } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);

  // A layout effect: a stored answer that is already there is painted in the first frame, not the second.
  useLayoutEffect(() => {
    const id = ++request.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    // What the stored answer painted, as JSON, until the background answers; then null.
    let shown: string | null = null;
    let answered = false;
    const showStored = (state: TabState) => {
      if (id !== request.current || answered) return;
      shown = JSON.stringify(state);
      setLoad({ status: 'ready', state });
    };
    const ask = () => {
      tries += 1;
      client.tabState(undefined, tries === 1 ? { onCached: showStored } : undefined).then(
        (state) => {
          if (id !== request.current) return;
          answered = true;
          // The same answer as the one painted: leave the page as it is.
          if (shown !== null && JSON.stringify(state) === shown) return;
          shown = null;
          if (state.kind === 'pending') {
            if (tries >= PENDING_MAX_TRIES) setLoad({ status: 'stuck' });
            else timer = setTimeout(ask, PENDING_RETRY_MS);
            return;
          }
          setLoad({ status: 'ready', state });
        },
        (error: unknown) => {
          if (id !== request.current) return;
          answered = true;
          const kind = error instanceof SilaClientError ? error.kind : 'failed';
          setLoad({ status: 'error', error: error instanceof Error ? error.message : String(error), kind });
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
