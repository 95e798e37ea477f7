/**
 * Robustness and trust, against the built extension in Chromium and Firefox:
 * - every hostile detection fixture (10 MB of text, 200,000 nodes, 5,000-deep DOM, 1,000 JSON-LD blocks,
 *   malformed/cyclic JSON-LD, markup and bidi overrides in the title), a page that redefines built-ins, a
 *   10,000-character title and a page that mutates its DOM forever are served to the real extension; after each
 *   one a normal article page still gets a badge and related articles;
 * - the popup shows the markup-in-title page's title as text: no <script>/<img> made from page text, no
 *   javascript: link, bidi overrides gone;
 * - each hostile page still answers the test promptly (responsiveness figures are printed, not asserted);
 * - web pages cannot reach the background; malformed envelopes from an extension page get {ok:false, error} and
 *   the background keeps answering;
 * - a truncated index part in the package gives the popup's error state naming the file;
 * - (Chromium) settings survive the service worker being stopped.
 * Screenshots go to artifacts/e2e/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, mkdirSync, mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../../scripts/paths';
import { renderArticlePage } from '../../scripts/lib/render-pages';
import { listFixtures } from '../fixtures/pages/fixtures';
import { STORY, esc, storyPage } from '../fixtures/pages/_shared-story';
import { startTestServer, type TestServer } from './harness/test-server';
import { builtExtension, e2eBrowsers, launchBuilt } from './harness/launch';
import type { ExtensionSession } from './harness/session';
import { bestJudgedQuery } from './harness/corpus-pages';
import { setSettings, settledState, waitForBadge } from './harness/popup';

const shots = resolve(repoRoot, 'artifacts', 'e2e');
mkdirSync(shots, { recursive: true });
const judged = bestJudgedQuery();
const ARTICLE = '/world/2018/article';

/** A page that replaces the built-ins a content script would use, then shows an ordinary story. */
const BUILTINS_PAGE = storyPage({
  head: `<script>
    (function () {
      const boom = function () { throw new Error('hostile page built-in'); };
      JSON.parse = boom; JSON.stringify = boom;
      Array.prototype.map = boom; Array.prototype.filter = boom; Array.prototype.forEach = boom;
      Array.prototype.join = boom; Array.prototype.push = function () { return 0; };
      String.prototype.trim = boom; String.prototype.replace = boom; String.prototype.slice = boom;
      String.prototype.toLowerCase = boom; RegExp.prototype.exec = boom; RegExp.prototype.test = boom;
      Object.keys = boom; Object.entries = boom; Object.assign = boom; Object.defineProperty = boom;
      window.Promise = function () { throw new Error('no promises here'); };
      window.MutationObserver = boom; window.requestIdleCallback = boom;
      Element.prototype.querySelector = boom; Element.prototype.querySelectorAll = boom;
      Document.prototype.querySelector = boom; Document.prototype.querySelectorAll = boom;
      Element.prototype.getAttribute = function () { return '<img src=x onerror=alert(9)>'; };
      Object.defineProperty && 0;
    })();
  </script>`,
});

/** A page that never stops changing its DOM (and its title) while showing an ordinary story. */
const MUTATION_PAGE = storyPage({
  after: `<div id="churn"></div><script>
    (function () {
      const churn = document.getElementById('churn');
      let n = 0;
      setInterval(function () {
        for (let i = 0; i < 200; i++) {
          const p = document.createElement('p');
          p.textContent = 'تحديث ' + (n++);
          churn.appendChild(p);
        }
        while (churn.childNodes.length > 400) churn.removeChild(churn.firstChild);
        document.title = ${JSON.stringify(STORY.title)} + ' ' + (n % 7);
      }, 4);
      new MutationObserver(function () { churn.setAttribute('data-n', String(n)); }).observe(churn, { childList: true });
    })();
  </script>`,
});

/** A 10,000-character title with markup and a right-to-left override, in <title>, og:title and <h1>. */
const LONG_TITLE = `\u202Eعنوان طويل <script>alert(1)</script> ${'كلمة طويلة جدا '.repeat(700)}`.slice(0, 10_000);
const LONG_TITLE_PAGE = storyPage({ head: `<meta property="og:title" content="${esc(LONG_TITLE)}">` })
  .replace(`<title>${esc(STORY.title)}</title>`, `<title>${esc(LONG_TITLE)}</title>`)
  .replace(`<h1>${esc(STORY.title)}</h1>`, `<h1>${esc(LONG_TITLE)}</h1>`);

