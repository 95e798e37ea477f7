import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { installDom, settle } from '../test-dom';
import { createI18n } from '../../i18n';
import { createMemoryClient, type MemoryState } from '../client-memory';
import { UiContext } from '../context';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { HOSTILE_TITLES } from '../sample-data';
import type { TabState } from '../../messages';

// settings.ts imports the polyfill, which refuses to load outside an extension; nothing here calls it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

let document: Document;
beforeAll(() => {
  document = installDom();
});

/** Waits (up to 3 s, as a loaded machine may need) until `root` holds `selector`. */
async function waitFor(root: ParentNode, selector: string) {
  for (let waited = 0; waited < 3000 && !root.querySelector(selector); waited += 20) await settle(20);
}

async function mount(state: MemoryState, settings: Partial<Settings> = {}, query = '', tabState?: TabState) {
  // Imported after the DOM exists: components touch `document` only when rendering, but stay safe.
  const { ReaderApp } = await import('./ReaderApp');
  const root = document.createElement('div');
  document.body.append(root);
  const client = createMemoryClient({ state });
  if (tabState) client.tabState = async () => tabState;
  const full = { ...DEFAULT_SETTINGS, ...settings };
  render(
    <UiContext.Provider value={{ client, i18n: createI18n({ language: full.language, digits: full.digits }), settings: full, updateSettings: async () => {} }}>
      <ReaderApp variant="sidepanel" initialQuery={query} />
    </UiContext.Provider>,
    root,
  );
  await settle(120);
  return { root, client };
}

