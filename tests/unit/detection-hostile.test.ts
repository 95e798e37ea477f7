/**
 * extractSnapshot under attack: built-ins overwritten by the page, random and broken markup (fast-check), and
 * the cheap first look never refusing a page the full extraction would accept.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { extractSnapshot, quickLook } from '../../src/content/extract';
import { LIMITS } from '../../src/messages';
import type { ArticleSnapshot } from '../../src/lib/types';
import { listFixtures } from '../fixtures/pages/fixtures';
import { validateEnvelope } from '../../src/background/validate';

const fixtures = listFixtures().filter((f) => !f.generated);

function wellFormed(s: ArticleSnapshot): void {
  expect(typeof s.isArticle).toBe('boolean');
  expect(typeof s.title).toBe('string');
  expect(s.title.length).toBeLessThanOrEqual(LIMITS.titleChars);
  expect(typeof s.text).toBe('string');
  expect(s.text.length).toBeLessThanOrEqual(LIMITS.textChars);
  expect(['rtl', 'ltr']).toContain(s.dir);
  expect(typeof s.lang).toBe('string');
  expect(s.lang.length).toBeLessThanOrEqual(35); // what the background's validator accepts
  if (s.published !== null) expect(s.published.length).toBeLessThanOrEqual(64);
  if (s.siteName !== null) expect(s.siteName.length).toBeLessThanOrEqual(200);
  expect(s.url.length).toBeLessThanOrEqual(LIMITS.urlChars);
  if (s.canonicalUrl !== null) expect(s.canonicalUrl).toMatch(/^https?:\/\//);
  if (s.published !== null) expect(s.published).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(s.title + s.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  // The background accepts it: the content script never sends what its validator would refuse.
  expect(() => validateEnvelope({ sila: 1, name: 'page/snapshot', payload: { snapshot: s } })).not.toThrow();
}

/** Run `fn` while some built-ins are replaced by throwing impostors, as a hostile page sharing our world would. */
function withSabotage<T>(targets: [object, string][], fn: () => T): T {
  // Plain loops only in here: the helpers being sabotaged must not be needed to restore them.
  const saved: PropertyDescriptor[] = [];
  for (let i = 0; i < targets.length; i++) saved[i] = Object.getOwnPropertyDescriptor(targets[i][0], targets[i][1])!;
  try {
    for (let i = 0; i < targets.length; i++) {
      const name = targets[i][1];
      Object.defineProperty(targets[i][0], name, { value: () => { throw new Error(`sabotaged ${name}`); }, configurable: true, writable: true });
    }
    return fn();
  } finally {
    for (let i = 0; i < targets.length; i++) Object.defineProperty(targets[i][0], targets[i][1], saved[i]);
  }
}

describe('built-ins redefined by the page', () => {
  const article = fixtures.find((f) => f.slug === 'al-arabiya-article')!;

  // Array.prototype.map is left out here only because linkedom's selector engine (css-select) needs it; in a
  // browser querySelectorAll is native. It is in the "never throws" list below.
  test('JSON.parse and the array/object helpers: same snapshot as without sabotage', async () => {
    const { document } = parseHTML(await article.html());
    const doc = document as unknown as Document;
    const clean = extractSnapshot(doc, article.expected.url);
    const ap = Array.prototype as unknown as object;
    const sabotaged = withSabotage(
      [[JSON, 'parse'], [ap, 'filter'], [ap, 'forEach'], [ap, 'reduce'], [ap, 'some'], [ap, 'every'],
        [ap, 'find'], [ap, 'includes'], [Object, 'keys'], [Object, 'values'], [Object, 'entries'], [Array, 'from']],
      () => extractSnapshot(doc, article.expected.url),
    );
    expect(sabotaged).toEqual(clean);
    expect(sabotaged.published).toBe(article.expected.published); // still read from JSON-LD
  });

  test('anything else sabotaged: a well-formed snapshot, never an exception', async () => {
    const { document } = parseHTML(await article.html());
    const doc = document as unknown as Document;
    let elementProto: object | null = Object.getPrototypeOf(doc.body);
    while (elementProto && !Object.prototype.hasOwnProperty.call(elementProto, 'getAttribute')) elementProto = Object.getPrototypeOf(elementProto);
    const targets: [object, string][] = [
      [String.prototype, 'trim'], [String.prototype, 'replace'], [Array.prototype, 'join'], [Array.prototype, 'push'],
      [Array.prototype, 'map'], [RegExp.prototype, 'test'], [Map.prototype, 'get'], [Set.prototype, 'has'],
      [elementProto ?? {}, 'getAttribute'],
    ];
    for (const t of targets) {
      if (!(t[1] in t[0])) continue;
      const snap = withSabotage([t], () => extractSnapshot(doc, article.expected.url));
      wellFormed(snap);
    }
  });
});

