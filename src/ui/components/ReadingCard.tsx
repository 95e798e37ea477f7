/** The article Sila recognised on the page: what the related list is related to. */
import type { ArticleSnapshot } from '../../lib/types';
import { useUi } from '../context';
import { displayText, languageOfText } from '../display-text';
import { dirOf } from '../../i18n';
import { displayHost } from '../../lib/safe-url';
import { DateLabel } from './DateLabel';
import { OutletLabel } from './OutletLabel';

export function ReadingCard({ snapshot, corpusMatch }: { snapshot: ArticleSnapshot; corpusMatch: boolean }) {
  const { i18n } = useUi();
  const title = displayText(snapshot.title, 300);
  // The page's declared language first, else most of the title's letters (not the first one, as dir="auto" does).
  const lang = snapshot.lang || languageOfText(title)?.lang;
  const outlet = snapshot.siteName || displayHost(snapshot.canonicalUrl ?? snapshot.url) || null;
  return (
    <section class="reading" aria-labelledby="reading-title" dir={lang ? dirOf(lang) : undefined} data-flip={lang && dirOf(lang) !== i18n.dir ? '' : undefined}>
      <p class="reading-label">
        <span>{i18n.t('readingLabel')}</span>
        {corpusMatch && <span class="chip chip-accent">{i18n.t('inCorpus')}</span>}
      </p>
      <h2 class="reading-title bidi clamp-3" dir={lang ? dirOf(lang) : 'auto'} id="reading-title" lang={lang}>
        {title || '—'}
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
