/** The address-bar keyword `sila`: suggestions from the corpus as you type, Enter opens the chosen article. */
import browser from 'webextension-polyfill';
import { engine } from './engine';
import { safeHttpUrl } from '../lib/safe-url';
import { highlight, queryTerms } from '../lib/text/highlight';

const SUGGESTIONS = 6;

/** Chrome parses omnibox descriptions as XML (and highlights <match>); Firefox shows them as plain text. */
const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

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
    const results = await (await engine()).search(text, { k: SUGGESTIONS }).catch(() => []);
    suggest(
      results.flatMap((result) => {
        const url = safeHttpUrl(result.doc.url);
        if (!url) return [];
        const title = result.doc.title.slice(0, 250);
        const source = result.doc.source ?? '';
        return [{ content: url, description: isFirefox() ? `${title} — ${source}` : chromeDescription(title, source, text) }];
      }),
    );
  });

  browser.omnibox.onInputEntered.addListener(async (text, disposition) => {
    const url = safeHttpUrl(text) ?? safeHttpUrl((await (await engine()).search(text, { k: 1 }).catch(() => []))[0]?.doc.url);
    if (!url) return;
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
}