describe('random and broken markup (fast-check)', () => {
  const fragments = fc.constantFrom(
    '<p>', '</p>', '<div class="comments">', '</div>', '<article>', '</article>', '<h1>', '</h1>', '<a href="/x">', '</a>',
    '<script type="application/ld+json">', '</script>', '{"@type":"NewsArticle","headline":', '"عنوان"', '}', '[', ']',
    '<br>', '<nav>', '</nav>', '<time datetime="2024-03-25">', '</time>', 'تاريخ النشر: 25th, March 2024 GMT',
    'اقرأ أيضا', '\u202E', '<img src=x onerror=alert(1)>', '<!--', '-->', '<meta property="og:type" content="article">',
    'نص عربي طويل نسبيا يصف حدثا ما في مدينة ما ويكفي ليعد فقرة من فقرات المقال. ', 'Some English prose of a decent length for a paragraph. ',
  );
  const pages = fc.array(fc.oneof(fragments, fc.string({ maxLength: 40 })), { maxLength: 120 }).map((parts) => `<!doctype html><html><head></head><body>${parts.join('')}</body></html>`);
  const urls = fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant('javascript:alert(1)'));

  test('never throws, always a well-formed snapshot', () => {
    fc.assert(
      fc.property(pages, urls, (html, url) => {
        const { document } = parseHTML(html);
        const snap = extractSnapshot(document as unknown as Document, url);
        wellFormed(snap);
      }),
      { numRuns: 300 },
    );
  });

  test('a home page with a 100-character lang attribute is sent with a valid lang', () => {
    const { document } = parseHTML(`<html lang="${'x'.repeat(100)}"><head><title>t</title></head><body></body></html>`);
    wellFormed(extractSnapshot(document as unknown as Document, 'https://x.example/'));
  });

  test('a document without a body, and a null-ish document, still give a snapshot', () => {
    const { document } = parseHTML('');
    wellFormed(extractSnapshot(document as unknown as Document, 'https://x.example/a'));
    wellFormed(extractSnapshot(null as unknown as Document, 'https://x.example/a'));
  });
});

describe('quickLook (the content script\'s cheap first look)', () => {
  test('lets every article fixture through', async () => {
    for (const f of listFixtures().filter((x) => x.expected.isArticle)) {
      const { document } = parseHTML(await f.html());
      expect(quickLook(document as unknown as Document, f.expected.url), f.slug).toBe(true);
    }
  });

  test('lets a plain-text document through: <pre> blocks and no <p> (an Internet-Draft)', () => {
    const pre = '<pre>Network Working Group\n\n1.  Introduction\n\n   This document specifies a protocol.</pre>';
    const html = (n: number) => `<html><head><title>draft-x-protocol-04 - Protocol</title></head><body>${pre.repeat(n)}</body></html>`;
    expect(quickLook(parseHTML(html(3)).document as unknown as Document, 'https://tools.example/html/draft-x-protocol-04')).toBe(true);
    expect(quickLook(parseHTML(html(1)).document as unknown as Document, 'https://tools.example/html/draft-x-protocol-04')).toBe(false);
  });

  test('lets a page calling itself a website through when a heading of three words names its title, not a section', () => {
    const page = (title: string, heading: string) =>
      `<html><head><title>${title}</title><meta property="og:type" content="website"></head><body><div>` +
      `<h2>${heading}</h2><p>One</p><p>Two</p><p>Three</p></div></body></html>`;
    const look = (html: string) => quickLook(parseHTML(html).document as unknown as Document, 'https://www.factorio.example/blog/post/fff-282');
    expect(look(page('Friday Facts #282 - 0.17 in sight | Factorio', 'Friday Facts #282 - 0.17 in sight'))).toBe(true);
    expect(look(page('World news | The Site', 'World news'))).toBe(false);
    expect(look(page('Friday Facts #282 - 0.17 in sight | Factorio', 'Latest posts from our blog'))).toBe(false);
  });

  test('stops home and search pages by URL without touching the DOM', () => {
    const { document } = parseHTML('<html><body><p>a</p><p>b</p><p>c</p><p>d</p></body></html>');
    const doc = document as unknown as Document;
    for (const url of ['https://www.skynewsarabia.example/', 'https://www.bbc.example/arabic', 'https://x.example/search?q=مياه', 'https://x.example/?s=water', 'https://x.example/ar/', 'chrome://newtab', 'file:///tmp/a.html']) {
      expect(quickLook(doc, url), url).toBe(false);
    }
    expect(quickLook(doc, 'https://blog.example/?p=123')).toBe(true);
  });
});

describe('the walk budget', () => {
  test('an exhausted budget still gives a well-formed snapshot, and the title from the page', async () => {
    const fx = listFixtures().find((f) => f.slug === 'guardian-article')!;
    const { document } = parseHTML(await fx.html());
    let t = 0;
    const snap = extractSnapshot(document as unknown as Document, fx.expected.url, { budgetMs: 1, now: () => (t += 10) });
    wellFormed(snap);
    expect(snap.title).toBe(fx.expected.title);
  });
});
