/** The related articles for the page, one card per story, with the terms that relate them highlighted. */
import type { RelatedResult } from '../../lib/types';
import { useUi } from '../context';
import { ArticleItem } from './ArticleItem';

export function RelatedSection({ results, relativeTo = null }: { results: readonly RelatedResult[]; relativeTo?: string | null }) {
  const { i18n } = useUi();
  return (
    <section class="results" data-role="related" aria-labelledby="related-heading">
      <div class="section-head">
        <h2 id="related-heading">{i18n.t('relatedHeading')}</h2>
        <span class="count">{i18n.plural('articleCount', results.length)}</span>
      </div>
      <ul class="articles" role="list">
        {results.map((r) => (
          <ArticleItem key={r.doc.id} doc={r.doc} terms={r.sharedTerms} sharedTerms={r.sharedTerms} alsoIn={r.alsoIn} relativeTo={relativeTo} />
        ))}
      </ul>
    </section>
  );
}
