/** The page a tab's state is about, and whether the user silenced its site: one answer for every view of it. */
import type { TabState } from '../messages';
import { isSilentSite, type Settings } from '../settings';

/** The address of the tab's page ('' when the state names none: unsupported, pending). */
export function tabPageUrl(state: TabState | null): string {
  if (state?.kind === 'article') return state.snapshot.url;
  if (state?.kind === 'not-article') return state.url;
  return '';
}

/** The tab page's address when the user has silenced its site, otherwise null. */
export function silencedPageUrl(state: TabState, settings: Pick<Settings, 'silentSites'>): string | null {
  const url = tabPageUrl(state);
  return url && isSilentSite(settings, url) ? url : null;
}
