/**
 * "Add a collection" in the built extension, in both browsers, through the options page as a user does it:
 * a small file written here (good lines and bad ones) is imported and listed with its article count and its
 * bad lines by number; a bigger generated file is interrupted mid-import (Chromium: its service worker is
 * stopped, as Chrome stops an idle one; Firefox has no service worker: the browser is quit and started again on
 * the same profile) and the import resumes to exactly its articles, never visible half done; removing it leaves
 * none of its rows in any store; and no request leaves the browser meanwhile. The articles are made up here,
 * not corpus text. Screenshots of the options page go to artifacts/e2e/ (look at them).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../../scripts/paths';
import { startTestServer, hostOf, type TestServer } from './harness/test-server';
import { startChromium } from './harness/chromium';
import { startFirefox } from './harness/firefox';
import { hostsBrowserContactsByItself } from './harness/browser-own-traffic';
import { e2eBrowsers, launchOnProfile } from './harness/launch';
import type { ExtensionSession } from './harness/session';
import { setSettings } from './harness/popup';

const shots = resolve(repoRoot, 'artifacts', 'e2e');
mkdirSync(shots, { recursive: true });
const files = mkdtempSync(join(tmpdir(), 'sila-collections-'));

/** A small collection: four reports of a made-up story, and bad lines 2 (not JSON), 4 (no body), 7 (an id again). */
const STORY = [
  ['مهرجان الواحة للتمور يفتتح دورته الأولى', 'افتتح مهرجان الواحة للتمور دورته الأولى بمشاركة مئات المزارعين الذين عرضوا أصنافا نادرة من التمور في ساحة البلدة القديمة.'],
  ['مزارعو الواحة يعرضون أصنافا نادرة من التمور', 'عرض مزارعو الواحة في المهرجان أصنافا نادرة من التمور، وقال المنظمون إن الإقبال فاق التوقعات في يومه الأول.'],
  ['ختام مهرجان الواحة للتمور بجوائز لأفضل المزارعين', 'اختتم مهرجان الواحة للتمور دورته الأولى بتوزيع جوائز على أفضل المزارعين وأعلن المنظمون موعد الدورة الثانية.'],
  ['أسعار التمور ترتفع بعد مهرجان الواحة', 'ارتفعت أسعار التمور في أسواق المنطقة بعد مهرجان الواحة، إذ زاد الطلب على الأصناف النادرة التي عرضها المزارعون.'],
] as const;
const article = (i: number) => ({ id: `oasis-${i + 1}`, title: STORY[i][0], body: STORY[i][1], url: `http://sila.test/oasis/${i + 1}`, source: 'Oasis Gazette', published: `2026-11-0${i + 1}T08:00:00Z` });
const SMALL = [
  JSON.stringify(article(0)),
  '{"id": "cut-short", "title": ',
  JSON.stringify(article(1)),
  JSON.stringify({ id: 'no-body', title: 'عنوان بلا نص' }),
  JSON.stringify(article(2)),
  JSON.stringify(article(3)),
  JSON.stringify({ ...article(3), id: 'oasis-1', title: 'نسخة بمعرف مكرر' }),
].join('\n');
const BAD_LINES = [2, 4, 7];
const smallFile = join(files, 'oasis-festival.jsonl');
writeFileSync(smallFile, SMALL + '\n');

/** A bigger collection, generated: enough chunks (500 articles each) to stop the background between two. */
const BIG_ARTICLES = 6_000;
const WORDS = 'الحكومة البرلمان الانتخابات الاقتصاد الموازنة الوزير المدينة القرية المزارعون المياه الكهرباء المدارس الطلاب الجامعة المستشفى الأطباء الطريق الميناء التجارة الأسعار السوق المصنع العمال النقابة الشركة البنك القرض الزراعة القمح القطن الصيد البحر النهر الجفاف الأمطار الطقس الرياضة الفريق المباراة الملعب المهرجان المسرح السينما الكتاب المعرض المتحف الآثار السياحة الفندق المطار القطار الحافلة الشرطة المحكمة القاضي القانون الدستور الحزب المعارضة الصحافة'.split(' ');
function bigFile(): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const lines: string[] = [];
  for (let i = 1; i <= BIG_ARTICLES; i++) lines.push(JSON.stringify({ id: `gen-${i}`, title: `${words(6)} ${i}`, body: words(120), published: '2026-10-01' }));
  const path = join(files, 'generated-desk.jsonl.gz');
  writeFileSync(path, gzipSync(lines.join('\n') + '\n'));
  return path;
}
const bigPath = bigFile();

