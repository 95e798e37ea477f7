/**
 * The Chromium half of bench:library, over the built extension (dist/chrome, `npm run build:ext` first):
 *   npx tsx scripts/bench-library-chromium.ts [--articles 10000] [--reads 2000] [--runs 5] [--warm 50] [--egypt articles.jsonl.gz]
 The same build is installed twice in one Chromium: one install keeps an empty library (today's figures), the
 * other imports the first N articles of ../shared/corpus/egypt-2013 through the options page's file input (the
 * user's path; gzip JSONL written to a temp file, never the repository), timed until the collection is listed
 * ready, with tab/state round trips from a popup page every 250 ms meanwhile (the popup's own first message),
 * beside the same round trips before the import. Then it gets M remembered reads the way a user moving to a
 * new computer does: Restore from a backup (options → Your reading), of a backup file of M egypt-2013
 * articles other than the collection's and the page's, written as Export writes reads (backup-format.ts) to a
 * temp file, timed until the restore reports done. Then, alternating between the two installs: the service
 * worker stopped, one message that needs the engine and the library (library/related for an article tab: index
 * load, library segments, ranking) timed to its answer, and memory after it; then warm library/related calls.
 *
 * Memory, two figures per install:
 * - the worker's V8 heap, CDP Runtime.getHeapUsage on the worker: usedSize (the JS heap) plus, where Chromium
 *   reports them, backingStorageSize (ArrayBuffer backing stores: the index's typed arrays live there, outside
 *   the JS heap) and embedderHeapUsedSize (Blink's heap); the raw answer is printed once.
 * - the resident memory (VmRSS, /proc/<pid>/status) of the renderer process that hosts the service worker.
 *   An extension's service worker runs in that extension's own renderer process (`--extension-process`), shared
 *   only with its own pages (here the popup page the messages are sent from, which both installs have alike).
 *   Each install's process is the extension renderer that appeared when it was installed (CDP
 *   SystemInfo.getProcessInfo on the browser target lists the renderers' pids; /proc/<pid>/cmdline says which
 *   are extension processes). VmRSS counts Chromium's shared code too (an empty install's is ~170 MB); RssAnon is
 *   the process's own memory. Taken twice: after the cold starts, in the process that also ran the import and
 *   the restore (its allocator keeps much of what they used), and after one cold load in a process of its own
 *   (control page closed and worker stopped until the process exits): the figure for "memory after load".
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync, createGunzip } from 'node:zlib';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { CorpusLines } from '../src/lib/corpus/lines';
import { readMeta } from '../src/library/backup-format';
import { renderArticlePage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { startChromium } from '../tests/e2e/harness/chromium';
import { parseArgs, runMain } from './lib/args';
import { repoRoot } from './paths';

declare const chrome: any;
/** The corpus the collection and the reads come from (`--egypt <path>` for a worktree elsewhere than the repo's). */
let egypt = resolve(repoRoot, '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The first n articles as a gzip JSONL collection in a temp file, the next one as the page being read, and the
 * m after it as a backup of m reads (each read in the last 90 days, at an address of its own), in a temp file too.
 */
async function corpusFiles(n: number, m: number): Promise<{ path: string; backup: string; page: { title: string; body: string } }> {
  const lines = new CorpusLines();
  const kept: string[] = [];
  let page: { title: string; body: string } | null = null;
  const reads: string[] = [];
  const now = Date.now();
  for await (const chunk of createReadStream(egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article } of lines.push(chunk)) {
      if (kept.length < n) kept.push(JSON.stringify(article));
      else if (!page) page = article;
      else if (reads.length < m) {
        const readAt = now - Math.floor(((reads.length + 1) / m) * 90 * 86_400_000);
        reads.push(JSON.stringify({ ...article, id: `read-${reads.length + 1}`, url: `https://bench.example/read/${encodeURIComponent(article.id)}`, sila: readMeta(readAt) }));
      }
    }
    if (reads.length >= m && page) break;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sila-bench-collection-'));
  const path = join(dir, 'egypt-2013.jsonl.gz');
  writeFileSync(path, gzipSync(kept.join('\n') + '\n'));
  const backup = join(dir, 'sila-library.jsonl.gz');
  writeFileSync(backup, gzipSync(reads.join('\n') + '\n'));
  return { path, backup, page: page! };
}

/** Pids of the browser's extension renderer processes (SystemInfo.getProcessInfo, then each one's command line). */
async function extensionProcesses(browser: Browser): Promise<Set<number>> {
  const session = await browser.target().createCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  const pids = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  return new Set(pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process');
    } catch {
      return false;
    }
  }));
}

