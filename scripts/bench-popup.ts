/**
 * Popup opened → related list painted, in real Chromium. A benchmark, not a test: it prints figures for three
 * cases, each run in turn:
 * - service worker stopped first (as Chrome does after ~30 s idle), the tab's answer already stored (the usual
 *   case: the background ranked the page when it loaded, for the badge);
 * - service worker running;
 * - service worker stopped and no usable stored answer (here: `resultCount` changed since the page was ranked),
 *   so the background must wake, load the index and rank: the first open after a settings change, and the
 *   whole cost of every open before answers were stored.
 *
 *   npx tsx scripts/bench-popup.ts [--runs 7] [--ext dist/chrome]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot } from './paths';
import { renderArticlePage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { waitForBadge } from '../tests/e2e/harness/popup';
import { bestJudgedQuery } from '../tests/e2e/harness/corpus-pages';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, ext: { type: 'string', default: 'dist/chrome' } } });
const runs = Number(values.runs);
const { article } = bestJudgedQuery();
const server = await startTestServer({
  '/article': renderArticlePage({ title: article.title, body: article.body, published: article.published ?? null, url: 'http://sila.test/article', lang: 'ar' }, 'skynews'),
});
const session = await launchChromium(resolve(repoRoot, values.ext), server.port);
const page = await session.openPage(`${server.origin}/article`);
// The badge is set once the background has ranked the page (and stored the answer).
await waitForBadge(session, page, 30_000);

// A toolbar click does not wake a stopped worker: the popup's document loads and its message does. So the
// popup's document is opened for the tab directly (chrome.action.openPopup would need the worker running).
const tabId = await session.tabId(page);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const LIST = '[data-state="article"] [data-doc-id]';

/**
 * Wall time from asking for a new tab to seeing the list (what session.openPopupForTab does, so it includes
 * puppeteer creating the tab), and the popup's own time: from its navigation start to the list being in the DOM.
 */
async function timeOpen(): Promise<{ ms: number; inPage: number; popup: Page }> {
  const started = performance.now();
  const popup = await session.browser.newPage();
  await popup.setViewport({ width: 400, height: 600 });
  await popup.evaluateOnNewDocument((selector: string) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      (globalThis as any).__listAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, LIST);
  await popup.goto(`${session.extensionOrigin}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector(LIST, { timeout: 30_000 });
  const ms = performance.now() - started;
  const inPage = await popup.evaluate(() => (globalThis as any).__listAt as number);
  return { ms, inPage, popup };
}

/** Changes resultCount from an extension page, as the options page would, so no stored answer fits any more. */
async function changeResultCount(popup: Page, n: number): Promise<void> {
  await popup.evaluate(async (count: number) => {
    const api = (globalThis as any).chrome;
    const { settings } = await api.storage.sync.get('settings');
    await api.storage.sync.set({ settings: { ...(settings ?? {}), resultCount: count } });
  }, n);
}

type Runs = { wall: number[]; inPage: number[] };
const runsOf = (): Runs => ({ wall: [], inPage: [] });
const stored = runsOf();
const warm = runsOf();
const unstored = runsOf();
const keep = (into: Runs, run: { ms: number; inPage: number }) => {
  into.wall.push(run.ms);
  into.inPage.push(run.inPage);
};
for (let i = 0; i < runs; i++) {
  await session.stopBackground();
  let run = await timeOpen();
  keep(stored, run);
  await run.popup.close();

  run = await timeOpen();
  keep(warm, run);
  await changeResultCount(run.popup, i % 2 === 0 ? 9 : 8);
  await run.popup.close();

  await session.stopBackground();
  run = await timeOpen();
  keep(unstored, run);
  await run.popup.close();
}
const stats = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
const line = (r: Runs) => `${stats(r.wall)};  in the popup: ${stats(r.inPage)}`;
console.log(`popup opened → related list painted, Chromium, ${values.ext}, ${runs} runs each`);
console.log('  (wall: puppeteer opens a tab → list found; in the popup: its navigation start → list in the DOM)');
console.log(`  service worker stopped first:                 ${line(stored)}`);
console.log(`  service worker running:                       ${line(warm)}`);
console.log(`  service worker stopped, no stored answer fits: ${line(unstored)}`);
await session.close();
await server.close();
