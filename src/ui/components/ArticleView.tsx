/**
 * An article page's view: the page itself, then one related list from every source (the archive's results and
 * the library's, merged by confidence: src/library/related-merge.ts), each library result labelled with where
 * it comes from, and the one-time card that asks whether to remember reads.
 */
import type { RelatedResult } from '../../lib/types';
import type { TabState } from '../../messages';
import { useUi } from '../context';
import { relatedSections, shownCount } from '../related-sections';
import { ArchiveAgeNote } from './ArchiveAgeNote';
import { ReadingCard } from './ReadingCard';
import { RelatedSection } from './RelatedSection';
import { RememberCard } from './RememberCard';
import { StateMessage } from './StateMessage';

/** `results`: the page's list from every source (use-library-related.ts, pageResults). */
export function ArticleView({ state, results, onSearch }: { state: TabState & { kind: 'article' }; results: readonly RelatedResult[]; onSearch: () => void }) {
  const { i18n, settings } = useUi();
  const { snapshot } = state;
  const shown = shownCount(results, settings);
  // The archive's age explains the archive's part of the list only; a list the library alone fills needs no
  // word about the archive.
  const archive = results.filter((r) => !r.collection && r.readAt === undefined);
  const list = { shown: shownCount(archive, settings), confident: relatedSections(archive, settings.minConfidence).close.length };
  return (
    <>
      <ReadingCard snapshot={snapshot} corpusMatch={state.corpusMatch} />
      {(shown === 0 || list.shown > 0) && <ArchiveAgeNote pagePublished={snapshot.published} list={list} />}
      {shown > 0 ? (
        <RelatedSection results={results} relativeTo={snapshot.published} minConfidence={settings.minConfidence} />
      ) : (
        <StateMessage icon="empty" title={i18n.t('emptyTitle')} body={i18n.t('emptyBody')}>
          <button type="button" class="button primary" onClick={onSearch}>
            {i18n.t('searchArchive')}
          </button>
        </StateMessage>
      )}
      <RememberCard />
    </>
  );
}
