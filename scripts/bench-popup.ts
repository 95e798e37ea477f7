/**
 * Popup opened → related list on screen, in real Chromium. A benchmark, not a test: it prints figures for three
 * cases, each run in turn:
 * - service worker stopped first (as Chrome does after ~30 s idle), the tab's answer already stored (the usual
 *   case: the background ranked the page when it loaded, for the badge);
 * - service worker running;
 * - service worker stopped and no usable stored answer (here: `resultCount` changed since the page was ranked),
 *   so the background must wake, load the index and rank: the first open after a settings change.
 *
 * Two times per open, from the popup's navigation start: the list in the DOM, and the list painted (the first
 * contentful paint when the list is in the first frame, otherwise the next frame after it arrived).
 *
 * With `--baseline DIR`, a second build is loaded in the same Chromium (its own extension id and process) and
 * the two are opened alternately, so that both see the same machine: compare them in one run, not across runs.
 *
 *   npx tsx scripts/bench-popup.ts [--runs 9] [--ext dist/chrome] [--baseline DIR]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { repoRoot } from './paths';
import { renderArticlePage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { startChromium } from '../tests/e2e/harness/chromium';
import { bestJudgedQuery } from '../tests/e2e/harness/corpus-pages';

declare const chrome: any;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, ext: { type: 'string', default: 'dist/chrome' }, baseline: { type: 'string' } },
});
const runs = Number(values.runs);
const builds = [values.ext!, ...(values.baseline ? [values.baseline] : [])].map((dir) => resolve(repoRoot, dir));

const { article } = bestJudgedQuery();
const server = await startTestServer({
  '/article': renderArticlePage({ title: article.title, body: article.body, published: article.published ?? null, url: 'http://sila.test/article', lang: 'ar' }, 'skynews'),
});
const browser: Browser = await startChromium(null, server.port, { installExtensions: true });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// All builds have the same manifest: each is known by the id Chromium gives it.
const ids: string[] = [];
for (const dir of builds) ids.push(await browser.installExtension(dir));

/** The running service worker of each build (waking none: a stopped worker is simply absent). */
async function runningWorkers(): Promise<Map<number, WebWorker>> {
  const found = new Map<number, WebWorker>();
  for (const target of browser.targets()) {
    const build = ids.findIndex((id) => target.url().startsWith(`chrome-extension://${id}/`));
    if (target.type() !== 'service_worker' || build < 0) continue;
    const worker = await target.worker();
    if (worker) found.set(build, worker);
  }
  return found;
}

async function allWorkers(): Promise<Map<number, WebWorker>> {
  for (let tries = 0; tries < 100; tries++) {
    const found = await runningWorkers();
    if (found.size === builds.length) return found;
    await sleep(200);
  }
  throw new Error(`the service workers of ${builds.length} builds did not all start`);
}

const workers = await allWorkers();
const page = await browser.newPage();
await page.goto(`${server.origin}/article`);
await page.bringToFront();
const tabId: number = await workers.get(0)!.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
// Every build has ranked the page (and stored its answer) once its badge is set.
for (const worker of workers.values()) {
  for (const until = Date.now() + 30_000; !(await worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId)); ) {
    if (Date.now() > until) throw new Error('no badge after 30 s');
    await sleep(250);
  }
}

async function stopWorkers(): Promise<void> {
  // Same effect as Chrome stopping an idle worker: everything in memory is gone, and with no page of the
  // extension open, its process too.
  for (const worker of (await runningWorkers()).values()) await worker.close();
  await sleep(500);
}

const LIST = '[data-state="article"] [data-doc-id]';

interface Open {
  list: number;
  painted: number;
  popup: Page;
}

/**
 * Opens the popup's page for the tab, as a tab: a toolbar click does not wake a stopped worker and neither does
 * this; chrome.action.openPopup would need the worker running.
 */
async function open(build: number): Promise<Open> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: 400, height: 600 });
  await popup.evaluateOnNewDocument((selector: string) => {
    const g = globalThis as any;
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      g.__listAt = performance.now();
      // The frame after the one being built: when the list missed the first paint, it is on screen by then.
      requestAnimationFrame(() => requestAnimationFrame(() => (g.__nextFrameAt = performance.now())));
    }).observe(document, { subtree: true, childList: true });
  }, LIST);
  await popup.goto(`chrome-extension://${ids[build]}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector(LIST, { timeout: 30_000 });
  await popup.waitForFunction(() => (globalThis as any).__nextFrameAt && performance.getEntriesByType('paint').length > 0, { timeout: 10_000 });
  const { list, painted } = await popup.evaluate(() => {
    const g = globalThis as any;
    const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? Infinity;
    return { list: g.__listAt as number, painted: g.__listAt <= fcp ? fcp : (g.__nextFrameAt as number) };
  });
  return { list, painted, popup };
}

/** Changes resultCount from an extension page, as the options page would, so no stored answer fits any more. */
async function changeResultCount(popup: Page, n: number): Promise<void> {
  await popup.evaluate(async (count: number) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), resultCount: count } });
  }, n);
}

const CASES = ['service worker stopped first', 'service worker running', 'stopped, no stored answer fits'] as const;
type Times = { list: number[]; painted: number[] };
const times: Times[][] = builds.map(() => CASES.map(() => ({ list: [], painted: [] })));
const keep = (into: Times, run: Open) => {
  into.list.push(run.list);
  into.painted.push(run.painted);
};
for (let i = 0; i < runs; i++) {
  for (let k = 0; k < builds.length; k++) {
    const build = (i + k) % builds.length; // alternate which build goes first
    await stopWorkers();
    let run = await open(build);
    keep(times[build][0], run);
    await run.popup.close();

    run = await open(build);
    keep(times[build][1], run);
    await changeResultCount(run.popup, i % 2 === 0 ? 9 : 8);
    await run.popup.close();

    await stopWorkers();
    run = await open(build);
    keep(times[build][2], run);
    await run.popup.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `${median(xs).toFixed(0).padStart(4)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
console.log(`popup opened → related list, Chromium, ${runs} runs per case and build; times from the popup's navigation start, median (min–max)`);
builds.forEach((dir, build) => {
  console.log(`${build === 0 ? 'build' : 'baseline'} ${dir}`);
  CASES.forEach((name, c) => console.log(`  ${name.padEnd(32)} painted ${fmt(times[build][c].painted)}   in the DOM ${fmt(times[build][c].list)}`));
});
if (builds.length === 2) {
  console.log('build / baseline, painted:');
  CASES.forEach((name, c) => console.log(`  ${name.padEnd(32)} ${(median(times[0][c].painted) / median(times[1][c].painted)).toFixed(2)}`));
}
await browser.close();
await server.close();
