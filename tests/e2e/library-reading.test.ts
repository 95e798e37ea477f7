/**
 * "Remember what I read" in the built extension, in both browsers: turned on, three related article pages
 * kept open in their own windows (all visible at once, so one real 15 s dwell covers the three: the
 * production threshold, nothing injected), then a fourth page lists them among its related articles (merged
 * with the archive's by confidence, each labelled "read … ago") in the popup and the side panel; after a browser restart on the same profile (and, in Chromium, a stopped service
 * worker) they are still there; search finds a read, labelled as the reader's, and the source filter hides it; Forget everything leaves no library database and no library key; and no request
 * leaves the browser meanwhile. The articles are written here (Arabic, about one made-up story), not corpus text.
 * Screenshots go to artifacts/e2e/ (look at them).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../../scripts/paths';
import { renderArticlePage } from '../../scripts/lib/render-pages';
import { startTestServer, hostOf, type TestServer } from './harness/test-server';
import { startChromium } from './harness/chromium';
import { startFirefox } from './harness/firefox';
import { hostsBrowserContactsByItself } from './harness/browser-own-traffic';
import { e2eBrowsers, launchOnProfile } from './harness/launch';
import type { ExtensionSession } from './harness/session';
import { setSettings, settledState } from './harness/popup';

const shots = resolve(repoRoot, 'artifacts', 'e2e');
mkdirSync(shots, { recursive: true });

/** Four reports of one story (a dam on the Nile and the talks over it), and the production dwell of 15 s. */
const STORY = [
  ['مفاوضات سد النهضة تتعثر مجددا بين مصر وإثيوبيا والسودان', 'أعلنت وزارة الري المصرية أن جولة المفاوضات الجديدة حول سد النهضة الإثيوبي انتهت دون اتفاق على قواعد ملء الخزان وتشغيله.'],
  ['إثيوبيا تبدأ المرحلة الثانية من ملء خزان سد النهضة', 'قالت الحكومة الإثيوبية إنها بدأت المرحلة الثانية من ملء خزان سد النهضة على النيل الأزرق رغم اعتراض مصر والسودان.'],
  ['السودان يطالب بوساطة دولية في أزمة سد النهضة', 'دعت الخرطوم الاتحاد الأفريقي والأمم المتحدة إلى التوسط في أزمة سد النهضة بعد تعثر المفاوضات الثلاثية حول مياه النيل.'],
  ['مجلس الأمن يناقش أزمة سد النهضة ومياه النيل', 'عقد مجلس الأمن الدولي جلسة لمناقشة أزمة سد النهضة بطلب من مصر والسودان اللتين تخشيان أثر ملء الخزان على حصتهما من مياه النيل.'],
] as const;
const COMMON = [
  'ويقول خبراء المياه إن تشغيل السد دون اتفاق ملزم قد يؤثر على تدفق مياه النيل إلى دولتي المصب خلال سنوات الجفاف.',
  'وتؤكد إثيوبيا أن السد ضروري لتوليد الكهرباء والتنمية، بينما تعتبر مصر أن مياه النيل قضية وجودية لا تقبل المساومة.',
  'وكانت المفاوضات قد استؤنفت برعاية الاتحاد الأفريقي بعد توقف دام أشهرا، دون أن تنجح في تقريب المواقف حول آلية فض النزاعات.',
  'ويطالب السودان بتبادل البيانات حول تشغيل السد لحماية سدوده ومحطات مياه الشرب على النيل الأزرق.',
];
const pathOf = (i: number) => `/nile/2026/report-${i + 1}`;
const READ = [0, 1, 2];
const FOURTH = 3;

let server: TestServer;
before(async () => {
  const routes: Record<string, string> = {};
  STORY.forEach(([title, lead], i) => {
    // Each report orders the shared paragraphs differently, as outlets rewrite one wire story.
    const body = [lead, ...COMMON.slice(i % 4), ...COMMON.slice(0, i % 4)].join('\n');
    routes[pathOf(i)] = renderArticlePage({ title, body, source: 'Nile Test Times', published: `2026-12-0${i + 1}T09:00:00Z`, url: `http://sila.test${pathOf(i)}`, lang: 'ar' }, 'aljazeera');
  });
  server = await startTestServer(routes);
});
after(async () => server?.close());

