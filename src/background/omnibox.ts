/**
 * The address-bar keyword `sila`: suggestions as you type from the archive and the library (reads and
 * collections, merged by one score as in the popup's search, each library row naming its source), Enter opens
 * the chosen article. A search that finds little also offers the popup's hint (see omnibox-hints.ts) as the first row.
 */
import browser from 'webextension-polyfill';
import { engine } from './engine';
import { safeHttpUrl } from '../lib/safe-url';
import { highlight, queryTerms } from '../lib/text/highlight';
import { HINTS_BELOW } from '../lib/search/hints';
import { hintSuggestion, interfaceI18n, originText, xmlEscape } from './omnibox-hints';
import { searchEverything } from './library-handlers';

const SUGGESTIONS = 6;

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

/** Chrome's rich form: the typed words marked in the title (as the popup marks them), the outlet dimmed. */
function chromeDescription(title: string, source: string, typed: string): string {
  const marked = highlight(title, queryTerms(typed), { prefix: true })
    .map((segment) => (segment.hit ? `<match>${xmlEscape(segment.text)}</match>` : xmlEscape(segment.text)))
    .join('');
  return source ? `${marked} <dim>— ${xmlEscape(source)}</dim>` : marked;
}

export function registerOmnibox(): void {
  browser.omnibox.onInputChanged.addListener(async (text, suggest) => {
    const sila = await engine();
    const results = await searchEverything(text, SUGGESTIONS).catch(() => []);
    const i18n = results.some((r) => r.origin && r.origin.kind !== 'archive') ? await interfaceI18n().catch(() => null) : null;
    const articles = results.flatMap((result) => {
      const url = safeHttpUrl(result.doc.url);
      if (!url) return [];
      const title = result.doc.title.slice(0, 250);
      const origin = i18n ? originText(result.origin, i18n) : '';
      const source = [origin, result.doc.source ?? ''].filter(Boolean).join(' · ');
      return [{ content: url, description: isFirefox() ? `${title} — ${source}` : chromeDescription(title, source, text) }];
    });
    // As in the popup: a search that found little offers its spelling fix first; a failed hint offers nothing.
    const hint =
      results.length < HINTS_BELOW
        ? await Promise.all([sila.searchHints(text), interfaceI18n()])
            .then(([hints, i18n]) => hintSuggestion(hints, i18n, !isFirefox()))
            .catch(() => null)
        : null;
    suggest(hint ? [hint, ...articles] : articles);
  });

  browser.omnibox.onInputEntered.addListener(async (text, disposition) => {
    const url = safeHttpUrl(text) ?? safeHttpUrl((await searchEverything(text, 1).catch(() => []))[0]?.doc.url);
    if (!url) return;
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
}
