/**
 * A collection in the built extension, in both browsers: a small JSONL file written here (Arabic, about one
 * made-up story; never corpus text), with one bad line (d23coll's own e2e checks how it is reported), is added through the options page; then an article page
 * of the same story lists the collection's articles among its related articles, merged with the archive's by
 * confidence and labelled with the collection's name, in the popup (English and Arabic) and the side panel; a
 * search finds them, labelled, and the source filter can show that collection alone or the archive without it.
 * Screenshots go to artifacts/e2e/ (look at them).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../../scripts/paths';
import { renderArticlePage } from '../../scripts/lib/render-pages';
import { startTestServer, type TestServer } from './harness/test-server';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { e2eBrowsers } from './harness/launch';
import type { ExtensionSession } from './harness/session';
import { setSettings, settledState } from './harness/popup';

const shots = resolve(repoRoot, 'artifacts', 'e2e');
mkdirSync(shots, { recursive: true });

/** One made-up story (a desalination plant for a coastal town), told by five reports. */
const LEADS = [
  ['افتتاح محطة تحلية المياه في مدينة رأس السنابل', 'افتتح محافظ الإقليم محطة تحلية مياه البحر الجديدة في مدينة رأس السنابل الساحلية بطاقة مئة ألف متر مكعب يوميا.'],
  ['محطة تحلية رأس السنابل تبدأ ضخ المياه إلى الأحياء', 'بدأت محطة تحلية مياه البحر في رأس السنابل ضخ المياه العذبة إلى أحياء المدينة بعد أسبوع من افتتاحها.'],
  ['سكان رأس السنابل يشكون ارتفاع فاتورة المياه المحلاة', 'اشتكى سكان مدينة رأس السنابل من ارتفاع فاتورة المياه بعد تشغيل محطة التحلية الجديدة على ساحل المدينة.'],
  ['خبراء: محطة التحلية تحمي رأس السنابل من العطش', 'قال خبراء المياه إن محطة تحلية مياه البحر في رأس السنابل تحمي المدينة من العطش في سنوات الجفاف المقبلة.'],
  ['توسعة محطة تحلية المياه في رأس السنابل العام المقبل', 'أعلنت شركة المياه أن محطة تحلية مياه البحر في رأس السنابل ستوسع العام المقبل لتخدم القرى المجاورة للمدينة.'],
] as const;
const COMMON = [
  'وتعتمد المحطة على تقنية التناضح العكسي وتعمل جزئيا بالطاقة الشمسية المولدة من ألواح على سطحها.',
  'وكانت مدينة رأس السنابل تعاني من انقطاع المياه في الصيف بسبب تراجع منسوب الآبار الجوفية.',
  'ويقول مسؤولو البلدية إن شبكة الأنابيب القديمة ستستبدل تدريجيا لتقليل الفاقد من المياه المحلاة.',
];
const body = (i: number) => [LEADS[i][1], ...COMMON.slice(i % 3), ...COMMON.slice(0, i % 3)].join('\n');
const PAGE = 0;
const IN_COLLECTION = [1, 2, 3, 4];
const collectionUrl = (i: number) => `https://desk.example/desal/${i}`;
const NAME = 'Desk archive';

