/** The article Sila recognised on the page: what the related list is related to. */
import type { ArticleSnapshot } from '../../lib/types';
import { useUi } from '../context';
import { displayText, langOfText } from '../display-text';
import { displayHost } from '../../lib/safe-url';
import { DateLabel } from './DateLabel';
import { OutletLabel } from './OutletLabel';

export function ReadingCard({ snapshot, corpusMatch }: { snapshot: ArticleSnapshot; corpusMatch: boolean }) {
  const { i18n } = useUi();
  const outlet = snapshot.siteName || displayHost(snapshot.canonicalUrl ?? snapshot.url) || null;
  return (
    <section class="reading" aria-labelledby="reading-title">
      <p class="reading-label">
        <span>{i18n.t('readingLabel')}</span>
        {corpusMatch && <span class="chip chip-accent">{i18n.t('inCorpus')}</span>}
      </p>
      <h2 class="reading-title bidi clamp-3" dir="auto" id="reading-title" lang={snapshot.lang || langOfText(snapshot.title)}>
        {displayText(snapshot.title, 300) || '—'}
      </h2>
      <div class="article-meta">
        <OutletLabel source={outlet} />
        {snapshot.published && (
          <>
            <span aria-hidden="true" class="sep">·</span>
            <DateLabel iso={snapshot.published} />
          </>
        )}
      </div>
    </section>
  );
}
