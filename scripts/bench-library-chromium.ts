/**
 * The Chromium half of bench:library, over the built extension (dist/chrome, `npm run build:ext` first):
 *   npx tsx scripts/bench-library-chromium.ts [--articles 10000] [--runs 5] [--warm 50]
 * 1. Cold start with an empty library (today's figures): the service worker stopped, then one message from an
 *    open extension page that needs the engine and the library (library/related for an article tab: index
 *    load, reads' segments, ranking), timed to its answer; the worker's JS heap after it (CDP Runtime.getHeapUsage).
 * 2. Import the first N articles of ../shared/corpus/egypt-2013 through the options page's file input (the
 *    user's path, gzip JSONL written to a temp file, never the repository), timed until the collection is
 *    listed ready; meanwhile tab/state round trips from a popup page every 250 ms (the popup's own first message).
 * 3. The same cold starts and warm library/related calls with the collection stored, side by side with 1.
 * Not measured: 2,000 remembered reads (keeping a read takes 15 s of a visible tab, and the build has no
 * faster path; none is added for a benchmark), and collections in the related answer (merged on another branch:
 * until then the collection is stored and loaded at worker start but not ranked).
 */
import { mkdtempSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync, createGunzip } from 'node:zlib';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { CorpusLines } from '../src/lib/corpus/lines';
import { renderArticlePage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { startChromium } from '../tests/e2e/harness/chromium';
import { parseArgs, runMain } from './lib/args';
import { repoRoot } from './paths';

declare const chrome: any;
const egypt = resolve(repoRoot, '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 10) / 10;

/** The first n articles as gzip JSONL in a temp file, and the next one as the page being read. */
async function corpusFile(n: number): Promise<{ path: string; page: { title: string; body: string } }> {
  const lines = new CorpusLines();
  const kept: string[] = [];
  for await (const chunk of createReadStream(egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article } of lines.push(chunk)) {
      if (kept.length <= n) kept.push(JSON.stringify(article));
    }
    if (kept.length > n) break;
  }
  const page = JSON.parse(kept.pop()!);
  const path = join(mkdtempSync(join(tmpdir(), 'sila-bench-collection-')), 'egypt-2013.jsonl.gz');
  writeFileSync(path, gzipSync(kept.join('\n') + '\n'));
  return { path, page };
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const n = args.num('articles', 10_000);
  const runs = args.num('runs', 5);
  const warmCalls = args.num('warm', 50);
  const { path, page: article } = await corpusFile(n);
  const server = await startTestServer({
    '/article': renderArticlePage({ title: article.title, body: article.body, published: null, url: 'http://sila.test/article', lang: 'ar' }, 'aljazeera'),
  });
  const browser: Browser = await startChromium(null, server.port, { installExtensions: true });
  try {
    const id = await browser.installExtension(resolve(repoRoot, 'dist', 'chrome'));
    const origin = `chrome-extension://${id}`;
    const worker = async (): Promise<WebWorker> => (await (await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 20_000 })).worker())!;
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/article`, { waitUntil: 'load' });
    await tab.bringToFront();
    const tabId: number = await (await worker()).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    // The page's snapshot reaches the background when its content script has read it.
    for (let i = 0; i < 100 && !(await (await worker()).evaluate(async (t: number) => `tab:${t}` in (await chrome.storage.session.get(null)), tabId)); i++) await sleep(200);
    const control: Page = await browser.newPage();
    await control.goto(`${origin}/src/popup/index.html?tab=${tabId}`);
    const ask = (name: string, payload: unknown): Promise<number> =>
      control.evaluate(async (m: { name: string; payload: unknown }) => {
        const t0 = performance.now();
        const answer = await chrome.runtime.sendMessage({ sila: 1, ...m });
        if (answer && answer.ok === false) throw new Error(JSON.stringify(answer));
        return performance.now() - t0;
      }, { name, payload });

    async function stopWorker(): Promise<void> {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 20_000 });
      const gone = new Promise<void>((ok) => {
        const timer = setTimeout(ok, 3_000);
        browser.on('targetdestroyed', (t) => t === target && (clearTimeout(timer), ok()));
      });
      await (await target.worker())!.close();
      await gone;
    }
    async function heapMB(): Promise<number> {
      const w = await worker();
      // usedSize: the JS heap; backingStorageSize (typed arrays' buffers, where the index lives) when Chromium reports it.
      const usage = await (w as unknown as { client: { send(m: string): Promise<{ usedSize: number; backingStorageSize?: number }> } }).client.send('Runtime.getHeapUsage');
      return round((usage.usedSize + (usage.backingStorageSize ?? 0)) / 1e6);
    }
    async function measure(label: string) {
      const cold: number[] = [];
      const heap: number[] = [];
      for (let i = 0; i < runs; i++) {
        await stopWorker();
        await sleep(300);
        cold.push(await ask('library/related', { tabId }));
        heap.push(await heapMB());
      }
      const warm: number[] = [];
      for (let i = 0; i < warmCalls; i++) warm.push(await ask('library/related', { tabId }));
      return { label, coldMs: { median: round(pct(cold, 50)), all: cold.map(round) }, warmRelatedMs: { median: round(pct(warm, 50)), p95: round(pct(warm, 95)) }, workerMemoryMB: pct(heap, 50) };
    }

    await control.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings ?? {}), rememberReads: 'on' } });
    });
    const empty = await measure('empty library (today)');
    // The same round trips with nothing being imported, for comparison.
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      idle.push(await ask('tab/state', { tabId }));
      await sleep(250);
    }

    const options = await browser.newPage();
    await options.goto(`${origin}/src/options/index.html`);
    const input = await options.waitForSelector('input[data-role="collection-file"]', { timeout: 20_000 });
    const popupLatency: number[] = [];
    let importing = true;
    const probe = (async () => {
      while (importing) {
        popupLatency.push(await ask('tab/state', { tabId }).catch(() => Number.NaN));
        await sleep(250);
      }
    })();
    const t0 = Date.now();
    await input!.uploadFile(path);
    await options.waitForSelector('[data-role="collection"][data-state="ready"]', { timeout: 600_000 });
    const importMs = Date.now() - t0;
    importing = false;
    await probe;
    const meta = await options.$eval('[data-role="collection"] [data-role="collection-meta"]', (el) => el.textContent ?? '');
    await options.close();
    const withCollection = await measure(`with a ${n}-article collection`);
    const ok = popupLatency.filter((x) => Number.isFinite(x));
    console.log(JSON.stringify({
      articles: n,
      import: { ms: importMs, listed: meta, popupTabStateMs: { calls: popupLatency.length, failed: popupLatency.length - ok.length, median: round(pct(ok, 50)), p95: round(pct(ok, 95)), max: round(Math.max(...ok)) }, idleTabStateMs: { median: round(pct(idle, 50)), p95: round(pct(idle, 95)) } },
      empty,
      withCollection,
      coldRatio: +(withCollection.coldMs.median / empty.coldMs.median).toFixed(2),
    }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
});