let server: TestServer;
before(async () => {
  server = await startTestServer({ '/blank': '<!doctype html><title>blank</title><p>blank</p>' });
});
after(async () => {
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

interface Rows {
  collections: { id: number; name: string; state: string; articles: number }[];
  /** Articles stored per collection id. */
  articles: Record<number, number>;
  counts: Record<string, number>;
}

/** The collections' stores, read in one transaction from the options page (never creating the database). */
function storedRows(page: Page): Promise<Rows> {
  // (No named helper inside: the bundler's __name wrapper does not exist in the page.)
  return page.evaluate(async () => {
    const stores = ['collections', 'articles', 'collection-segments', 'files'];
    const empty = { collections: [], articles: {}, counts: Object.fromEntries(stores.map((s) => [s, 0])) };
    if (!(await indexedDB.databases()).some((d) => d.name === 'sila-library')) return empty;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('sila-library');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('collections')) return empty;
      const tx = db.transaction(stores);
      // Every request of one read-only transaction: one consistent snapshot of the stores.
      const requests: IDBRequest[] = [tx.objectStore('collections').getAll(), ...stores.map((s) => tx.objectStore(s).count())];
      const results = await Promise.all(requests.map((r) => new Promise<any>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))))));
      const collections = results[0] as Rows['collections'];
      const counts = Object.fromEntries(stores.map((s, i) => [s, results[i + 1] as number]));
      const perCollection = collections.map((c) => tx.objectStore('articles').index('collection').count(c.id));
      const numbers = await Promise.all(perCollection.map((r) => new Promise<number>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))))));
      return { collections, counts, articles: Object.fromEntries(collections.map((c, i) => [c.id, numbers[i]])) };
    } finally {
      db.close();
    }
  });
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  let last: T | undefined;
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, everyMs))) {
    last = await get().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
  }
  throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

async function choose(options: Page, path: string): Promise<void> {
  const input = await options.waitForSelector('input[data-role="collection-file"]');
  await input!.uploadFile(path);
}

const listed = (options: Page) =>
  options.$$eval('[data-role="collection"]', (els) =>
    els.map((el) => ({
      state: el.getAttribute('data-state'),
      name: el.querySelector('[data-role="collection-name"]')?.textContent ?? '',
      meta: el.querySelector('[data-role="collection-meta"]')?.textContent ?? '',
      lines: [...el.querySelectorAll('[data-role="collection-skipped"] li[data-line]')].map((li) => Number(li.getAttribute('data-line'))),
    })),
  );

