/**
 * "From your reading": earlier reads related to this page (src/library, ranked by the bundled engine's
 * arithmetic), each with when it was read; and, until the user has answered, the one-time card that asks
 * whether to remember reads at all.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryItem } from '../../messages';
import { safeHttpUrl } from '../../lib/safe-url';
import { useUi } from '../context';
import { displayText, languageOfText } from '../display-text';
import { NAV_ITEM } from '../list-nav';
import { OutletLabel } from './OutletLabel';
import { useEnterHandler, useOpenHandler } from './use-open';
import { askPersistentStorage } from '../persist-storage';

export function FromYourReading({ pageKey }: { pageKey: string }) {
  const { client, settings } = useUi();
  const [items, setItems] = useState<LibraryItem[]>([]);
  useEffect(() => {
    let live = true;
    if (settings.rememberReads === 'unasked' || !client.libraryRelated) return;
    client.libraryRelated().then((found) => live && setItems(found), () => live && setItems([]));
    return () => void (live = false);
  }, [pageKey, settings.rememberReads]);
  if (settings.rememberReads === 'unasked') return <RememberCard />;
  if (items.length === 0) return null;
  return <ReadingList items={items} />;
}

function ReadingList({ items }: { items: LibraryItem[] }) {
  const { i18n } = useUi();
  const onOpen = useOpenHandler();
  const onEnter = useEnterHandler();
  return (
    <section class="results from-reading" data-role="from-reading" aria-labelledby="from-reading-heading">
      <div class="section-head">
        <h2 id="from-reading-heading">{i18n.t('fromReadingHeading')}</h2>
        <span class="count">{i18n.plural('articleCount', items.length)}</span>
      </div>
      <ul class="articles" role="list">
        {items.map((item) => {
          const url = safeHttpUrl(item.url);
          const title = displayText(item.title, 300) || '—';
          // As in ArticleItem: the row takes its article's direction, so the outlet line sits under the title.
          const language = languageOfText(title);
          const flip = language !== undefined && language.dir !== i18n.dir;
          return (
            <li class={url ? 'article' : 'article no-link'} key={item.url} data-read-url={item.url} dir={language?.dir} data-flip={flip ? '' : undefined}>
              <div class="article-meta">
                <OutletLabel source={item.outlet} />
                <span aria-hidden="true" class="sep">·</span>
                <span class="read-when" data-role="read-when">{i18n.t('readWhen', i18n.relative(new Date(item.readAt).toISOString()))}</span>
              </div>
              <h3 class="article-title">
                {url ? (
                  <a href={url} target="_blank" rel="noopener noreferrer" class="bidi stretched" data-role="title" lang={language?.lang} dir={language?.dir ?? 'auto'} {...{ [NAV_ITEM]: '' }} onClick={(e) => onOpen(e, url)} onAuxClick={(e) => onOpen(e, url)} onKeyDown={(e) => onEnter(e, url)}>
                    <span class="clamp-2">{title}</span>
                  </a>
                ) : (
                  <span class="bidi clamp-2" data-role="title" lang={language?.lang} dir={language?.dir ?? 'auto'}>{title}</span>
                )}
              </h3>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RememberCard() {
  const { i18n, settings, updateSettings } = useUi();
  const choose = (rememberReads: 'on' | 'off') => {
    if (rememberReads === 'on') void askPersistentStorage();
    void updateSettings({ ...settings, rememberReads });
  };
  return (
    <section class="card remember-card" data-role="remember-card" aria-labelledby="remember-card-title">
      <h2 id="remember-card-title">{i18n.t('rememberCardTitle')}</h2>
      <p>{i18n.t('rememberCardBody')}</p>
      <div class="actions">
        <button type="button" class="button primary" data-role="remember-yes" onClick={() => choose('on')}>
          {i18n.t('rememberYes')}
        </button>
        <button type="button" class="button" data-role="remember-no" onClick={() => choose('off')}>
          {i18n.t('rememberNo')}
        </button>
      </div>
    </section>
  );
}
