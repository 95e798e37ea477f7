/**
 * The content script (src/content/index.ts) in real Chromium and Firefox ESR, with browser.runtime.sendMessage
 * stubbed to record what it sends: an article page sends its snapshot, a listing sends "not an article" by the
 * cheap path, a single-page site's pushState to another article sends again, a page that fills itself in after
 * load is looked at a second time, and the extraction agrees with the node result on a few fixtures.
 * Skipped when a browser is not installed, or with SILA_SKIP_BROWSER_TESTS=1 (about a minute on an idle machine).
 * No timing assertions (see scripts/bench-detection.ts for costs).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractSnapshot } from '../../src/content/extract';
import { renderArticlePage, renderListingPage } from '../../scripts/lib/render-pages';
import { start, type PageServer } from '../../scripts/lib/serve-pages';
import { listFixtures } from '../fixtures/pages/fixtures';

const repo = join(__dirname, '..', '..');
const A = {
  title: 'افتتاح جسر جديد يربط ضفتي النهر بعد ثلاث سنوات من العمل',
  body: [
    'افتتح صباح اليوم جسر جديد يربط ضفتي النهر في وسط المدينة بعد ثلاث سنوات من أعمال البناء المتواصلة.',
    'ويضم الجسر أربعة مسارات للسيارات وممرا خاصا للدراجات وآخر للمشاة، ويتوقع أن يخفف الازدحام على الجسر القديم.',
    'وقال رئيس البلدية إن المشروع نفذ بتمويل محلي بالكامل، وإن الجسر صمم ليتحمل الفيضانات الموسمية التي تضرب المنطقة.',
    'ويأمل أصحاب المحلات على الضفة الشرقية أن يجلب الجسر مزيدا من الزبائن إلى الأسواق القديمة القريبة من النهر.',
  ].join('\n'),
};
const B = {
  title: 'المكتبة الوطنية تفتح أرشيفها الرقمي أمام الباحثين مجانا',
  paragraphs: [
    'أعلنت المكتبة الوطنية فتح أرشيفها الرقمي أمام الباحثين مجانا، بعد سنوات من العمل على رقمنة الصحف والمخطوطات القديمة.',
    'ويضم الأرشيف أكثر من مليون صفحة من الصحف الصادرة منذ مطلع القرن الماضي، إضافة إلى آلاف الصور والخرائط التاريخية.',
    'وقالت مديرة المكتبة إن البحث في الأرشيف متاح باللغتين العربية والإنجليزية، وإن التسجيل لا يتطلب سوى بريد إلكتروني.',
    'ويتوقع القائمون على المشروع أن يستفيد منه طلاب الدراسات العليا والصحفيون والمهتمون بتاريخ المدينة وأحيائها.',
    'وتخطط المكتبة لإضافة مجموعات جديدة كل شهر، بدءا بأرشيف الإذاعة المحلية وتسجيلات الحفلات الموسيقية القديمة.',
  ],
};

/** The single-page site: on goNext() it swaps the article for another without a page load. */
const spaScript = `<script>
window.goNext = function () {
  history.pushState({}, '', '/spa/library-archive');
  document.title = ${JSON.stringify(B.title)};
  var art = document.querySelector('article');
  art.querySelector('h1').textContent = ${JSON.stringify(B.title)};
  var body = art.querySelector('h1').parentNode.nextElementSibling;
  body.innerHTML = ${JSON.stringify(B.paragraphs.map((p) => `<p>${p}</p>`).join(''))};
  var m = document.querySelector('meta[property="og:title"]'); if (m) m.setAttribute('content', ${JSON.stringify(B.title)});
};
</script>`;

