/**
 * One article in a result list: outlet and date, the title (the link), a snippet, why it is related (shared
 * terms) and where else the same story ran. The whole card is clickable through the title link's stretched
 * hit area; the title link alone carries the accessible name, so a screen reader hears "title, link" and the
 * details as its description.
 */
import type { DocRecord } from '../../lib/types';
import { useUi } from '../context';
import { displayText, languageOfText, langOfText } from '../display-text';
import { NAV_ITEM } from '../list-nav';
import { safeHttpUrl } from '../../lib/safe-url';
import type { HighlightOptions } from '../../lib/text/highlight';
import { DateLabel } from './DateLabel';
import { Highlighted } from './Highlighted';
import { OutletLabel } from './OutletLabel';
import { AlsoIn } from './AlsoIn';
import { useEnterHandler, useOpenHandler } from './use-open';

export interface ArticleItemProps {
  doc: DocRecord;
  terms: readonly string[];
  highlightOptions?: HighlightOptions;
  /** Shown as "Shares: …": the words that make the article related. */
  sharedTerms?: readonly string[];
  alsoIn?: readonly DocRecord[];
  /** The date of the article being read: the card then says "2 days earlier", "same day"… */
  relativeTo?: string | null;
  /** Where the article comes from, when not the archive ("Your reading", a collection's name). */
  originLabel?: string;
  /** The source as a key (search-filters.ts originKey: "reading", "collection:<id>"), for tests and styles. */
  originKey?: string;
}

export function ArticleItem({ doc, terms, highlightOptions, sharedTerms = [], alsoIn = [], relativeTo = null, originLabel = '', originKey }: ArticleItemProps) {
  const { i18n } = useUi();
  const onOpen = useOpenHandler();
  const onEnter = useEnterHandler();
  const url = safeHttpUrl(doc.url);
  const title = displayText(doc.title, 300) || '—';
  const snippet = displayText(doc.snippet, 400);
  const terms3 = sharedTerms.map((t) => displayText(t, 60)).filter(Boolean).slice(0, 4);
  const apart = relativeTo ? i18n.apart(doc.published, relativeTo) : '';
  // The card's direction is its article's (most of its letters), so a snippet opening "(CNN)--" stays right to
  // left, and the outlet/date and chips rows line up with the title in either interface language.
  const language = languageOfText(title, snippet);
  const flip = language !== undefined && language.dir !== i18n.dir;
  const detailsId = `d-${doc.id.replace(/[^\w-]/g, '_')}`;

  return (
    <li class={url ? 'article' : 'article no-link'} data-doc-id={doc.id} data-origin={originKey} dir={language?.dir} data-flip={flip ? '' : undefined}>
      <div class="article-meta" id={`${detailsId}-meta`}>
        {originLabel && (
          <>
            {/* The label is an interface sentence ("Collection: name"): the interface's direction, not the name's. */}
            <span class="origin bidi" data-role="origin" dir={i18n.dir}>
              {displayText(originLabel, 80)}
            </span>
            <span aria-hidden="true" class="sep">·</span>
          </>
        )}
        <OutletLabel source={doc.source} />
        <span aria-hidden="true" class="sep">·</span>
        <DateLabel iso={doc.published} />
        {apart && (
          <>
            <span aria-hidden="true" class="sep">·</span>
            <span class="apart bidi" dir={i18n.dir}>{apart}</span>
          </>
        )}
      </div>
      <h3 class="article-title">
        {url ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            class="bidi stretched"
            data-role="title"
            lang={language?.lang}
            dir={language?.dir ?? 'auto'}
            {...{ [NAV_ITEM]: '' }}
            aria-describedby={`${detailsId}-meta${snippet ? ` ${detailsId}-snippet` : ''}`}
            onClick={(e) => onOpen(e, url)}
            onAuxClick={(e) => onOpen(e, url)}
            onKeyDown={(e) => onEnter(e, url)}
          >
            <span class="clamp-2">
              <Highlighted text={title} terms={terms} options={highlightOptions} />
            </span>
          </a>
        ) : (
          <span class="bidi clamp-2" data-role="title" lang={language?.lang} dir={language?.dir ?? 'auto'} tabIndex={0} {...{ [NAV_ITEM]: '' }}>
            <Highlighted text={title} terms={terms} options={highlightOptions} />
          </span>
        )}
      </h3>
      {snippet && (
        <p class="article-snippet bidi clamp-2" dir={language?.dir ?? 'auto'} lang={language?.lang} id={`${detailsId}-snippet`}>
          <Highlighted text={snippet} terms={terms} options={highlightOptions} />
        </p>
      )}
      {terms3.length > 0 && (
        <p class="article-why">
          <span class="why-label bidi" dir={i18n.dir}>{i18n.t('sharedTerms')}</span>
          {terms3.map((term) => (
            <span class="chip bidi" dir="auto" lang={langOfText(term)} key={term}>
              {term}
            </span>
          ))}
        </p>
      )}
      {alsoIn.length > 0 && <AlsoIn docs={alsoIn} outlet={doc.source} />}
    </li>
  );
}