for (const name of e2eBrowsers()) {
  describe(`Add a collection in ${name}`, () => {
    const profile = mkdtempSync(join(tmpdir(), `sila-collections-${name}-`));
    const launch = () => launchOnProfile(name, server.port, profile);
    let session: ExtensionSession;
    let browserOwnHosts: Set<string>;
    let options: Page;
    const openOptions = async () => {
      options = await session.openExtensionPage('src/options/index.html');
      options.on('dialog', (dialog) => void dialog.accept());
      await options.waitForSelector('[data-role="collections-section"]', { timeout: 15_000 });
    };
    before(async () => {
      browserOwnHosts = await hostsBrowserContactsByItself(() => (name === 'chromium' ? startChromium(null, server.port) : startFirefox(server.port)), server, '/blank');
      server.clear();
      session = await launch();
      await openOptions();
    });
    after(async () => {
      await session?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    test('a small file: its good lines are imported, its bad lines reported by number, and it is listed', async () => {
      assert.deepEqual((await storedRows(options)).collections, []);
      await choose(options, smallFile);
      await options.waitForSelector('[data-role="collection"][data-state="ready"]', { timeout: 30_000 });
      const [item] = await listed(options);
      assert.equal(item.name, 'oasis-festival');
      assert.match(item.meta, /^4 articles · \S+ kB · added /);
      assert.deepEqual(item.lines, BAD_LINES);
      const rows = await storedRows(options);
      assert.deepEqual(rows.collections.map((c) => [c.state, c.articles]), [['ready', 4]]);
      assert.equal(rows.counts.files, 0, 'the staged file is dropped once imported');
      await options.$eval('[data-role="collection-skipped"]', (el) => ((el as HTMLDetailsElement).open = true));
      await options.$eval('[data-role="collections-section"]', (el) => el.scrollIntoView());
      await options.screenshot({ path: resolve(shots, `${name}-collections-en-ui.png`) });
      await setSettings(session, { language: 'ar' });
      await options.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl', { timeout: 5_000 });
      // The bad lines' reasons in the interface's language, each with its reason's key (not the builder's English).
      const reasons = await options.$$eval('[data-role="collection-skipped"] li[data-line]', (els) => els.map((li) => ({ key: li.getAttribute('data-reason'), text: li.textContent ?? '' })));
      assert.equal(reasons.length, BAD_LINES.length);
      for (const { key, text } of reasons) {
        assert.ok(key, `a reason key for ${text}`);
        assert.match(text, /^السطر /);
        assert.doesNotMatch(text, /^line \d/);
      }
      await options.$eval('[data-role="collections-section"]', (el) => el.scrollIntoView());
      await options.screenshot({ path: resolve(shots, `${name}-collections-ar-ui.png`) });
      await setSettings(session, { language: 'en' });
      await options.waitForFunction(() => document.documentElement.getAttribute('dir') === 'ltr', { timeout: 5_000 });
    });

    test('stopping the background mid-import: it resumes to exactly its articles, never visible half done', async () => {
      await choose(options, bigPath);
      await options.waitForSelector('[data-role="collection"][data-state="importing"] [data-role="collection-progress"]', { timeout: 30_000 });
      // Some chunks in, not all: each stored chunk is whole (its articles and the record's count are one write).
      const mid = await until('a chunk committed', () => storedRows(options), (r) => r.collections.some((c) => c.state === 'importing' && c.articles > 0), 60_000, 50);
      const big = mid.collections.find((c) => c.state === 'importing')!;
      assert.ok(big.articles < BIG_ARTICLES, `stopped part-way (${big.articles} of ${BIG_ARTICLES})`);
      if (name === 'chromium') {
        await session.stopBackground();
      } else {
        // Firefox runs the background as an event page, not a service worker: quitting the browser stops it.
        await session.close();
        session = await launch();
        await openOptions();
      }
      const after = await storedRows(options);
      const stopped = after.collections.find((c) => c.id === big.id)!;
      console.log(`${name}: background stopped with ${big.articles} of ${BIG_ARTICLES} articles committed; just after: ${stopped.state}, ${stopped.articles}`);
      assert.equal(after.articles[big.id], stopped.articles, 'no article outside a committed chunk');
      if (stopped.state === 'importing') assert.ok((await listed(options)).some((c) => c.state === 'importing'), 'listed as importing, not ready');
      // The options page's watch port closed with the background; reaching it again starts the background, which
      // resumes the import at start-up (no poll: the page hears the progress through storage.onChanged).
      const done = await until('the import resumed to its end', () => storedRows(options), (r) => r.collections.find((c) => c.id === big.id)?.state === 'ready', 120_000, 500);
      assert.equal(done.articles[big.id], BIG_ARTICLES);
      assert.equal(done.collections.find((c) => c.id === big.id)!.articles, BIG_ARTICLES);
      await options.waitForFunction((id: number) => document.querySelector(`[data-role="collection"][data-id="${id}"]`)?.getAttribute('data-state') === 'ready', { timeout: 10_000 }, big.id);
      const shown = (await listed(options)).find((c) => c.name === 'generated-desk')!;
      assert.match(shown.meta, /^6,000 articles · /);
    });

    test('remove (confirmed): the collection is gone, and none of its rows is left in any store', async () => {
      const before = await storedRows(options);
      const big = before.collections.find((c) => c.name === 'generated-desk')!;
      await options.$eval(`[data-role="collection"][data-id="${big.id}"] [data-role="collection-remove"]`, (el) => (el as HTMLButtonElement).click());
      await options.waitForFunction((id: number) => !document.querySelector(`[data-role="collection"][data-id="${id}"]`), { timeout: 30_000 }, big.id);
      const left = await storedRows(options);
      assert.deepEqual(left.collections.map((c) => c.name), ['oasis-festival']);
      assert.deepEqual(left.counts, { collections: 1, articles: 4, 'collection-segments': 1, files: 0 });
      const small = left.collections[0];
      await options.$eval(`[data-role="collection"][data-id="${small.id}"] [data-role="collection-remove"]`, (el) => (el as HTMLButtonElement).click());
      await options.waitForFunction(() => !document.querySelector('[data-role="collection"]'), { timeout: 30_000 });
      assert.deepEqual((await storedRows(options)).counts, { collections: 0, articles: 0, 'collection-segments': 0, files: 0 });
    });

    test('Export writes the collection; Forget everything takes it too: no library database is left', async () => {
      await choose(options, smallFile);
      await options.waitForSelector('[data-role="collection"][data-state="ready"]', { timeout: 30_000 });
      // The download link's click is caught, and its file read back here: a real download makes Chromium ask
      // Safe Browsing about the file (the browser's request, not Sila's, but one the zero-network test would count).
      await options.evaluate(`HTMLAnchorElement.prototype.click = function () { window.__exported = { href: this.href, name: this.download }; }`);
      await options.$eval('[data-role="export-library"]', (el) => (el as HTMLButtonElement).click());
      await options.waitForFunction(() => /Exported 4 articles/.test(document.querySelector('[data-role="library-note"]')?.textContent ?? ''), { timeout: 10_000 });
      const exported = (await options.evaluate(`(async () => {
        const response = await fetch(window.__exported.href);
        const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
        return { name: window.__exported.name, ids: text.trim().split('\\n').map((line) => JSON.parse(line).id) };
      })()`)) as { name: string; ids: string[] };
      assert.deepEqual(exported, { name: 'sila-library.jsonl.gz', ids: ['oasis-1', 'oasis-2', 'oasis-3', 'oasis-4'] });
      await options.$eval('[data-role="forget-everything"]', (el) => (el as HTMLButtonElement).click());
      await options.waitForFunction(() => !document.querySelector('[data-role="collection"]'), { timeout: 30_000 });
      const names = await options.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      assert.deepEqual(names.filter((n) => n?.includes('library')), []);
    });

    test('no request left the browser for any host but the local test server', () => {
      const bySila = server.foreignRequests().filter((r) => !browserOwnHosts.has(hostOf(r)));
      assert.deepEqual(bySila.map((r) => `${r.method} ${r.url}`), []);
    });
  });
}