let server: TestServer;
const hostile: { slug: string; path: string }[] = [];
const HUGE_TEXT_UNRENDERED = '/hostile/hostile-huge-text/unrendered';

before(async () => {
  const routes: Record<string, string> = {
    [ARTICLE]: renderArticlePage(
      { title: judged.article.title, body: judged.article.body, source: 'Sila Test Times', published: judged.article.published ?? null, url: `http://sila.test${ARTICLE}`, lang: 'ar' },
      'skynews',
    ),
  };
  for (const fixture of listFixtures().filter((f) => f.slug.startsWith('hostile-'))) {
    routes[`/hostile/${fixture.slug}`] = await fixture.html();
    hostile.push({ slug: fixture.slug, path: `/hostile/${fixture.slug}` });
  }
  // The same 10 MB page with its huge block left unrendered (content-visibility: hidden), for Chromium: laying out a
  // single paragraph of millions of characters is superlinear in Chromium itself, with or without Sila (measured:
  // 1,000,000 characters take 77 s, the fixture's 10,000,000 had not rendered after 180 s; with this style the page
  // loads in 5 s). The DOM Sila reads is unchanged: the 10,000,000 characters, then 20,000 paragraphs.
  routes[HUGE_TEXT_UNRENDERED] = routes['/hostile/hostile-huge-text'].replace('</head>', '<style>.endless{content-visibility:hidden}</style></head>');
  for (const [slug, html] of [['builtins-redefined', BUILTINS_PAGE], ['endless-mutation', MUTATION_PAGE], ['title-10000-chars', LONG_TITLE_PAGE]] as const) {
    routes[`/hostile/${slug}`] = html;
    hostile.push({ slug, path: `/hostile/${slug}` });
  }
  server = await startTestServer(routes);
});
after(async () => server?.close());


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** Like session.openPage, but the hostile pages' own alert() calls are dismissed and a heartbeat is installed. */
async function openHostilePage(session: ExtensionSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  // Captured before the page's own scripts run, so a page that redefines built-ins does not break it.
  await page.evaluateOnNewDocument(() => {
    const now = performance.now.bind(performance);
    const state = { maxGap: 0, last: now(), longTasks: [] as number[] };
    (window as any).__silaHeartbeat = state;
    setInterval(() => {
      const t = now();
      if (t - state.last > state.maxGap) state.maxGap = t - state.last;
      state.last = t;
    }, 20);
    try {
      // Chromium only; Firefox has no longtask entries.
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        for (let i = 0; i < entries.length; i++) state.longTasks[state.longTasks.length] = Math.round(entries[i].duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* unsupported */
    }
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

/** Resolves with how long a trivial evaluate took, or rejects if the page has not answered within `ms`. */
async function answersWithin(page: Page, ms: number): Promise<number> {
  const start = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      page.evaluate(() => 1 + 1),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`page did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - start;
}

/** A normal article page gets a badge count (and, unless `badgeOnly`, related articles): the extension still works. */
async function assertStillWorks(session: ExtensionSession, after: string, badgeOnly = false): Promise<void> {
  const page = await session.openPage(`${server.origin}${ARTICLE}`);
  const badge = await waitForBadge(session, page);
  assert.match(badge, /^[1-9]\d*$/, `after ${after}: badge should show a count, got "${badge}"`);
  if (badgeOnly) {
    await page.close();
    return;
  }
  const popup = await session.openPopup(page);
  assert.equal(await settledState(popup), 'article', `after ${after}`);
  const count = await popup.$$eval('[data-role="related"] [data-doc-id]', (els) => els.length);
  assert.ok(count >= 3, `after ${after}: related articles listed, got ${count}`);
  await popup.close();
  await page.close();
}


for (const name of e2eBrowsers()) {
  describe(`Sila under attack in ${name}`, () => {
    let session: ExtensionSession;
    before(async () => {
      session = await launchBuilt(name, server.port);
    });
    after(async () => session?.close());

    test('hostile pages neither break the extension nor stop the page answering', async () => {
      for (const { slug, path } of hostile) {
        const started = Date.now();
        const page = await openHostilePage(session, `${server.origin}${name === 'chromium' && slug === 'hostile-huge-text' ? HUGE_TEXT_UNRENDERED : path}`);
        const loadMs = Date.now() - started;
        // Give the content script time to look (it runs at document_idle).
        await sleep(500);
        const evalMs = await answersWithin(page, 15_000);
        const heartbeat = await page.evaluate(() => {
          const hb = (window as any).__silaHeartbeat;
          return hb ? { maxGap: Math.round(hb.maxGap), longTasks: hb.longTasks.slice(0, 12) as number[] } : null;
        });
        let popup = await session.openPopup(page);
        let state = await settledState(popup);
        if (state === 'not-article' || state === 'unsupported') {
          // A tab whose content script has not reported yet is answered "pending" (src/background/handlers.ts,
          // stateWithoutSnapshot), or "unsupported" in Chromium, where a popup opened by automation has no
          // activeTab grant to read the tab's URL; the content script may wait up to 1.5 s for an idle moment on
          // a busy page. Ask once more after that.
          await popup.close();
          await sleep(2500);
          popup = await session.openPopup(page);
          const again = await settledState(popup);
          console.log(`[${name}] ${slug}: "${state}" at first, "${again}" 2.5 s later`);
          state = again;
        }
        const reading = await popup.$eval('#reading-title', (el) => el.textContent ?? '').catch(() => '');
        console.log(`[${name}] ${slug}: load ${loadMs} ms, evaluate answered in ${evalMs} ms, heartbeat max gap ${heartbeat?.maxGap ?? 'n/a'} ms (page load included), long tasks ${JSON.stringify(heartbeat?.longTasks ?? [])}; popup state "${state}", title ${reading.length} chars`);
        assert.ok(['article', 'empty', 'not-article'].includes(state), `${slug}: the content script reported the page (state "${state}")`);
        // Firefox's layout gives up on the 5,000-deep page (Sila then reads it as not an article), so the deep page
        // only has to leave the extension working.
        if (['builtins-redefined', 'endless-mutation', 'hostile-1000-jsonld', 'hostile-huge-dom', 'hostile-huge-text'].includes(slug)) {
          // The shared story: recognised as itself although the page attacked the extraction.
          assert.ok(['article', 'empty'].includes(state), `${slug} is an article`);
          assert.ok(reading.startsWith(STORY.title), `${slug}: title "${reading.slice(0, 80)}"`);
        }
        if (slug === 'hostile-huge-text') await popup.screenshot({ path: resolve(shots, `${name}-hostile-huge-text.png`) });
        if (slug === 'title-10000-chars') {
          assert.ok(reading.length > 200 && reading.length <= 301, `the long title is shown, clamped to 300 characters: got ${reading.length}`);
          assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(reading), 'bidi overrides removed from the shown title');
          // An Arabic page's title runs right to left whatever character opens it (the page's language decides).
          assert.equal(await popup.$eval('#reading-title', (el) => el.getAttribute('dir')), 'rtl');
        }
        await popup.close();
        await page.close();
        // The badge needs the background to rank a fresh snapshot: the whole pipeline still runs.
        await assertStillWorks(session, slug, true);
      }
      await assertStillWorks(session, 'all the hostile pages');
    });

    test('a title with markup and bidi overrides is shown as text, and no markup from the page reaches the popup', async () => {
      const page = await openHostilePage(session, `${server.origin}/hostile/hostile-markup-in-title`);
      await sleep(1500);
      const popup = await session.openPopup(page);
      assert.ok(['article', 'empty'].includes(await settledState(popup)));
      const dom = await popup.evaluate((origin: string) => {
        const title = document.querySelector('#reading-title');
        const all = Array.from(document.querySelectorAll('*'));
        return {
          title: title?.textContent ?? '',
          titleChildren: title ? title.children.length : -1,
          titleDir: title?.getAttribute('dir') ?? '',
          foreignScripts: Array.from(document.scripts).filter((s) => !s.src || !s.src.startsWith(origin)).map((s) => s.outerHTML.slice(0, 120)),
          images: Array.from(document.images).map((i) => i.outerHTML.slice(0, 120)),
          javascriptLinks: Array.from(document.querySelectorAll('[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
          inlineHandlers: all.flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
          bidiOverrides: /[\u202A-\u202E\u2066-\u2069]/.test(document.body.textContent ?? ''),
          docTitle: document.title,
          outlet: document.querySelector('.reading .outlet')?.textContent ?? '',
        };
      }, session.extensionOrigin);
      console.log(`[${name}] markup-in-title popup: ${JSON.stringify(dom)}`);
      assert.ok(dom.title.includes('<script>alert(1)</script>'), `the title keeps its markup as text: ${dom.title}`);
      assert.ok(dom.title.includes('<img src=x onerror=alert(2)>'), `the title keeps its markup as text: ${dom.title}`);
      assert.equal(dom.titleChildren, 0, 'the title element holds text only');
      assert.equal(dom.titleDir, 'rtl', 'the direction comes from the page\'s language, not from the markup-looking first letters');
      assert.deepEqual(dom.foreignScripts, [], 'no script element but the extension\'s own');
      assert.deepEqual(dom.images, [], 'no img element');
      assert.equal(dom.javascriptLinks, 0, 'no javascript: href');
      assert.deepEqual(dom.inlineHandlers, [], 'no on* attribute');
      assert.equal(dom.bidiOverrides, false, 'no bidi override character in the popup text');
      assert.equal(dom.docTitle, 'Sila');
      await popup.screenshot({ path: resolve(shots, `${name}-hostile-title.png`) });
      await popup.close();
      await page.close();
      await assertStillWorks(session, 'the markup-in-title page');
    });

    test('a web page cannot reach the background', async () => {
      const page = await session.openPage(`${server.origin}${ARTICLE}`);
      const extensionId = session.extensionOrigin.replace(/^[a-z-]+:\/\//, '');
      const result = await page.evaluate(async (id: string) => {
        const w = window as any;
        const out: string[] = [`chrome.runtime: ${typeof w.chrome?.runtime}`, `browser: ${typeof w.browser}`];
        for (const api of [w.chrome?.runtime, w.browser?.runtime]) {
          if (!api?.sendMessage) continue;
          try {
            const reply = await new Promise((resolve, reject) => {
              try {
                const maybe = api.sendMessage(id, { sila: 1, name: 'corpus/about', payload: {} }, (r: unknown) => resolve(r));
                if (maybe?.then) maybe.then(resolve, reject);
              } catch (e) { reject(e); }
              setTimeout(() => resolve('no reply'), 2000);
            });
            out.push(`reply: ${JSON.stringify(reply)}`);
          } catch (e) {
            out.push(`refused: ${(e as Error).message}`);
          }
        }
        return out;
      }, extensionId);
      console.log(`[${name}] from a web page: ${result.join('; ')}`);
      assert.ok(!result.some((line) => /"ok":true/.test(line)), result.join('; '));
      assert.ok(!result.some((line) => /"value"/.test(line)), result.join('; '));
      await page.close();
    });

    test('malformed messages from an extension page get an error reply, and the background keeps answering', async () => {
      const options = await session.openExtensionPage('src/options/index.html');
      await options.waitForSelector('input, select');
      const replies = await options.evaluate(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const cases: [string, unknown][] = [
          ['empty object', {}],
          ['no envelope', 'tab/state'],
          ['wrong version', { sila: 2, name: 'corpus/about', payload: {} }],
          ['tabId not a number', { sila: 1, name: 'tab/state', payload: { tabId: 'x' } }],
          ['negative tabId', { sila: 1, name: 'tab/state', payload: { tabId: -1 } }],
          ['payload array', { sila: 1, name: 'corpus/about', payload: [] }],
          ['10 MB query', { sila: 1, name: 'corpus/search', payload: { query: 'ا'.repeat(10_000_000), limit: 5 } }],
          ['limit too big', { sila: 1, name: 'corpus/search', payload: { query: 'مصر', limit: 1e9 } }],
          ['unknown name', { sila: 1, name: 'admin/eval', payload: { code: 'alert(1)' } }],
          ['__proto__ name', { sila: 1, name: '__proto__', payload: {} }],
          ['snapshot from a page, not a content script', { sila: 1, name: 'page/snapshot', payload: { snapshot: { isArticle: true, title: 't', text: 'x', lang: 'ar', dir: 'rtl', url: 'http://sila.test/', canonicalUrl: null, published: null, siteName: null } } }],
          ['after: corpus/about', { sila: 1, name: 'corpus/about', payload: {} }],
          ['after: corpus/search', { sila: 1, name: 'corpus/search', payload: { query: 'مصر', limit: 5 } }],
        ];
        const out: Record<string, unknown> = {};
        for (const [label, message] of cases) {
          try {
            out[label] = await api.runtime.sendMessage(message);
          } catch (e) {
            out[label] = { thrown: String((e as Error).message ?? e) };
          }
        }
        const search = out['after: corpus/search'] as any;
        out['after: corpus/search'] = { ok: search?.ok, count: search?.value?.length };
        return out;
      });
      const malformed = Object.entries(replies).filter(([label]) => !label.startsWith('after:'));
      for (const [label, reply] of malformed) {
        const r = reply as { ok?: unknown; error?: unknown };
        console.log(`[${name}] ${label}: ${JSON.stringify(reply).slice(0, 160)}`);
        assert.equal(r?.ok, false, `${label}: ${JSON.stringify(reply).slice(0, 200)}`);
        assert.equal(typeof r.error, 'string', `${label} has an error message`);
        assert.ok((r.error as string).length < 300, `${label}: the error does not echo the payload`);
      }
      const about = replies['after: corpus/about'] as { ok: boolean; value?: { corpus?: { articleCount?: number } } };
      assert.equal(about.ok, true);
      assert.ok((about.value?.corpus?.articleCount ?? 0) > 0);
      assert.deepEqual(replies['after: corpus/search'], { ok: true, count: 5 });
      await options.close();
      await assertStillWorks(session, 'malformed messages');
    });

    if (name === 'chromium') {
      test('settings survive the service worker being stopped', async () => {
        const page = await session.openPage(`${server.origin}${ARTICLE}`);
        await waitForBadge(session, page);
        const tabId = await session.tabId(page);
        await setSettings(session, { resultCount: 3, digits: 'arab' });
        await session.stopBackground();
        const popup = await session.openPopupForTab(tabId);
        assert.equal(await settledState(popup), 'article');
        const count = await popup.$$eval('[data-role="related"] [data-doc-id]', (els) => els.length);
        assert.ok(count >= 1 && count <= 3, `resultCount 3 still applied, got ${count}`);
        const heading = await popup.$eval('[data-role="related"] .count', (el) => el.textContent ?? '');
        assert.match(heading, /[٠-٩]/, `Arabic-Indic digits still applied: "${heading}"`);
        const stored = await session.inExtension(async () => {
          const api = (globalThis as any).chrome;
          return (await api.storage.sync.get('settings')).settings;
        }, null);
        assert.equal(stored.resultCount, 3);
        await setSettings(session, null);
        await popup.close();
        await page.close();
      });
    }
  });

  describe(`Sila with a corrupt index in ${name}`, () => {
    let session: ExtensionSession;
    let dir: string;
    let part = '';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), `sila-corrupt-${name}-`));
      cpSync(builtExtension(name), dir, { recursive: true });
      // A middle part of the index pack, whatever the format version names it.
      const parts = readdirSync(join(dir, 'index')).filter((f) => /^sila-v\d+-\d+\.bin$/.test(f)).sort();
      part = parts[Math.floor(parts.length / 2)];
      const file = join(dir, 'index', part);
      truncateSync(file, Math.floor(statSync(file).size / 2));
      session = await launchBuilt(name, server.port, dir);
    });
    after(async () => {
      await session?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('a truncated index part gives the popup an error that names the file, without a crash', async () => {
      const page = await session.openPage(`${server.origin}${ARTICLE}`);
      await sleep(2000);
      assert.equal(await session.badgeText(page), '', 'no badge without an index');
      const popup = await session.openPopup(page);
      assert.equal(await settledState(popup), 'error');
      const shown = await popup.$eval('[data-state]', (el) => el.textContent ?? '');
      console.log(`[${name}] corrupt index, popup says: ${shown}`);
      assert.ok(shown.includes(part), `the message names ${part}: "${shown}"`);
      // No "try again" or "search" offered: both need the same damaged files; the user is told to reinstall.
      assert.equal(await popup.$('.state-actions .button'), null);
      await popup.screenshot({ path: resolve(shots, `${name}-corrupt-index.png`) });
      await popup.close();
      await page.close();
    });
  });
}
