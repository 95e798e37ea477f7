/**
 * What a reader is told about the archive itself: its name for people ("Arabic news 2018 (ANT Corpus)", not
 * the folder id "ant-2018"), the span that holds most of it, and, where it explains an empty or weak list, when
 * it ends. All computed from the index meta, so another corpus gets its own words.
 */
import type { IndexMeta } from '../lib/types';
import type { I18n } from '../i18n';

type Corpus = IndexMeta['corpus'];

/** The span to show as "dates covered": the 99 % span when the index has it, else the full range. */
export function coveredSpan(corpus: Corpus): [string, string] | null {
  return corpus.coverage ?? corpus.dateRange;
}

/** The year in the interface's digits, without grouping ("2018", "٢٠١٨", never "2,018"). */
function yearText(year: number, i18n: I18n): string {
  return new Intl.DateTimeFormat(i18n.locale, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, 6, 1));
}

/** "Arabic news 2018 (ANT Corpus)", "أخبار عربية ٢٠١٧–٢٠١٨ (ANT Corpus)"; the id when the index says too little. */
export function archiveName(corpus: Corpus, i18n: I18n): string {
  const span = coveredSpan(corpus);
  const lang = corpus.languages.length === 1 ? corpus.languages[0] : null;
  if (!span || (lang !== 'ar' && lang !== 'en')) return corpus.credit?.title || corpus.name;
  const [from, to] = span.map((iso) => new Date(iso).getUTCFullYear());
  const years = from === to ? yearText(from, i18n) : `${yearText(from, i18n)}–${yearText(to, i18n)}`;
  return i18n.t('archiveName', i18n.t(`newsIn_${lang}`), years, corpus.credit?.title || corpus.name);
}

/** Results the popup calls weak: none the engine is confident about. */
export interface ListStrength {
  shown: number;
  confident: number;
}

/**
 * The line that explains an empty or weak list by the archive's age, or null when it would explain nothing:
 * a page dated after the archive's last article always gets it; otherwise only an empty list or one with no
 * confident result does (a good list needs no excuse).
 */
export function archiveAgeNote(corpus: Corpus, pagePublished: string | null | undefined, list: ListStrength, i18n: I18n): string | null {
  const end = corpus.dateRange?.[1];
  if (!end) return null;
  const endTime = new Date(end).getTime();
  const page = pagePublished ? new Date(pagePublished).getTime() : Number.NaN;
  if (!Number.isNaN(page) && page > endTime) return i18n.t('archiveEndsPageNewer', i18n.monthYear(end));
  if (list.shown === 0 || list.confident === 0) return i18n.t('archiveEnds', i18n.monthYear(end));
  return null;
}
