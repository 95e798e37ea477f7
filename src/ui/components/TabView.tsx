/** What Sila has for the current tab: the recognised article and its related coverage, or why there is none. */
import { useUi } from '../context';
import { displayHost } from '../../lib/safe-url';
import { silencedPageUrl } from '../tab-page';
import type { TabLoad } from '../use-tab-state';
import { ReadingCard } from './ReadingCard';
import { shownCount } from '../related-sections';
import { RelatedSection } from './RelatedSection';
import { ArchiveAgeNote } from './ArchiveAgeNote';
import { relatedSections } from '../related-sections';
import { Skeleton } from './Skeleton';
import { FromYourReading } from './FromYourReading';
import { StateMessage } from './StateMessage';
import { useSilentToggle } from './use-silent-toggle';

export function TabView({ load, retry, onSearch }: { load: TabLoad; retry: () => void; onSearch: () => void }) {
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
    case 'article': {
      const shown = shownCount(state.results, settings);
      const list = { shown, confident: relatedSections(state.results.slice(0, settings.resultCount), settings.minConfidence).close.length };
      return (
        <>
          <ReadingCard snapshot={state.snapshot} corpusMatch={state.corpusMatch} />
          <ArchiveAgeNote pagePublished={state.snapshot.published} list={list} />
          {shown > 0 ? (
            <RelatedSection results={state.results.slice(0, settings.resultCount)} relativeTo={state.snapshot.published} minConfidence={settings.minConfidence} />
          ) : (
            <StateMessage icon="empty" title={i18n.t('emptyTitle')} body={i18n.t('emptyBody')}>
              {searchButton}
            </StateMessage>
          )}
          <FromYourReading pageKey={state.snapshot.url} />
        </>
      );
    }
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