/** The library's database and keys, read directly from an extension context (never creating the database). */
async function libraryStorage(session: ExtensionSession): Promise<{ databases: string[]; reads: number; localKeys: string[] }> {
  return session.inExtension(async () => {
    const g = globalThis as any;
    const api = g.chrome?.storage ? g.chrome : g.browser;
    const databases: string[] = (await indexedDB.databases()).map((d) => d.name ?? '');
    let reads = 0;
    if (databases.includes('sila-library')) {
      reads = await new Promise<number>((ok, fail) => {
        const open = indexedDB.open('sila-library');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reads')) return (db.close(), ok(0));
          const count = db.transaction('reads').objectStore('reads').count();
          count.onsuccess = () => (db.close(), ok(count.result));
          count.onerror = () => fail(count.error);
        };
      });
    }
    const localKeys = Object.keys(await api.storage.local.get(null)).filter((k) => /librar|read/i.test(k));
    return { databases, reads, localKeys };
  }, undefined);
}

/** Until the extension context has its API bound (a just-started Chromium worker can be evaluated before). */
async function apiReady(session: ExtensionSession): Promise<void> {
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const g = await session.inExtension(async () => !!((globalThis as any).chrome?.storage ?? (globalThis as any).browser?.storage), undefined).catch(() => false);
    if (g) return;
  }
  throw new Error('the extension API never appeared in its context');
}

async function waitForReads(session: ExtensionSession, n: number, timeoutMs: number): Promise<number> {
  let reads = 0;
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
    reads = (await libraryStorage(session)).reads;
    if (reads >= n) break;
  }
  return reads;
}

/** The URLs of the earlier reads in the related list, once one is there (or [] after `timeoutMs`). */
const READ_ITEM = '[data-role="related"] [data-origin="reading"]';
async function fromReading(page: Page, timeoutMs = 15_000): Promise<string[]> {
  await page.waitForSelector(READ_ITEM, { timeout: timeoutMs }).catch(() => undefined);
  return page.$$eval(READ_ITEM, (els) => els.map((el) => el.querySelector('a[data-role="title"]')?.getAttribute('href') ?? ''));
}

const expected = READ.map((i) => `http://sila.test${pathOf(i)}`).sort();