/** A page that renders its article a second after load, as client-rendered sites do. */
const lateHtml = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>…</title></head><body><div id="app">جار التحميل…</div>
<script>setTimeout(function () {
  document.title = ${JSON.stringify(B.title)};
  document.getElementById('app').innerHTML = '<article><h1>' + ${JSON.stringify(B.title)} + '</h1><div class="body">' + ${JSON.stringify(B.paragraphs.map((p) => `<p>${p}</p>`).join(''))} + '</div></article>';
}, 1000);</script></body></html>`;

let contentScript = '';
let extractBundle = '';
let server: PageServer;

beforeAll(async () => {
  const stub = {
    name: 'stub-polyfill',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'stub', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: `export default { runtime: { id: 'stub', onMessage: { addListener() {} }, sendMessage: async (m) => { (globalThis.__silaSent ||= []).push(JSON.parse(JSON.stringify(m))); return { ok: true, value: { confidentCount: 0 } }; } } };`,
        loader: 'js',
      }));
    },
  };
  const cs = await build({ entryPoints: [join(repo, 'src/content/index.ts')], bundle: true, format: 'iife', write: false, plugins: [stub], target: 'es2022' });
  contentScript = cs.outputFiles[0].text;
  const ex = await build({
    stdin: { contents: `export { extractSnapshot } from './src/content/extract';`, resolveDir: repo, loader: 'ts' },
    bundle: true, format: 'iife', globalName: '__silaExtract', write: false, target: 'es2022',
  });
  extractBundle = ex.outputFiles[0].text;
  const routes: Record<string, string> = {
    '/news/2024/bridge': renderArticlePage({ ...A, source: 'Sila Test Times', published: '2024-05-01T08:00:00Z' }, 'sky-news-arabia').replace('</body>', `${spaScript}</body>`),
    '/world/': renderListingPage({ siteName: 'Sila Test Times', lang: 'ar', headlines: [{ title: A.title, url: '/news/2024/bridge' }] }),
    '/late/story': lateHtml,
  };
  for (const f of listFixtures()) if (!f.generated) routes[`/fixture/${f.slug}`] = await f.html();
  server = await start(routes);
});
afterAll(async () => server?.close());

async function sent(page: Page): Promise<{ name: string; payload: { snapshot: { isArticle: boolean; title: string; url: string; text: string } } }[]> {
  return page.evaluate(() => ((globalThis as unknown as { __silaSent?: unknown[] }).__silaSent ?? []) as never);
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    v = await fn();
  }
  return v;
}

const browsers: { name: string; path: string; launch: (dir: string) => Promise<Browser> }[] = [
  {
    name: 'chromium',
    path: '/usr/bin/chromium',
    launch: (dir) => puppeteer.launch({
      executablePath: '/usr/bin/chromium', headless: true, userDataDir: dir,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  },
  {
    name: 'firefox',
    path: '/usr/bin/firefox-esr',
    launch: () => puppeteer.launch({
      browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
      extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.healthreport.uploadEnabled': false, 'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false },
    }),
  },
];

for (const b of browsers) {
  const absent = !existsSync(b.path) ? `no ${b.name} at ${b.path}` : process.env.SILA_SKIP_BROWSER_TESTS === '1' ? 'SILA_SKIP_BROWSER_TESTS=1' : null;
  if (absent) console.log(`detection-browsers: ${b.name} skipped, ${absent}`);
  describe.skipIf(absent !== null)(`content script in ${b.name}`, () => {
    let browser: Browser;
    let profile: string;
    beforeAll(async () => {
      profile = mkdtempSync(join(tmpdir(), `sila-detect-${b.name}-`));
      browser = await b.launch(profile);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    async function open(path: string): Promise<Page> {
      const page = await browser.newPage();
      page.on('dialog', (d) => void d.dismiss());
      await page.goto(server.url + path, { waitUntil: 'load' });
      await page.addScriptTag({ content: contentScript }); // as at document_idle
      return page;
    }

    test('an article page sends its snapshot; pushState to another article sends again', async () => {
      const page = await open('/news/2024/bridge');
      let msgs = await waitFor(() => sent(page), (m) => m.length >= 1, 10_000);
      expect(msgs[0].name).toBe('page/snapshot');
      expect(msgs[0].payload.snapshot.isArticle).toBe(true);
      expect(msgs[0].payload.snapshot.title).toBe(A.title);
      await page.evaluate(() => (globalThis as unknown as { goNext: () => void }).goNext());
      msgs = await waitFor(() => sent(page), (m) => m.some((x) => x.payload.snapshot.title === B.title), 10_000);
      const next = msgs.find((x) => x.payload.snapshot.title === B.title)!;
      expect(next.payload.snapshot.isArticle).toBe(true);
      expect(next.payload.snapshot.url).toBe(server.url + '/spa/library-archive');
      expect(next.payload.snapshot.text).toContain(B.paragraphs[0]);
      await page.close();
    }, 60_000);

    test('a listing page sends "not an article"', async () => {
      const page = await open('/world/');
      const msgs = await waitFor(() => sent(page), (m) => m.length >= 1, 10_000);
      expect(msgs[0].payload.snapshot.isArticle).toBe(false);
      await page.close();
    }, 60_000);

    test('a page that renders its article after load is looked at again', async () => {
      const page = await open('/late/story');
      const msgs = await waitFor(() => sent(page), (m) => m.some((x) => x.payload.snapshot.isArticle), 15_000);
      expect(msgs[0].payload.snapshot.isArticle).toBe(false);
      expect(msgs.find((x) => x.payload.snapshot.isArticle)?.payload.snapshot.title).toBe(B.title);
      await page.close();
    }, 60_000);

    test('the browser DOM gives the same snapshot as linkedom on the fixtures', async () => {
      const page = await browser.newPage();
      page.on('dialog', (d) => void d.dismiss());
      for (const f of listFixtures().filter((x) => !x.generated)) {
        await page.goto(`${server.url}/fixture/${f.slug}`, { waitUntil: 'load' });
        await page.addScriptTag({ content: extractBundle });
        const inBrowser = await page.evaluate((url) => (globalThis as any).__silaExtract.extractSnapshot(document, url), f.expected.url);
        const { document } = parseHTML(await f.html());
        const inNode = extractSnapshot(document as unknown as Document, f.expected.url);
        expect(inBrowser, f.slug).toEqual(inNode);
      }
      await page.close();
    }, 120_000);
  });
}
