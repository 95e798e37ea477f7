/** What Sila has for the current tab: the recognised article and its related coverage, or why there is none. */
import { useUi } from '../context';
import { displayHost } from '../../lib/safe-url';
import { silencedPageUrl } from '../tab-page';
import type { TabLoad } from '../use-tab-state';
import type { RelatedResult } from '../../lib/types';
import { ArticleView } from './ArticleView';
import { Skeleton } from './Skeleton';
import { StateMessage } from './StateMessage';
import { useSilentToggle } from './use-silent-toggle';

/** `pageResults`: an article page's related list from every source (use-library-related.ts). */
export function TabView({ load, retry, onSearch, pageResults = null }: { load: TabLoad; retry: () => void; onSearch: () => void; pageResults?: readonly RelatedResult[] | null }) {
  const { i18n, settings } = useUi();
  const toggleSilent = useSilentToggle();
  const searchButtonOf = (primary: boolean) => (
    <button type="button" class={primary ? 'button primary' : 'button'} onClick={onSearch}>
      {i18n.t('searchArchive')}
    </button>
  );
  const searchButton = searchButtonOf(true);

  if (load.status === 'loading') return <Skeleton rows={4} label={i18n.t('loadingRelated')} />;
  if (load.status === 'error' && load.kind === 'corrupt-package') {
    // Retrying or searching cannot help: both need the same damaged files.
    return (
      <StateMessage icon="error" tone="error" title={i18n.t('corruptTitle')} body={i18n.t('corruptBody')}>
        <p class="bidi state-details" dir="auto">{load.error}</p>
      </StateMessage>
    );
  }
  if (load.status === 'error') {
    return (
      <StateMessage icon="error" tone="error" title={i18n.t('errorTitle')} body={i18n.t('errorBody')}>
        <button type="button" class="button primary" onClick={retry}>
          {i18n.t('retry')}
        </button>
        {searchButtonOf(false)}
        <details class="state-details">
          <summary>{i18n.t('errorDetails')}</summary>
          <p class="bidi" dir="auto">{load.error}</p>
        </details>
      </StateMessage>
    );
  }
  if (load.status === 'stuck') {
    return (
      <StateMessage icon="page" title={i18n.t('pendingTitle')} body={i18n.t('pendingBody')}>
        {searchButton}
        <button type="button" class="button" onClick={retry}>
          {i18n.t('retry')}
        </button>
      </StateMessage>
    );
  }

  const state = load.state;
  const url = silencedPageUrl(state, settings);
  if (url) {
    const host = displayHost(url);
    return (
      <StateMessage icon="pause" title={i18n.t('silentTitle', host)} body={i18n.t('silentBody')}>
        <button type="button" class="button primary" onClick={() => toggleSilent(url)}>
          {i18n.t('resumeSite')}
        </button>
        {searchButtonOf(false)}
      </StateMessage>
    );
  }
  switch (state.kind) {
    case 'article':
      return <ArticleView state={state} results={pageResults ?? state.results.slice(0, settings.resultCount)} onSearch={onSearch} />;
    case 'not-article':
      return (
        <StateMessage icon="page" title={i18n.t('notArticleTitle')} body={i18n.t('notArticleBody')}>
          {searchButton}
        </StateMessage>
      );
    case 'unsupported':
      return (
        <StateMessage icon="lock" title={i18n.t('unsupportedTitle')} body={i18n.t('unsupportedBody')}>
          {searchButton}
        </StateMessage>
      );
    case 'not-kept':
      return (
        <StateMessage icon="page" title={i18n.t('notKeptTitle')} body={i18n.t('notKeptBody')}>
          {searchButton}
        </StateMessage>
      );
    default:
      return <Skeleton rows={4} label={i18n.t('loadingRelated')} />;
  }
}