for (const name of e2eBrowsers()) {
  describe(`Remember what I read in ${name}`, () => {
    const profile = mkdtempSync(join(tmpdir(), `sila-library-${name}-`));
    const launch = () => launchOnProfile(name, server.port, profile);
    let session: ExtensionSession;
    let browserOwnHosts: Set<string>;
    before(async () => {
      browserOwnHosts = await hostsBrowserContactsByItself(() => (name === 'chromium' ? startChromium(null, server.port) : startFirefox(server.port)), server, pathOf(0));
      server.clear();
      session = await launch();
      await apiReady(session);
    });
    after(async () => {
      await session?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    test('nothing is kept until the user turns remembering on; then three pages read 15 s are', async () => {
      assert.equal((await libraryStorage(session)).reads, 0);
      await setSettings(session, { rememberReads: 'on' });
      const windows = await Promise.all(
        READ.map(async (i) => {
          const page = await session.browser.newPage({ type: 'window' });
          await page.goto(`${server.origin}${pathOf(i)}`, { waitUntil: 'load' });
          return page;
        }),
      );
      assert.equal(await waitForReads(session, READ.length, 40_000), READ.length, 'the three pages are kept after 15 s visible');
      for (const w of windows) await w.close();
    });

    test('a fourth page lists them among its related articles, in the popup and the side panel, never itself', async () => {
      const page = await session.openPage(`${server.origin}${pathOf(FOURTH)}`);
      const tabId = await session.tabId(page);
      const popup = await session.openPopup(page);
      assert.equal(await settledState(popup), 'article');
      assert.deepEqual((await fromReading(popup)).sort(), expected);
      assert.match(await popup.$eval(`${READ_ITEM} [data-role="origin"]`, (el) => el.textContent ?? ''), /^read \S/);
      // Each read is a peer of an archive card: its opening as the snippet (the "Shares" chips when it shares a name).
      const cards = await popup.$$eval(READ_ITEM, (els) => els.map((el) => ({ snippet: el.querySelector('.article-snippet')?.textContent ?? '', chips: el.querySelectorAll('.chip').length })));
      assert.ok(cards.every((c) => c.snippet.length > 40), `every read shows its opening: ${JSON.stringify(cards)}`);
      console.log(`${name}: the reads' chips: ${cards.map((c) => c.chips).join(', ')}`);
      // Scroll the first read into view for the screenshot (look at it).
      await popup.$eval(READ_ITEM, (el) => el.scrollIntoView());
      await popup.screenshot({ path: resolve(shots, `${name}-from-your-reading-en-ui.png`) });
      const quota = await session.inExtension(async () => {
        const e = await navigator.storage.estimate();
        return { usage: e.usage ?? 0, quota: e.quota ?? 0, persisted: await navigator.storage.persisted() };
      }, undefined);
      // Reported, not asserted: what the browser gives the extension without unlimitedStorage.
      console.log(`${name} storage without unlimitedStorage: ${JSON.stringify(quota)}`);
      await setSettings(session, { language: 'ar' });
      await popup.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl', { timeout: 5_000 });
      assert.deepEqual((await fromReading(popup)).sort(), expected);
      await popup.$eval(READ_ITEM, (el) => el.scrollIntoView());
      await popup.screenshot({ path: resolve(shots, `${name}-from-your-reading-ar-ui.png`) });
      await setSettings(session, { language: 'en' });
      await popup.close();
      const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
      assert.equal(await settledState(panel), 'article');
      assert.deepEqual((await fromReading(panel)).sort(), expected);
      await panel.close();
      if (name === 'chromium') {
        await session.stopBackground();
        const again = await session.openPopupForTab(tabId);
        assert.deepEqual((await fromReading(again)).sort(), expected, 'a stopped service worker answers from the stored library');
        await again.close();
      }
      await page.close();
    });

    test('after a browser restart on the same profile they are still there', async () => {
      await session.close();
      session = await launch();
      await apiReady(session);
      const page = await session.openPage(`${server.origin}${pathOf(FOURTH)}`);
      const popup = await session.openPopup(page);
      assert.equal(await settledState(popup), 'article');
      assert.deepEqual((await fromReading(popup)).sort(), expected);
      await popup.close();
      await page.close();
    });

    test('search finds a read, labelled "Your reading", merged with the archive; filtered to the archive it is gone', async () => {
      const page = await session.openPage(`${server.origin}${pathOf(FOURTH)}`);
      const popup = await session.openPopup(page);
      const box = await popup.waitForSelector('input[type="search"]');
      // A phrase only the third report's title has ("السودان يطالب بوساطة دولية").
      await box!.type('وساطة دولية');
      const read = `[data-role="search-results"] [data-doc-id^="reading:"]`;
      await popup.waitForSelector(read, { timeout: 15_000 });
      const found = await popup.$$eval(read, (els) =>
        els.map((el) => ({ href: el.querySelector('a[data-role="title"]')?.getAttribute('href'), origin: el.querySelector('[data-role="origin"]')?.textContent })),
      );
      assert.deepEqual(found[0], { href: `http://sila.test${pathOf(2)}`, origin: 'Your reading' });
      const filter = await popup.waitForSelector('[data-role="search-results"] [data-role="source-filter"]');
      await filter!.select('archive');
      await popup.waitForFunction((sel: string) => !document.querySelector(sel), { timeout: 5_000 }, read);
      await popup.close();
      await page.close();
    });

    test('Forget everything, confirmed, leaves no library database and no library key', async () => {
      const options = await session.openExtensionPage('src/options/index.html');
      options.on('dialog', (dialog) => void dialog.accept());
      const forget = await options.waitForSelector('[data-role="forget-everything"]');
      await forget!.click();
      await options.waitForFunction(() => /\S/.test(document.querySelector('[data-role="library-note"]')?.textContent ?? ''), { timeout: 10_000 });
      await options.close();
      const left = await libraryStorage(session);
      assert.deepEqual(left.databases.filter((d) => d.includes('library')), []);
      assert.deepEqual(left.localKeys, []);
      const page = await session.openPage(`${server.origin}${pathOf(FOURTH)}`);
      const popup = await session.openPopup(page);
      assert.equal(await settledState(popup), 'article');
      assert.deepEqual(await fromReading(popup, 2_000), []);
      await popup.close();
      await page.close();
    });

    test('no request left the browser for any host but the local test server', () => {
      const bySila = server.foreignRequests().filter((r) => !browserOwnHosts.has(hostOf(r)));
      assert.deepEqual(bySila.map((r) => `${r.method} ${r.url}`), []);
    });
  });
}