/** The collection file: the four reports in the corpus schema, and one bad line (line 3), reported by number. */
function collectionFile(dir: string): string {
  const lines = IN_COLLECTION.map((i) =>
    JSON.stringify({ id: `desk-${i}`, title: LEADS[i][0], body: body(i), url: collectionUrl(i), source: 'Desk', published: `2026-11-2${i}T08:00:00Z` }),
  );
  lines.splice(2, 0, '{"id": "broken"');
  const path = join(dir, `${NAME}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

let server: TestServer;
before(async () => {
  server = await startTestServer({
    '/desal/today': renderArticlePage({ title: LEADS[PAGE][0], body: body(PAGE), source: 'Coast Test Times', published: '2026-11-20T09:00:00Z', url: 'http://sila.test/desal/today', lang: 'ar' }, 'aljazeera'),
  });
});
after(async () => server?.close());

const COLLECTION_ITEM = '[data-role="related"] [data-origin^="collection:"]';

/** The related list's collection items: their URLs and labels (or [] after `timeoutMs`). */
async function collectionItems(page: Page, timeoutMs = 15_000): Promise<{ url: string; label: string }[]> {
  await page.waitForSelector(COLLECTION_ITEM, { timeout: timeoutMs }).catch(() => undefined);
  return page.$$eval(COLLECTION_ITEM, (els) =>
    els.map((el) => ({ url: el.querySelector('a[data-role="title"]')?.getAttribute('href') ?? '', label: el.querySelector('[data-role="origin"]')?.textContent ?? '' })),
  );
}

for (const name of e2eBrowsers()) {
  describe(`A collection in related and search, in ${name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `sila-collection-${name}-`));
    let session: ExtensionSession;
    before(async () => {
      session = name === 'chromium' ? await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port) : await launchFirefox(resolve(repoRoot, 'dist', 'firefox'), server.port);
    });
    after(async () => {
      await session?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the file is added in settings (its bad line skipped) and becomes ready', async () => {
      const options = await session.openExtensionPage('src/options/index.html');
      const input = await options.waitForSelector('[data-role="collection-file"]');
      await (input as any).uploadFile(collectionFile(dir));
      await options.waitForSelector('[data-role="collection"][data-state="ready"]', { timeout: 30_000 });
      assert.equal(await options.$eval('[data-role="collection-name"]', (el) => el.textContent?.trim()), NAME);
      await options.close();
    });

    test('an article page of the story lists the collection among its related articles, labelled, never itself', async () => {
      const page = await session.openPage(`${server.origin}/desal/today`);
      const tabId = await session.tabId(page);
      const popup = await session.openPopup(page);
      assert.equal(await settledState(popup), 'article');
      const found = await collectionItems(popup);
      assert.deepEqual(found.map((f) => f.url).sort(), IN_COLLECTION.map(collectionUrl).sort());
      for (const f of found) assert.equal(f.label, `Collection: ${NAME}`);
      await popup.$eval(COLLECTION_ITEM, (el) => el.scrollIntoView({ block: 'center' }));
      await popup.screenshot({ path: resolve(shots, `${name}-collection-related-en-ui.png`) });
      await setSettings(session, { language: 'ar' });
      await popup.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl', { timeout: 5_000 });
      const arabic = await collectionItems(popup);
      assert.equal(arabic.length, IN_COLLECTION.length);
      for (const f of arabic) assert.equal(f.label, `مجموعة: ${NAME}`);
      await popup.$eval(COLLECTION_ITEM, (el) => el.scrollIntoView({ block: 'center' }));
      await popup.screenshot({ path: resolve(shots, `${name}-collection-related-ar-ui.png`) });
      await setSettings(session, { language: 'en' });
      await popup.close();
      const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
      assert.equal(await settledState(panel), 'article');
      assert.equal((await collectionItems(panel)).length, IN_COLLECTION.length);
      await panel.close();
      await page.close();
    });

    test('search finds the collection, labelled; the source filter shows it alone, or the archive without it', async () => {
      const page = await session.openPage(`${server.origin}/desal/today`);
      const popup = await session.openPopup(page);
      const box = await popup.waitForSelector('input[type="search"]');
      // Words only the third report's title has.
      await box!.type('فاتورة المياه المحلاة');
      const item = '[data-role="search-results"] [data-origin^="collection:"]';
      await popup.waitForSelector(item, { timeout: 15_000 });
      const first = await popup.$eval(item, (el) => ({ href: el.querySelector('a[data-role="title"]')?.getAttribute('href'), origin: el.querySelector('[data-role="origin"]')?.textContent }));
      assert.deepEqual(first, { href: collectionUrl(2), origin: `Collection: ${NAME}` });
      const filter = await popup.waitForSelector('[data-role="search-results"] [data-role="source-filter"]');
      const values = await popup.$$eval('[data-role="source-filter"] option', (els) => els.map((el) => (el as HTMLOptionElement).value));
      const key = values.find((v) => v.startsWith('collection:'));
      assert.ok(key, `the filter lists the collection: ${values.join(', ')}`);
      assert.ok(values.includes('archive'));
      await filter!.select(key!);
      await popup.waitForFunction(
        () => {
          const rows = Array.from(document.querySelectorAll('[data-role="search-results"] li.article'));
          return rows.length > 0 && rows.every((r) => r.getAttribute('data-origin')?.startsWith('collection:'));
        },
        { timeout: 5_000 },
      );
      await filter!.select('archive');
      await popup.waitForFunction((sel: string) => !document.querySelector(sel), { timeout: 5_000 }, item);
      await popup.close();
      await page.close();
    });
  });
}
