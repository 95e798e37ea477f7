/**
 * The search hints of the popup (did-you-mean, the Arabic spelling of a Latin query) as one address-bar row.
 * Its content is the suggested query, so choosing it runs that search (Enter on typed words opens the best match).
 */
import browser from 'webextension-polyfill';
import type { SearchHints } from '../lib/search/hints';
import type { ResultOrigin } from '../lib/types';
import { loadSettings } from '../settings';
import { createI18n, type I18n } from '../i18n';

/** Chrome parses omnibox descriptions as XML (and highlights <match>); Firefox shows them as plain text. */
export const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The interface language the settings ask for (the browser's when "auto"), as the popup resolves it. */
export async function interfaceI18n(): Promise<I18n> {
  const settings = await loadSettings();
  return createI18n({ language: settings.language, digits: settings.digits, browserI18n: browser.i18n });
}

/** The row for `hints`, or null when they offer nothing; `rich` marks it up for Chrome. */
export function hintSuggestion(hints: SearchHints, i18n: I18n, rich: boolean): { content: string; description: string } | null {
  const offer = hints.didYouMean ?? hints.arabicQuery;
  if (!offer) return null;
  const lead = i18n.t(hints.didYouMean ? 'didYouMean' : 'archiveIsArabic');
  const mark = hints.didYouMean ? (i18n.lang === 'ar' ? '؟' : '?') : '';
  const description = rich ? `<dim>${xmlEscape(lead)}</dim> <match>${xmlEscape(offer)}</match>${mark}` : `${lead} ${offer}${mark}`;
  return { content: offer, description };
}

/** A library result's source as the popup labels it ("Your reading", "Collection: …"); "" for the archive's. */
export function originText(origin: ResultOrigin | undefined, i18n: I18n): string {
  if (!origin || origin.kind === 'archive') return '';
  return origin.kind === 'collection' ? i18n.t('originCollection', origin.name.slice(0, 80)) : i18n.t('originReading');
}
