/** "Did you mean …" / "The archive is in Arabic: …" under the search box; a click searches the suggestion. */
import { useUi } from '../context';
import type { SearchHints } from '../../lib/search/hints';

export function SearchHintsLine({ hints, onQuery }: { hints: SearchHints; onQuery: (query: string) => void }) {
  const { i18n } = useUi();
  const offer = hints.didYouMean ?? hints.arabicQuery;
  if (!offer) return null;
  return (
    <p class="search-hint" data-role={hints.didYouMean ? 'did-you-mean' : 'archive-is-arabic'}>
      {i18n.t(hints.didYouMean ? 'didYouMean' : 'archiveIsArabic')}{' '}
      <button type="button" class="link-button" lang="ar" dir="rtl" onClick={() => onQuery(offer)}>
        {offer}
      </button>
      {hints.didYouMean ? (i18n.lang === 'ar' ? '؟' : '?') : ''}
    </p>
  );
}
