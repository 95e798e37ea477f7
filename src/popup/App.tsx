/** The popup: the shared reader view. A "q" URL parameter pre-fills the search (used by "Search Sila for …"). */
import { ReaderApp } from '../ui/components/ReaderApp';

export function PopupApp() {
  const initialQuery = new URLSearchParams(location.search).get('q') ?? '';
  return <ReaderApp variant="popup" initialQuery={initialQuery.slice(0, 500)} />;
}