describe('hostile titles, snippets, outlets and URLs', () => {
  it('render as text: no element, handler or javascript: link comes from the data', async () => {
    const { root } = await mount('hostile', { language: 'en' });
    const html = root.innerHTML;
    expect(root.querySelectorAll('article, li.article').length).toBeGreaterThanOrEqual(HOSTILE_TITLES.length);
    expect(root.querySelectorAll('script, img, iframe, object, embed, b').length).toBe(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    // The text is there, escaped.
    expect(root.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    // Bidi overrides are removed, titles are isolated.
    expect(root.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Each title takes its card's direction (most of its letters), or dir="auto" when it has no letter.
    for (const title of root.querySelectorAll('.article-title > *')) expect(title.getAttribute('dir')).toBe(title.closest('li')?.getAttribute('dir') ?? 'auto');
    // The 10,000-character title is cut.
    const longest = Math.max(...Array.from(root.querySelectorAll('.article-title')).map((t) => t.textContent!.length));
    expect(longest).toBeLessThanOrEqual(301);
    render(null, root);
  });

  it('links only http(s) URLs and opens them through the client, in the background with Ctrl', async () => {
    const { root, client } = await mount('article', { language: 'en' });
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('a.stretched'));
    expect(links.length).toBe(4);
    links[0].dispatchEvent(Object.assign(new Event('click', { bubbles: true, cancelable: true }), { ctrlKey: true, button: 0 }));
    links[1].dispatchEvent(Object.assign(new Event('click', { bubbles: true, cancelable: true }), { button: 0 }));
    expect(client.opened).toEqual([
      { url: links[0].getAttribute('href'), background: true },
      { url: links[1].getAttribute('href'), background: false },
    ]);
    render(null, root);
  });
});

const latinFirst: TabState = {
  kind: 'article',
  snapshot: { isArticle: true, title: 'FBI يداهم مكتب محامي ترامب', text: 'نص', lang: '', dir: 'rtl', url: 'https://news.example/a', canonicalUrl: null, published: null, siteName: null },
  results: [
    { title: 'FBI يداهم مكتب محامي ترامب', snippet: '(CNN)-- قالت وزارة العدل الأمريكية إن المحققين' },
    { title: 'Trump lawyer office raided', snippet: 'The FBI searched the office' },
  ].map((text, i) => ({ doc: { id: `d-${i}`, ...text, url: `https://news.example/${i}`, source: 'CNN Arabic', published: '2018-04-10T10:00:00Z', story: i }, position: i, score: 1, confidence: 0.9, sharedTerms: ['ترامب'], alsoIn: [] })),
  confidentCount: 2,
  corpusMatch: false,
};

describe('direction and keys', () => {
  it('lays out a card in its article’s direction, not its first letter’s, in both interface languages', async () => {
    for (const language of ['en', 'ar'] as const) {
      const { root } = await mount('article', { language }, '', latinFirst);
      const [arabic, english] = Array.from(root.querySelectorAll('li.article'));
      expect(arabic.getAttribute('dir')).toBe('rtl');
      expect(arabic.querySelector('[data-role=title]')?.getAttribute('dir')).toBe('rtl');
      expect(arabic.querySelector('[data-role=title]')?.getAttribute('lang')).toBe('ar');
      expect(arabic.querySelector('.article-snippet')?.getAttribute('dir')).toBe('rtl');
      expect(english.getAttribute('dir')).toBe('ltr');
      expect(english.querySelector('[data-role=title]')?.getAttribute('lang')).toBe('en');
      // The reading card too, when the page declares no language.
      expect(root.querySelector('#reading-title')?.getAttribute('dir')).toBe('rtl');
      // Interface words inside an Arabic card keep the interface's direction.
      expect(arabic.querySelector('.why-label')?.getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      render(null, root);
    }
  });

  it('Esc clears the search with focus in the results, and returns focus to the search box', async () => {
    const { root } = await mount('article', { language: 'en' }, 'سد النهضه');
    await settle(150);
    const first = root.querySelector<HTMLElement>('.results [data-role=title]');
    expect(first).not.toBeNull();
    first!.focus();
    // linkedom calls a bubbling listener with `this` set to the target, not the element listening, so Preact's
    // handler on the popup is reached here by dispatching on it; the e2e test presses Esc on a focused result.
    root.querySelector('.app')!.dispatchEvent(Object.assign(new Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' }));
    await settle(120);
    const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
    expect(root.querySelector('[data-role=search-results]')).toBeNull();
    expect(input.value).toBe('');
    expect(root.textContent).toContain('Related coverage');
    render(null, root);
  });
});

describe('states', () => {
  const text = async (state: MemoryState, language: 'ar' | 'en' = 'en') => {
    const { root } = await mount(state, { language });
    const t = root.textContent ?? '';
    render(null, root);
    return t;
  };
  it('article: the recognised article, the related list, also-in and shared terms', async () => {
    const t = await text('article');
    expect(t).toContain('You’re reading');
    expect(t).toContain('Related coverage');
    expect(t).toContain('Also in');
    expect(t).toContain('Shares');
  });
  it('article: results the badge counts first, the less confident ones apart under their own heading, none under 0.5', async () => {
    // The sample: confidences 0.9, 0.8, 0.7, 0.6, then two at 0.35.
    const { root } = await mount('article', { minConfidence: 0.5 });
    const ids = (r: Element, role: string) => Array.from(r.querySelectorAll(`[data-role=${role}] [data-doc-id]`)).map((el) => el.getAttribute('data-doc-id'));
    expect(ids(root, 'close')).toHaveLength(4);
    // Under 0.5 a result is more often unrelated than not (npm run eval:sections): the two at 0.35 are not listed.
    expect(root.querySelector('[data-role=loose]')).toBeNull();
    expect(ids(root, 'related')).toEqual(ids(root, 'close'));
    render(null, root);
    // A stricter minimum moves results down, never out.
    const strict = await mount('article', { minConfidence: 0.85 });
    expect(ids(strict.root, 'close')).toHaveLength(1);
    expect(ids(strict.root, 'loose')).toHaveLength(3);
    expect(ids(strict.root, 'related')).toEqual([...ids(strict.root, 'close'), ...ids(strict.root, 'loose')]);
    expect(strict.root.querySelector('[data-role=loose] h2')?.textContent).toBe('Less closely related');
    render(null, strict.root);
  });
  it('an article whose results are all under 0.5 gets the empty state and the search offer, not a list of noise', async () => {
    const weak: TabState = {
      kind: 'article',
      snapshot: { isArticle: true, title: 'A 2024 story', text: 'Body', lang: 'en', dir: 'ltr', url: 'https://news.example/a', canonicalUrl: null, published: null, siteName: null },
      results: [0.33, 0.25, 0.21].map((confidence, i) => ({ doc: { id: `weak-${i}`, title: `Weak ${i}`, snippet: '', url: null, source: null, published: null, story: i }, position: i, score: 1 - i / 10, confidence, sharedTerms: [], alsoIn: [] })),
      confidentCount: 0,
      corpusMatch: false,
    };
    const { root } = await mount('article', { minConfidence: 0.5 }, '', weak);
    expect(root.querySelector('[data-state]')?.getAttribute('data-state')).toBe('empty');
    expect(root.querySelectorAll('[data-doc-id]')).toHaveLength(0);
    expect(root.textContent).toContain('No related articles in this archive');
    expect(root.textContent).toContain('Search the archive');
    render(null, root);
    // The user's "high" level lists nothing more: the floor stays at 0.5.
    const high = await mount('article', { minConfidence: 0.7 }, '', weak);
    expect(high.root.querySelectorAll('[data-doc-id]')).toHaveLength(0);
    render(null, high.root);
  });

  it('says when the archive ends over an empty list and over a page newer than the archive, not over a good list', async () => {
    const { root } = await mount('empty', { language: 'en' });
    await waitFor(root, '[data-role=archive-age]');
    expect(root.querySelector('[data-role=archive-age]')?.textContent).toBe('The archive holds news until October 2018: later events are not in it.');
    render(null, root);
    const good = await mount('article', { language: 'en' });
    await settle(300); // the meta has arrived by then (the empty case above shows it within a few ms)
    expect(good.root.querySelector('[data-role=archive-age]')).toBeNull();
    render(null, good.root);
    const newer = await mount('article', { language: 'ar' }, '', { ...latinFirst, snapshot: { ...latinFirst.snapshot, published: '2026-01-05T10:00:00Z' } });
    await waitFor(newer.root, '[data-role=archive-age]');
    expect(newer.root.querySelector('[data-role=archive-age]')?.textContent).toContain('هذه الصفحة أحدث من الأرشيف');
    render(null, newer.root);
  });

  it('about: the archive named for people, the 99 % span, a licence link a reader can open and the citation', async () => {
    const { AboutCorpus } = await import('./AboutCorpus');
    for (const language of ['en', 'ar'] as const) {
      const root = document.createElement('div');
      document.body.append(root);
      const client = createMemoryClient({ state: 'article' });
      render(
        <UiContext.Provider value={{ client, i18n: createI18n({ language, digits: 'latn', timeZone: 'UTC' }), settings: DEFAULT_SETTINGS, updateSettings: async () => {} }}>
          <AboutCorpus />
        </UiContext.Provider>,
        root,
      );
      await waitFor(root, '#about-heading');
      const t = root.textContent ?? '';
      expect(root.querySelector('#about-heading')?.textContent).toBe(language === 'en' ? 'Arabic news 2018 (Sample Corpus)' : 'أخبار عربية 2018 (Sample Corpus)');
      expect(t).toContain(language === 'en' ? 'February 2018 – October 2018' : 'من فبراير 2018 إلى أكتوبر 2018');
      expect(t).toContain(language === 'en' ? '99% of the articles; all of them: October 2012 – October 2018' : '99٪ من المقالات');
      expect(root.querySelector('.about-licence a')?.getAttribute('href')).toBe('https://corpus.example/');
      expect(root.querySelector('.about-licence')?.textContent).toContain(language === 'en' ? 'cites them' : 'يذكرهم');
      expect(root.querySelector('.about-citation')?.textContent).toContain('A Sample News Corpus for Tests');
      render(null, root);
    }
  });

  it('each empty state says what happened and offers search', async () => {
    expect(await text('empty')).toContain('No related articles in this archive');
    expect(await text('not-article')).toContain('This page isn’t a news article');
    expect(await text('unsupported')).toContain('Sila can’t read this page');
    for (const state of ['empty', 'not-article', 'unsupported'] as const) expect(await text(state)).toContain('Search the archive');
  });
  it('error offers a retry; loading shows a status, not a layout of its own', async () => {
    expect(await text('error')).toContain('Try again');
    const { root } = await mount('loading');
    expect(root.querySelector('[role=status]')).not.toBeNull();
    expect(root.querySelectorAll('.skeleton-article').length).toBeGreaterThan(0);
    render(null, root);
  });
  it('speaks Arabic with Arabic plural forms', async () => {
    const t = await text('article', 'ar');
    expect(t).toContain('تغطيات ذات صلة');
    expect(t).toContain('4 مقالات');
    // With the badge at 0.75: 0.9 and 0.8 above it, 0.7 and 0.6 under it, two each.
    const { root } = await mount('article', { language: 'ar', minConfidence: 0.75 });
    expect(root.textContent).toContain('أقل صلة');
    expect(root.textContent).toContain('مقالان'); // the dual: two articles
    render(null, root);
  });
  it('search results highlight the query, whatever its spelling variant', async () => {
    const { root, client } = await mount('article', { language: 'en' }, 'سد النهضه');
    await settle(150);
    expect(client.searches).toContain('سد النهضه');
    const marks = Array.from(root.querySelectorAll('.results mark')).map((m) => m.textContent);
    expect(marks).toContain('النهضة');
    render(null, root);
  });
});

describe('search over the archive and the library', () => {
  it('labels library results by source (as text), and the source filter hides them', async () => {
    const { SearchView } = await import('./SearchView');
    const doc = (id: string, title: string) => ({ id, title, url: `https://news.example/${id}`, source: 'Example', published: '2018-04-10T10:00:00Z', snippet: '', story: 0 });
    const results = [
      { doc: doc('a1', 'سد النهضة في الأرشيف'), position: 0, score: 3, matchedTerms: [] },
      { doc: doc('reading:1', 'سد النهضة <b>قرأته</b>'), position: -1, score: 2, matchedTerms: [], origin: { kind: 'reading' as const } },
      { doc: doc('c-1', 'سد النهضة في مجموعتي'), position: -1, score: 1, matchedTerms: [], origin: { kind: 'collection' as const, id: 'c1', name: '<img src=x onerror=alert(1)>' } },
    ];
    for (const language of ['en', 'ar'] as const) {
      const root = document.createElement('div');
      document.body.append(root);
      render(
        <UiContext.Provider value={{ client: createMemoryClient({ state: 'article' }), i18n: createI18n({ language, digits: 'latn' }), settings: DEFAULT_SETTINGS, updateSettings: async () => {} }}>
          <SearchView load={{ status: 'done', query: 'سد النهضة', results }} retry={() => {}} />
        </UiContext.Provider>,
        root,
      );
      await settle(20);
      const origin = (id: string) => root.querySelector(`[data-doc-id="${id}"] [data-role=origin]`)?.textContent ?? null;
      expect(origin('a1')).toBeNull();
      expect(origin('reading:1')).toBe(language === 'en' ? 'Your reading' : 'من قراءاتك');
      expect(origin('c-1')).toContain('<img src=x onerror=alert(1)>');
      expect(root.querySelectorAll('b, img').length).toBe(0);
      const select = root.querySelector<HTMLSelectElement>('[data-role=source-filter]')!;
      expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'archive', 'reading', 'collection:c1']);
      // linkedom's select.value has no setter: choose the option as a browser would mark it.
      for (const o of Array.from(select.options)) o.toggleAttribute('selected', o.value === 'archive');
      expect(select.value).toBe('archive');
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(20);
      expect(Array.from(root.querySelectorAll('[data-doc-id]')).map((el) => el.getAttribute('data-doc-id'))).toEqual(['a1']);
      render(null, root);
    }
  });
});

describe('the related list merges the library with the archive', () => {
  it('places library results by confidence, each labelled (collection name as text, "read … ago"), in both languages', async () => {
    const base = await createMemoryClient({ state: 'article' }).tabState();
    if (base.kind !== 'article') throw new Error('the sample state is an article');
    const archive = base.results.map((r, i) => ({ ...r, confidence: 0.9 - i * 0.01 }));
    const doc = (id: string, url: string) => ({ id, title: `سد النهضة ${id}`, url, source: 'Newsroom', published: '2026-12-01T10:00:00Z', snippet: '', story: -1 });
    const library = [
      { doc: doc('collection:3:x', 'https://desk.example/x'), position: -1, score: 1, sharedTerms: [], alsoIn: [], confidence: 0.95, collection: { id: 3, name: '<b>Desk</b> archive' } },
      // A read as the background details it (library/related-details.ts): its opening (page text, never markup) and chips.
      { doc: { ...doc('reading:7', 'https://news.example/read'), snippet: 'أعلن <img src=x onerror=alert(1)> الوزير أن سد النهضة' }, position: -1, score: 1, sharedTerms: ['سد النهضة', '<b>الخرطوم</b>'], alsoIn: [], confidence: 0.6, readAt: Date.now() - 3 * 86_400_000 },
      // The page itself, kept in a collection: never listed for itself.
      { doc: doc('collection:3:self', base.snapshot.url), position: -1, score: 1, sharedTerms: [], alsoIn: [], confidence: 0.99, collection: { id: 3, name: 'Desk' } },
    ];
    for (const language of ['en', 'ar'] as const) {
      const { ReaderApp } = await import('./ReaderApp');
      const root = document.createElement('div');
      document.body.append(root);
      const client = createMemoryClient({ state: 'article' });
      client.tabState = async () => ({ ...base, results: archive });
      client.libraryRelated = async () => library;
      const settings = { ...DEFAULT_SETTINGS, language, resultCount: 8 };
      render(
        <UiContext.Provider value={{ client, i18n: createI18n({ language, digits: 'latn' }), settings, updateSettings: async () => {} }}>
          <ReaderApp variant="sidepanel" />
        </UiContext.Provider>,
        root,
      );
      await waitFor(root, '[data-origin="reading"]');
      const ids = Array.from(root.querySelectorAll('[data-role=related] li.article')).map((el) => el.getAttribute('data-doc-id'));
      expect(ids[0]).toBe('collection:3:x');
      expect(ids).not.toContain('collection:3:self');
      expect(ids.length).toBe(Math.min(8, archive.length + 2));
      // 0.6 sits after every archive result above it and before those below.
      expect(ids.indexOf('reading:7')).toBe(Math.min(1 + archive.filter((r) => r.confidence >= 0.6).length, ids.length - 1));
      const label = (id: string) => root.querySelector(`[data-doc-id="${id}"] [data-role=origin]`)?.textContent ?? '';
      expect(label('collection:3:x')).toBe(language === 'en' ? 'Collection: <b>Desk</b> archive' : 'مجموعة: <b>Desk</b> archive');
      expect(label('reading:7')).toMatch(language === 'en' ? /^read 3 days ago$/ : /^قرأته /);
      // The read is a peer of an archive card: outlet and date, its opening as the snippet, the "Shares" chips.
      const read = root.querySelector('[data-doc-id="reading:7"]')!;
      expect(read.querySelector('.outlet')?.textContent).toContain('Newsroom');
      expect(read.querySelector('time')).not.toBeNull();
      expect(read.querySelector('.article-snippet')?.textContent).toBe('أعلن <img src=x onerror=alert(1)> الوزير أن سد النهضة');
      expect(Array.from(read.querySelectorAll('.chip')).map((c) => c.textContent)).toEqual(['سد النهضة', '<b>الخرطوم</b>']);
      expect(read.querySelector('.why-label')?.textContent).toBe(language === 'en' ? 'Shares' : 'يشترك في');
      expect(read.getAttribute('dir')).toBe('rtl');
      expect(root.querySelector(`[data-doc-id="${archive[0].doc.id}"] [data-role=origin]`)).toBeNull();
      expect(root.querySelectorAll('[data-role=related] b, [data-role=related] img').length).toBe(0);
      render(null, root);
    }
  });
});

describe('the archive age note over a merged list', () => {
  it('speaks of the archive only: none over a list the library alone fills, as before over the archive\'s own', async () => {
    const base = await createMemoryClient({ state: 'article' }).tabState();
    if (base.kind !== 'article') throw new Error('the sample state is an article');
    const newer = { ...base, results: [], snapshot: { ...base.snapshot, published: '2026-01-05T10:00:00Z' } };
    const mine = { doc: { id: 'collection:1:a', title: 'سد النهضة', url: 'https://desk.example/a', source: 'Desk', published: null, snippet: '', story: -1 }, position: -1, score: 1, sharedTerms: [], alsoIn: [], confidence: 0.9, collection: { id: 1, name: 'Desk' } };
    for (const library of [[mine], []]) {
      const { root, client } = await mount('article', { language: 'en' }, '', newer);
      client.libraryRelated = async () => library;
      // Mounted before libraryRelated was replaced: ask again as a new page would.
      render(null, root);
      const { ReaderApp } = await import('./ReaderApp');
      render(
        <UiContext.Provider value={{ client, i18n: createI18n({ language: 'en', digits: 'latn' }), settings: DEFAULT_SETTINGS, updateSettings: async () => {} }}>
          <ReaderApp variant="sidepanel" />
        </UiContext.Provider>,
        root,
      );
      await settle(300);
      if (library.length) {
        await waitFor(root, '[data-origin^="collection:"]');
        expect(root.querySelector('[data-role=archive-age]')).toBeNull();
      } else {
        await waitFor(root, '[data-role=archive-age]');
        expect(root.querySelector('[data-role=archive-age]')?.textContent).toContain('newer than the archive');
      }
      render(null, root);
    }
  });
});
