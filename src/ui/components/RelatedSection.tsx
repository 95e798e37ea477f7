/**
 * The related articles for the page, one card per story, with the terms that relate them highlighted. Results
 * the engine is confident about (the ones the badge counts) come first under their own heading; the rest follow
 * under "less closely related", so the list and the badge tell the same story; which results go where, and which
 * are not shown at all, is relatedSections' rule (../related-sections.ts). The list holds the library's results
 * too (merged by confidence), each labelled with its source: "read 3 days ago", or its collection's name.
 */
import type { RelatedResult } from '../../lib/types';
import { relatedSections } from '../related-sections';
import { useUi } from '../context';
import { ArticleItem } from './ArticleItem';
import type { I18n } from '../../i18n';

/** Where a library result comes from, as its card says it; "" for the archive's. */
export function relatedOrigin(r: RelatedResult, i18n: I18n): { key?: string; label: string } {
  if (r.collection) return { key: `collection:${r.collection.id}`, label: i18n.t('originCollection', r.collection.name) };
  if (r.readAt !== undefined) return { key: 'reading', label: i18n.t('readWhen', i18n.relative(new Date(r.readAt).toISOString())) };
  return { label: '' };
}

interface Props {
  results: readonly RelatedResult[];
  relativeTo?: string | null;
  /** Confidence from which a result counts as closely related (settings.minConfidence, as for the badge). */
  minConfidence: number;
}

export function RelatedSection({ results, relativeTo = null, minConfidence }: Props) {
  const { close, loose } = relatedSections(results, minConfidence);
  return (
    <div class="related" data-role="related">
      {close.length > 0 && <ResultList id="close" heading="relatedHeading" results={close} relativeTo={relativeTo} />}
      {loose.length > 0 && <ResultList id="loose" heading="looseHeading" results={loose} relativeTo={relativeTo} />}
    </div>
  );
}

function ResultList({ id, heading, results, relativeTo }: { id: string; heading: 'relatedHeading' | 'looseHeading'; results: readonly RelatedResult[]; relativeTo: string | null }) {
  const { i18n } = useUi();
  return (
    <section class={`results ${id}`} data-role={id} aria-labelledby={`${id}-heading`}>
      <div class="section-head">
        <h2 id={`${id}-heading`}>{i18n.t(heading)}</h2>
        <span class="count">{i18n.plural('articleCount', results.length)}</span>
      </div>
      <ul class="articles" role="list">
        {results.map((r) => {
          const origin = relatedOrigin(r, i18n);
          return (
            <ArticleItem key={r.doc.id} doc={r.doc} terms={r.sharedTerms} sharedTerms={r.sharedTerms} alsoIn={r.alsoIn} relativeTo={relativeTo} originLabel={origin.label} originKey={origin.key} />
          );
        })}
      </ul>
    </section>
  );
}