/**
 * VmRSS (all resident pages, the browser's shared code among them) and RssAnon (the process's own anonymous
 * memory: heaps, buffers; what this process alone costs), MB.
 */
const residentMB = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: round(field('VmRSS') / 1024), anon: round(field('RssAnon') / 1024) };
};

let heapShape: unknown = null;

interface Memory {
  heap: number;
  jsHeap: number;
  resident: { rss: number; anon: number };
}

interface Install {
  origin: string;
  tabId: number;
  /** The extension renderer process hosting its service worker (and its control page). */
  pid: number | null;
  ask(name: string, payload: unknown): Promise<number>;
  stopWorker(): Promise<void>;
  memoryMB(): Promise<Memory>;
  /**
   * Closes the control page and stops the worker so that the extension's process exits, then opens the control
   * page again in a new process: memory after a load is then not memory an earlier import left in the allocator.
   */
  freshProcess(): Promise<void>;
}

/** Installs a build, finds the article tab's id, opens a popup page to send messages from. */
async function install(browser: Browser, dir: string, tab: Page): Promise<Install> {
  const processesBefore = await extensionProcesses(browser);
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
  let control = await browser.newPage();
  await control.goto(`${origin}/src/popup/index.html?tab=${tabId}`);
  await control.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), rememberReads: 'on' } });
  });
  // The renderer that came with this install hosts its worker and its control page.
  const fresh = [...(await extensionProcesses(browser))].filter((pid) => !processesBefore.has(pid));
  if (fresh.length !== 1) console.warn(`bench: ${fresh.length} new extension processes for ${origin} (${fresh.join(', ')}): resident memory not attributed`);
  let pid = fresh.length === 1 ? fresh[0] : null;
  const stopWorker = async () => {
    const t = await target();
    const gone = new Promise<void>((ok) => {
      const timer = setTimeout(ok, 3_000);
      browser.on('targetdestroyed', (x) => x === t && (clearTimeout(timer), ok()));
    });
    await (await t.worker())!.close();
    await gone;
  };
  return {
    origin,
    tabId,
    get pid() {
      return pid;
    },
    ask: (name, payload) =>
      control.evaluate(async (m: { name: string; payload: unknown }) => {
        const t0 = performance.now();
        const answer = await chrome.runtime.sendMessage({ sila: 1, ...m });
        if (answer && answer.ok === false) throw new Error(JSON.stringify(answer));
        return performance.now() - t0;
      }, { name, payload }),
    stopWorker,
    async freshProcess() {
      const before = await extensionProcesses(browser);
      await control.close();
      await stopWorker();
      for (let i = 0; i < 100 && pid !== null && existsSync(`/proc/${pid}`); i++) await sleep(100);
      if (pid !== null && existsSync(`/proc/${pid}`)) console.warn(`bench: process ${pid} of ${origin} did not exit`);
      control = await browser.newPage();
      await control.goto(`${origin}/src/popup/index.html?tab=${tabId}`);
      const next = [...(await extensionProcesses(browser))].filter((p) => !before.has(p));
      pid = next.length === 1 ? next[0] : null;
      if (pid === null) console.warn(`bench: no single new process for ${origin} (${next.join(', ')})`);
    },
    async memoryMB() {
      type Usage = { usedSize: number; totalSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number };
      const usage = await ((await worker()) as unknown as { client: { send(m: string): Promise<Usage> } }).client.send('Runtime.getHeapUsage');
      heapShape ??= usage;
      const heap = usage.usedSize + (usage.backingStorageSize ?? 0) + (usage.embedderHeapUsedSize ?? 0);
      return { heap: round(heap / 1e6), jsHeap: round(usage.usedSize / 1e6), resident: pid === null ? { rss: Number.NaN, anon: Number.NaN } : residentMB(pid) };
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
  const m = args.num('reads', 2_000);
  egypt = args.get('egypt') ?? egypt;
  const runs = args.num('runs', 5);
  const warmCalls = args.num('warm', 50);
  const { path, backup, page: article } = await corpusFiles(n, m);
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
    // The reads, by the user's own path: Restore from a backup (`--reads 0`: none, the collection alone).
    let restoreMs = 0;
    let restored = '';
    let readsKept = '';
    if (m > 0) {
      const t1 = Date.now();
      await (await options.waitForSelector('input[data-role="restore-file"]'))!.uploadFile(backup);
      await options.waitForSelector('[data-role="restore"]:is([data-state="done"], [data-state="failed"])', { timeout: 900_000 });
      restoreMs = Date.now() - t1;
      restored = await options.$eval('[data-role="restore"]', (el) => el.textContent ?? '');
      // The count is asked again once the report shows.
      await options.waitForFunction((want: string) => (document.querySelector('[data-role="library-count"]')?.textContent ?? '').includes(want), { timeout: 10_000 }, m.toLocaleString('en')).catch(() => undefined);
      readsKept = await options.$eval('[data-role="library-count"]', (el) => el.textContent ?? '');
    }
    await options.close();

    const cold = { empty: [] as number[], full: [] as number[] };
    const memory = { empty: [] as Memory[], full: [] as Memory[] };
    for (let i = 0; i < runs; i++) {
      for (const key of (i % 2 ? ['full', 'empty'] : ['empty', 'full']) as ('empty' | 'full')[]) {
        const ext = key === 'empty' ? empty : full;
        await ext.stopWorker();
        await sleep(300);
        cold[key].push(await ext.ask('library/related', { tabId: ext.tabId }));
        memory[key].push(await ext.memoryMB());
      }
    }
    // Memory after a load in a process of its own (the import and the restore ran in the process measured above).
    const fresh: Record<'empty' | 'full', Memory & { coldMs: number; pid: number | null }> = {} as never;
    for (const key of ['empty', 'full'] as const) {
      const ext = key === 'empty' ? empty : full;
      await ext.freshProcess();
      const coldMs = await ext.ask('library/related', { tabId: ext.tabId });
      fresh[key] = { ...(await ext.memoryMB()), coldMs: round(coldMs), pid: ext.pid };
    }
    const warm = { empty: await relatedCalls(empty, warmCalls), full: await relatedCalls(full, warmCalls) };
    const ok = during.filter((x) => Number.isFinite(x));
    const summary = (key: 'empty' | 'full') => ({
      coldLibraryRelatedMs: { median: round(pct(cold[key], 50)), all: cold[key].map(round) },
      warmLibraryRelatedMs: { median: round(pct(warm[key], 50)), p95: round(pct(warm[key], 95)) },
      // In the process that also ran the import and the restore (the allocator keeps what they used).
      memoryAfterColdStartsMB: {
        workerHeapWithBuffers: pct(memory[key].map((x) => x.heap), 50),
        workerJsHeapOnly: pct(memory[key].map((x) => x.jsHeap), 50),
        extensionProcessVmRSS: pct(memory[key].map((x) => x.resident.rss), 50),
        extensionProcessRssAnon: pct(memory[key].map((x) => x.resident.anon), 50),
      },
      memoryAfterLoadInAFreshProcessMB: fresh[key],
    });
    console.log(JSON.stringify({
      articles: n,
      reads: m,
      heapUsageAnswer: heapShape,
      restore: { ms: restoreMs, report: restored, kept: readsKept },
      import: { ms: importMs, listed: meta, tabStateDuringMs: { calls: during.length, failed: during.length - ok.length, median: round(pct(ok, 50)), p95: round(pct(ok, 95)), max: round(Math.max(...ok)) }, tabStateIdleMs: { median: round(pct(idle, 50)), p95: round(pct(idle, 95)) } },
      emptyLibrary: summary('empty'),
      withCollectionAndReads: summary('full'),
      coldRatio: +(pct(cold.full, 50) / pct(cold.empty, 50)).toFixed(2),
    }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
});
