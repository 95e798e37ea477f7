/**
 * The Chromium half of bench:library, over the built extension (dist/chrome, `npm run build:ext` first):
 *   npx tsx scripts/bench-library-chromium.ts [--articles 10000] [--runs 5] [--warm 50]
 The same build is installed twice in one Chromium: one install keeps an empty library (today's figures), the
 * other imports the first N articles of ../shared/corpus/egypt-2013 through the options page's file input (the
 * user's path; gzip JSONL written to a temp file, never the repository), timed until the collection is listed
 * ready, with tab/state round trips from a popup page every 250 ms meanwhile (the popup's own first message),
 * beside the same round trips before the import. Then, alternating between the two installs: the service
 * worker stopped, one message that needs the engine and the library (library/related for an article tab: index
 * load, library segments, ranking) timed to its answer, and the worker's memory after it (CDP
 * Runtime.getHeapUsage); then warm library/related calls.
 * Not measured: 2,000 remembered reads (keeping a read takes 15 s of a visible tab, and the build has no
 * faster path; none is added for a benchmark).
 */
import { cpSync, mkdtempSync, writeFileSync, createReadStream } from 'node:fs';
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

interface Install {
  origin: string;
  tabId: number;
  ask(name: string, payload: unknown): Promise<number>;
  stopWorker(): Promise<void>;
  memoryMB(): Promise<number>;
}

/** Installs a build, finds the article tab's id, opens a popup page to send messages from. */
async function install(browser: Browser, dir: string, tab: Page): Promise<Install> {
  const id = await browser.installExtension(dir);
  const origin = `chrome-extension://${id}`;
  const target = () => browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 20_000 });
  const worker = async (): Promise<WebWorker> => (await (await target()).worker())!;
  await tab.bringToFront();
  // A just-started worker can be evaluated before its extension API is bound: ask again until it answers.
  const inWorker = async <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> => {
    for (let i = 0; ; i++) {
      try {
        return await (await worker()).evaluate(fn as never, arg) as T;
      } catch (error) {
        if (i > 50) throw error;
        await sleep(200);
      }
    }
  };
  const tabId = await inWorker(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id as number, undefined);
  // The article's snapshot reaches this build's background when its content script has read the page (a reload
  // runs the content script of a build installed after the page loaded).
  await tab.reload({ waitUntil: 'load' });
  for (let i = 0; i < 100 && !(await inWorker(async (t: number) => `tab:${t}` in (await chrome.storage.session.get(null)), tabId)); i++) await sleep(200);
  const control = await browser.newPage();
  await control.goto(`${origin}/src/popup/index.html?tab=${tabId}`);
  await control.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), rememberReads: 'on' } });
  });
  return {
    origin,
    tabId,
    ask: (name, payload) =>
      control.evaluate(async (m: { name: string; payload: unknown }) => {
        const t0 = performance.now();
        const answer = await chrome.runtime.sendMessage({ sila: 1, ...m });
        if (answer && answer.ok === false) throw new Error(JSON.stringify(answer));
        return performance.now() - t0;
      }, { name, payload }),
    async stopWorker() {
      const t = await target();
      const gone = new Promise<void>((ok) => {
        const timer = setTimeout(ok, 3_000);
        browser.on('targetdestroyed', (x) => x === t && (clearTimeout(timer), ok()));
      });
      await (await t.worker())!.close();
      await gone;
    },
    async memoryMB() {
      // usedSize: the JS heap; backingStorageSize (typed arrays' buffers, where the index lives) when Chromium reports it.
      const usage = await ((await worker()) as unknown as { client: { send(m: string): Promise<{ usedSize: number; backingStorageSize?: number }> } }).client.send('Runtime.getHeapUsage');
      return round((usage.usedSize + (usage.backingStorageSize ?? 0)) / 1e6);
    },
  };
}

async function roundTrips(ext: Install, calls: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    out.push(await ext.ask('tab/state', { tabId: ext.tabId }));
    await sleep(250);
  }
  return out;
}

async function relatedCalls(ext: Install, calls: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < calls; i++) out.push(await ext.ask('library/related', { tabId: ext.tabId }));
  return out;
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
    // Two installs of the same build (their own ids, workers and storage): one stays empty (today's library),
    // one gets the collection; cold starts alternate between them so that both see the same machine.
    const copy = join(mkdtempSync(join(tmpdir(), 'sila-bench-ext-')), 'chrome');
    cpSync(resolve(repoRoot, 'dist', 'chrome'), copy, { recursive: true });
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/article`, { waitUntil: 'load' });
    const empty = await install(browser, resolve(repoRoot, 'dist', 'chrome'), tab);
    const full = await install(browser, copy, tab);

    const options = await browser.newPage();
    await options.goto(`${full.origin}/src/options/index.html`);
    const input = await options.waitForSelector('input[data-role="collection-file"]', { timeout: 20_000 });
    const idle = await roundTrips(full, 20);
    const during: number[] = [];
    let importing = true;
    const probe = (async () => {
      while (importing) {
        during.push(await full.ask('tab/state', { tabId: full.tabId }).catch(() => Number.NaN));
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

    const cold = { empty: [] as number[], full: [] as number[] };
    const memory = { empty: [] as number[], full: [] as number[] };
    for (let i = 0; i < runs; i++) {
      for (const key of (i % 2 ? ['full', 'empty'] : ['empty', 'full']) as ('empty' | 'full')[]) {
        const ext = key === 'empty' ? empty : full;
        await ext.stopWorker();
        await sleep(300);
        cold[key].push(await ext.ask('library/related', { tabId: ext.tabId }));
        memory[key].push(await ext.memoryMB());
      }
    }
    const warm = { empty: await relatedCalls(empty, warmCalls), full: await relatedCalls(full, warmCalls) };
    const ok = during.filter((x) => Number.isFinite(x));
    const summary = (key: 'empty' | 'full') => ({
      coldLibraryRelatedMs: { median: round(pct(cold[key], 50)), all: cold[key].map(round) },
      warmLibraryRelatedMs: { median: round(pct(warm[key], 50)), p95: round(pct(warm[key], 95)) },
      workerMemoryMB: pct(memory[key], 50),
    });
    console.log(JSON.stringify({
      articles: n,
      import: { ms: importMs, listed: meta, tabStateDuringMs: { calls: during.length, failed: during.length - ok.length, median: round(pct(ok, 50)), p95: round(pct(ok, 95)), max: round(Math.max(...ok)) }, tabStateIdleMs: { median: round(pct(idle, 50)), p95: round(pct(idle, 95)) } },
      emptyLibrary: summary('empty'),
      withCollection: summary('full'),
      coldRatio: +(pct(cold.full, 50) / pct(cold.empty, 50)).toFixed(2),
    }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
});
