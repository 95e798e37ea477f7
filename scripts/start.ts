/**
 * `npm start`: shows Sila working. Builds the index and both extensions if they are missing, serves the seed
 * page (../shared/seed, rendered as a real news page) on a local server, opens Chromium with the extension,
 * opens the popup on that page, writes artifacts/demo-popup.png and prints the related titles. With a
 * display, the browser stays open for you to use until you close it; without one it runs headless.
 *
 *   npm start [-- --headless] [-- --seed FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, defaultIndexDir } from './paths';
import { renderSeedPage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { waitForBadge } from '../tests/e2e/harness/popup';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, seed: { type: 'string' } } });
const seedDir = resolve(repoRoot, '..', 'shared', 'seed');
const seedFile = values.seed ?? process.env.SILA_SEED ?? resolve(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt')) ?? '');
const headless = values.headless ?? !process.env.DISPLAY;

function step(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`The demo drives Debian's Chromium at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

if (!existsSync(resolve(defaultIndexDir, 'meta.json'))) step('build:index');
if (!existsSync(resolve(repoRoot, 'dist', 'chrome', 'manifest.json'))) step('build:ext');

const server = await startTestServer({ '/news/crocus-attack': renderSeedPage(readFileSync(seedFile, 'utf8')) });
const session = await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port, { headless });
const page = await session.openPage(`${server.origin}/news/crocus-attack`);
// Reading the badge focuses the page, which would close an open popup: read it first, once the page reported.
const badge = await waitForBadge(session, page, 5_000);

const started = performance.now();
const popup = await session.openPopup(page);
await popup.waitForSelector('[data-state="article"] [data-doc-id], [data-state]:not([data-state="loading"])', { timeout: 15_000 });
const paintedMs = performance.now() - started;
const titles = await popup.$$eval('[data-doc-id] [data-role="title"]', (nodes) => nodes.map((n) => n.textContent ?? ''));
mkdirSync(resolve(repoRoot, 'artifacts'), { recursive: true });
const shot = resolve(repoRoot, 'artifacts', 'demo-popup.png');
await popup.screenshot({ path: shot });

console.log(`\nSila on the seed page (${server.origin}/news/crocus-attack): badge "${badge}", popup painted in ${paintedMs.toFixed(0)} ms`);
titles.forEach((title, i) => console.log(`${String(i + 1).padStart(2)}. ${title}`));
console.log(`\nScreenshot of the popup: ${shot}`);

// Search as the user types it, timed from the last keystroke to the results on screen.
const box = await popup.waitForSelector('input[type="search"]');
await box!.type('موسك');
const typed = performance.now();
await box!.type('و');
await popup.waitForFunction(
  () => document.querySelector('[data-role="search-results"]')?.getAttribute('data-query') === 'موسكو' && !!document.querySelector('[data-role="search-results"] [data-doc-id]'),
  { timeout: 15_000 },
);
const searchMs = performance.now() - typed;
const hits = await popup.$$eval('[data-role="search-results"] [data-doc-id]', (nodes) => nodes.length);
console.log(`Search "موسكو" in the popup: ${hits} results on screen ${searchMs.toFixed(0)} ms after the last keystroke (includes the popup's 60 ms typing debounce)`);

if (headless) {
  await session.close();
  await server.close();
} else {
  console.log('Chromium stays open with Sila loaded: browse the demo page, click the toolbar icon. Close the window to finish.');
  session.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
}
