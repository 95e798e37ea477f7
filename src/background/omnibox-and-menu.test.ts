/**
 * The address-bar keyword and the "Search Sila for …" menu item. No automation can type into the address bar or
 * click a context-menu item (tests/e2e/features.test.ts covers what the menu click leaves for the popup), so
 * their listeners are driven here with the browser API replaced by recorders.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SearchHints } from '../lib/search/hints';
import type { SearchResult } from '../lib/types';

type Listener = (...args: any[]) => unknown;
const listeners = new Map<string, Listener>();
const on = (name: string) => ({ addListener: (fn: Listener) => listeners.set(name, fn) });
const calls: { api: string; args: unknown[] }[] = [];
const record =
  (api: string, result?: unknown) =>
  async (...args: unknown[]) => {
    calls.push({ api, args });
    return result;
  };
let extensionUrl = 'chrome-extension://abc/';
const session = new Map<string, unknown>();
let storedSettings: Record<string, unknown> = {};

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => extensionUrl + path, onInstalled: on('installed'), onStartup: on('startup') },
    omnibox: { onInputChanged: on('inputChanged'), onInputEntered: on('inputEntered') },
    tabs: { update: record('tabs.update'), create: record('tabs.create') },
    action: {
      openPopup: (...args: unknown[]) => {
        calls.push({ api: 'action.openPopup', args });
        return Promise.resolve();
      },
    },
    contextMenus: { removeAll: record('contextMenus.removeAll'), create: record('contextMenus.create'), onClicked: on('menuClicked') },
    i18n: { getMessage: (key: string) => `[${key}]`, getUILanguage: () => 'en-US' },
    storage: {
      sync: { get: async () => ({ settings: storedSettings }) },
      session: {
        set: async (items: Record<string, unknown>) => {
          calls.push({ api: 'storage.session.set', args: [items] });
          for (const [k, v] of Object.entries(items)) session.set(k, v);
        },
      },
    },
  },
}));

const hit = (title: string, url: string | null, source = 'BBC Arabic'): SearchResult => ({
  doc: { id: title, title, url, source, published: null, snippet: '', story: 0 },
  position: 0,
  score: 1,
  matchedTerms: [],
});
let hits: SearchResult[] = [];
let hints: SearchHints | Error = { didYouMean: null, arabicQuery: null };
const hintsAsked: string[] = [];
vi.mock('./engine', () => ({
  engine: async () => ({
    search: async (_: string, { k }: { k: number }) => hits.slice(0, k),
    searchHints: async (query: string) => {
      hintsAsked.push(query);
      if (hints instanceof Error) throw hints;
      return hints;
    },
  }),
}));

// The address bar asks the same merged search as the popup (archive, reads, collections: tested in src/library).
vi.mock('./library-handlers', () => ({ searchEverything: async (_: string, k: number) => hits.slice(0, k) }));

const { registerOmnibox } = await import('./omnibox');
const { registerContextMenu } = await import('./context-menu');
const { PENDING_QUERY_KEY } = await import('../pending-query');
registerOmnibox();
registerContextMenu();

async function suggestionsFor(text: string): Promise<{ content: string; description: string }[]> {
  let suggested: { content: string; description: string }[] = [];
  await listeners.get('inputChanged')!(text, (s: typeof suggested) => (suggested = s));
  return suggested;
}

beforeEach(() => {
  calls.length = 0;
  session.clear();
  extensionUrl = 'chrome-extension://abc/';
  storedSettings = {};
  hints = { didYouMean: null, arabicQuery: null };
  hintsAsked.length = 0;
  hits = [hit('سد النهضة <b>عاجل</b> & "المياه"', 'https://www.bbc.com/arabic/1'), hit('رابط خبيث', 'javascript:alert(1)'), hit('بلا رابط', null)];
});

describe('omnibox', () => {
  test('suggests only articles with http(s) links; for Chrome, the typed words marked and the markup escaped', async () => {
    const suggestions = await suggestionsFor('النهضه');
    expect(suggestions).toEqual([
      {
        content: 'https://www.bbc.com/arabic/1',
        description: 'سد <match>النهضة</match> &lt;b&gt;عاجل&lt;/b&gt; &amp; &quot;المياه&quot; <dim>— BBC Arabic</dim>',
      },
    ]);
  });

  test('gives Firefox the same suggestion as plain text (it does not parse descriptions)', async () => {
    extensionUrl = 'moz-extension://abc/';
    expect((await suggestionsFor('سد'))[0].description).toBe('سد النهضة <b>عاجل</b> & "المياه" — BBC Arabic');
  });

  test('names a library result\'s source before its outlet (a collection\'s name as text); the archive\'s carry none', async () => {
    hits = [
      hit('سد النهضة في الأرشيف', 'https://www.bbc.com/arabic/1'),
      { ...hit('سد النهضة في مجموعتي', 'https://desk.example/1', 'Desk'), origin: { kind: 'collection', id: '3', name: '<Desk> & co' } },
      { ...hit('سد النهضة قرأته', 'https://news.example/r', 'Reader'), origin: { kind: 'reading' } },
    ];
    const chrome = await suggestionsFor('سد');
    expect(chrome.map((s) => s.description.replace(/^.*<dim>— (.*)<\/dim>$/, '$1'))).toEqual(['BBC Arabic', '[originCollection] · Desk', '[originReading] · Reader']);
    extensionUrl = 'moz-extension://abc/';
    expect((await suggestionsFor('سد')).map((s) => s.description)).toEqual(['سد النهضة في الأرشيف — BBC Arabic', 'سد النهضة في مجموعتي — [originCollection] · Desk', 'سد النهضة قرأته — [originReading] · Reader']);
  });

  test('Enter on a suggestion opens it where the browser says: this tab, or a new one in front or behind', async () => {
    const enter = listeners.get('inputEntered')!;
    await enter('https://www.bbc.com/arabic/1', 'currentTab');
    await enter('https://www.bbc.com/arabic/1', 'newForegroundTab');
    await enter('https://www.bbc.com/arabic/1', 'newBackgroundTab');
    expect(calls).toEqual([
      { api: 'tabs.update', args: [{ url: 'https://www.bbc.com/arabic/1' }] },
      { api: 'tabs.create', args: [{ url: 'https://www.bbc.com/arabic/1', active: true }] },
      { api: 'tabs.create', args: [{ url: 'https://www.bbc.com/arabic/1', active: false }] },
    ]);
  });

  test('Enter on typed words opens the best match; a non-http best match or no match opens nothing', async () => {
    const enter = listeners.get('inputEntered')!;
    await enter('سد النهضة', 'currentTab');
    expect(calls).toEqual([{ api: 'tabs.update', args: [{ url: 'https://www.bbc.com/arabic/1' }] }]);
    calls.length = 0;
    hits = [hit('رابط خبيث', 'javascript:alert(1)')];
    await enter('javascript:alert(1)', 'currentTab');
    await enter('رابط', 'currentTab');
    hits = [];
    await enter('لا شيء', 'newForegroundTab');
    expect(calls).toEqual([]);
  });
});

describe('omnibox hints', () => {
  const few = () => [hit('خاشقجي في إسطنبول', 'https://www.bbc.com/arabic/2')];

  test('a search that found little offers did-you-mean first, in the chosen language, its content the fix', async () => {
    hits = few();
    hints = { didYouMean: 'خاشقجي', arabicQuery: null };
    storedSettings = { language: 'ar' };
    const [first, second] = await suggestionsFor('خاشقحي');
    expect(first).toEqual({ content: 'خاشقجي', description: '<dim>هل تقصد</dim> <match>خاشقجي</match>؟' });
    expect(second.content).toBe('https://www.bbc.com/arabic/2');
    storedSettings = { language: 'en' };
    expect((await suggestionsFor('خاشقحي'))[0].description).toBe('<dim>Did you mean</dim> <match>خاشقجي</match>?');
  });

  test('a Latin query that found nothing says the archive is Arabic; Firefox gets it as plain text', async () => {
    hits = [];
    hints = { didYouMean: null, arabicQuery: 'خاشقجي' };
    storedSettings = { language: 'en' };
    extensionUrl = 'moz-extension://abc/';
    expect(await suggestionsFor('Khashoggi')).toEqual([
      { content: 'خاشقجي', description: 'The archive is in Arabic. Search the name in Arabic letters: خاشقجي' },
    ]);
  });

  test('in "auto" the browser supplies the words; markup in a hint is escaped for Chrome', async () => {
    hits = [];
    hints = { didYouMean: '<b>&', arabicQuery: null };
    expect(await suggestionsFor('x')).toEqual([{ content: '<b>&', description: '<dim>[didYouMean]</dim> <match>&lt;b&gt;&amp;</match>?' }]);
  });

  test('a search with enough results asks for no hint; no hint or a failed one adds no row', async () => {
    hints = { didYouMean: 'خاشقجي', arabicQuery: null };
    hits = [few()[0], few()[0], few()[0]];
    expect((await suggestionsFor('خاشقجي')).map((s) => s.content)).toEqual(Array(3).fill('https://www.bbc.com/arabic/2'));
    expect(hintsAsked).toEqual([]);
    hits = few();
    hints = { didYouMean: null, arabicQuery: null };
    expect(await suggestionsFor('خاشقجي')).toHaveLength(1);
    hints = new Error('search files missing');
    expect(await suggestionsFor('خاشقجي')).toHaveLength(1);
    expect(hintsAsked).toEqual(['خاشقجي', 'خاشقجي']);
  });

  test('choosing the hint searches the suggested words and opens their best match', async () => {
    hits = few();
    await listeners.get('inputEntered')!('خاشقجي', 'currentTab');
    expect(calls).toEqual([{ api: 'tabs.update', args: [{ url: 'https://www.bbc.com/arabic/2' }] }]);
  });
});

describe('context menu', () => {
  test('is created once per install or start, for selected text', async () => {
    await listeners.get('installed')!({ reason: 'install' });
    await listeners.get('startup')!();
    expect(calls.map((c) => c.api)).toEqual(['contextMenus.removeAll', 'contextMenus.create', 'contextMenus.removeAll', 'contextMenus.create']);
    expect(calls[1].args[0]).toEqual({ id: 'sila-search-selection', title: '[contextSearch]', contexts: ['selection'] });
  });

  test('a click opens the popup first (the browser allows it only inside the click) and leaves it the tidied selection', async () => {
    listeners.get('menuClicked')!({ menuItemId: 'sila-search-selection', selectionText: `  سد\n\tالنهضة ${'x'.repeat(600)}` });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.map((c) => c.api)).toEqual(['action.openPopup', 'storage.session.set']);
    const pending = session.get(PENDING_QUERY_KEY) as { query: string; at: number };
    expect(pending.query.startsWith('سد النهضة x')).toBe(true);
    expect(pending.query).toHaveLength(500);
  });

  test('ignores other menu items and empty selections', async () => {
    listeners.get('menuClicked')!({ menuItemId: 'another', selectionText: 'سد' });
    listeners.get('menuClicked')!({ menuItemId: 'sila-search-selection', selectionText: '' });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([]);
  });
});
