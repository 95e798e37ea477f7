/** The address-bar keyword `sila`: suggestions from the corpus as you type, Enter opens the chosen article. */
import browser from 'webextension-polyfill';
import { engine } from './engine';
import { safeHttpUrl } from '../ui/safe-url';

const SUGGESTIONS = 6;

/** Chrome parses omnibox descriptions as XML (and highlights <match>); Firefox shows them as plain text. */
const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function registerOmnibox(): void {
  browser.omnibox.onInputChanged.addListener(async (text, suggest) => {
    const results = await (await engine()).search(text, { k: SUGGESTIONS }).catch(() => []);
    suggest(
      results.flatMap((result) => {
        const url = safeHttpUrl(result.doc.url);
        if (!url) return [];
        const label = `${result.doc.title} — ${result.doc.source ?? ''}`.slice(0, 300);
        return [{ content: url, description: isFirefox() ? label : xmlEscape(label) }];
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
