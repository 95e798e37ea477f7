/**
 * The popup: the shared reader view. The search starts filled when "Search Sila for …" opened it (see
 * src/pending-query.ts) or when its URL carries `?q=`.
 */
import { ReaderApp } from '../ui/components/ReaderApp';

export function PopupApp({ pendingQuery = '' }: { pendingQuery?: string }) {
  const initialQuery = pendingQuery || (new URLSearchParams(location.search).get('q') ?? '').slice(0, 500);
  return <ReaderApp variant="popup" initialQuery={initialQuery} />;
}
