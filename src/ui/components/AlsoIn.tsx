/** "Also in: Al Arabiya, CNN Arabic": the same story from other outlets, each a link to that outlet's version. */
import type { DocRecord } from '../../lib/types';
import { useUi } from '../context';
import { displayText } from '../display-text';
import { outletName } from '../outlets';
import { safeHttpUrl } from '../../lib/safe-url';
import { useOpenHandler } from './use-open';

const SHOWN = 3;

export function AlsoIn({ docs, outlet }: { docs: readonly DocRecord[]; outlet: string | null }) {
  const { i18n } = useUi();
  const onOpen = useOpenHandler();
  // Other outlets only, one entry each: a wire story can appear twice in the same outlet, and "also in" the
  // card's own outlet would say nothing.
  const seen = new Set<string>(outlet ? [outlet] : []);
  const unique = docs.filter((d) => {
    const key = d.source ?? d.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return null;
  const shown = unique.slice(0, SHOWN);
  const more = unique.length - shown.length;
  return (
    <p class="article-also">
      <span class="also-label">{i18n.t('alsoIn')}</span>
      <span class="also-list">
      {shown.map((doc, i) => {
        const name = displayText(outletName(doc.source, i18n.lang), 80) || i18n.t('unknownOutlet');
        const url = safeHttpUrl(doc.url);
        const title = displayText(doc.title, 300);
        return (
          <span key={doc.id}>
            {i > 0 && i18n.t('listSeparator')}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer" title={title} class="bidi" dir="auto" onClick={(e) => onOpen(e, url)} onAuxClick={(e) => onOpen(e, url)}>
                {name}
              </a>
            ) : (
              <span class="bidi" dir="auto">{name}</span>
            )}
          </span>
        );
      })}
      {more > 0 && <span class="also-more"> {i18n.plural('moreOutlets', more)}</span>}
      </span>
    </p>
  );
}
