/**
 * Popup opened → related list painted, in real Chromium, with the service worker stopped beforehand (as Chrome
 * does after ~30 s idle), so every run pays the cold index load. A benchmark, not a test: it prints figures.
 *
 *   npx tsx scripts/bench-popup.ts [-- --runs 7]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { repoRoot } from './paths';
import { renderArticlePage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { bestJudgedQuery } from '../tests/e2e/harness/corpus-pages';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const { article } = bestJudgedQuery();
const server = await startTestServer({
  '/article': renderArticlePage({ title: article.title, body: article.body, published: article.published ?? null, url: 'http://sila.test/article', lang: 'ar' }, 'skynews'),
});
const session = await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port);
const page = await session.openPage(`${server.origin}/article`);
await new Promise((r) => setTimeout(r, 2000));

// A toolbar click does not wake a stopped worker: the popup's document loads and its message does. So the
// popup's document is opened for the tab directly (chrome.action.openPopup would need the worker running).
const tabId = await session.tabId(page);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  for (const [stopFirst, into] of [[true, cold], [false, warm]] as const) {
    if (stopFirst) await session.stopBackground();
    const started = performance.now();
    const popup = await session.openPopupForTab(tabId);
    await popup.waitForSelector('[data-state="article"] [data-doc-id]', { timeout: 30_000 });
    into.push(performance.now() - started);
    await popup.close();
  }
}
console.log(`popup opened → related list painted, Chromium, ${runs} runs each`);
console.log(`  service worker stopped first: median ${median(cold).toFixed(0)} ms  (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);
console.log(`  service worker running:       median ${median(warm).toFixed(0)} ms  (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`);
await session.close();
await server.close();
