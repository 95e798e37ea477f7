/**
 * `npm start`: builds Sila and shows it working. First the build, always: the index when it is missing or was
 * not built from this corpus by this code, then both extensions and their zips, and where they are and how to
 * load them into Chrome and Firefox. Then the demo, in Debian's Chromium (installed first where apt-get may run
 * without asking, see tests/e2e/harness/browsers.ts; otherwise one sentence says what to run, and the build is kept, exit 0):
 * the seed page (../shared/seed, rendered as a real news page) on a local server, Chromium with the extension,
 * the popup on that page, artifacts/demo-popup.png and the titles per section, then a search typed in the popup
 * (artifacts/demo-search.png). With a display, the browser stays open for you to use until you close it;
 * without one it runs headless.
 *
 *   npm start [-- --headless] [-- --seed FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, defaultIndexDir, defaultCorpusFile } from './paths';
import { buildKeyFor } from './lib/ensure-index';
import { ensureBrowsers, missingSentence } from '../tests/e2e/harness/browsers';
import { renderSeedPage } from './lib/render-pages';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { waitForBadge } from '../tests/e2e/harness/popup';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, seed: { type: 'string' } } });
const headless = values.headless ?? !process.env.DISPLAY;

function step(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The shipped index is current when it was built from the corpus there now by the code here now. */
function indexIsCurrent(): boolean {
  const meta = resolve(defaultIndexDir, 'meta.json');
  if (!existsSync(meta)) return false;
  let key: string;
  try {
    key = buildKeyFor(defaultCorpusFile);
  } catch {
    return true; // No corpus to rebuild from: the index there is the one to ship.
  }
  return (JSON.parse(readFileSync(meta, 'utf8')) as { sila?: { buildKey?: string } }).sila?.buildKey === key;
}

// 1. The build, which is what most users came for.
if (!indexIsCurrent()) step('build:index');
step('build:ext');
const rel = (path: string) => relative(process.cwd(), resolve(repoRoot, path)) || '.';
console.log(`
Sila is built:
  Chrome, Edge, Brave: open chrome://extensions, turn on Developer mode, Load unpacked, choose ${rel('dist/chrome')}
                       (store-ready zip: ${rel('release/sila-chrome.zip')})
  Firefox 140+:        open about:debugging#/runtime/this-firefox, Load Temporary Add-on…, choose ${rel('dist/firefox/manifest.json')}
                       (or ${rel('release/sila-firefox.zip')})`);

// 2. The demo.
if (ensureBrowsers(['chromium'], 'the demo').length) {
  console.log(`\n${missingSentence(['chromium'], 'The demo needs', 'npm start')}`);
  process.exit(0);
}
const seedDir = resolve(repoRoot, '..', 'shared', 'seed');
const seedName = existsSync(seedDir) ? readdirSync(seedDir).find((f) => f.endsWith('.txt')) : undefined;
const seedFile = values.seed ?? process.env.SILA_SEED ?? (seedName ? resolve(seedDir, seedName) : null);
if (!seedFile || !existsSync(seedFile)) {
  console.error(`\nThe demo page is read from ${seedDir}/*.txt (or --seed FILE), and there is none: the extension is built, the demo did not run.`);
  process.exit(1);
}

const server = await startTestServer({ '/news/crocus-attack': renderSeedPage(readFileSync(seedFile, 'utf8')) });
const session = await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port, { headless });
const page = await session.openPage(`${server.origin}/news/crocus-attack`);
// Reading the badge focuses the page, which would close an open popup: read it first, once the page reported.
const badge = await waitForBadge(session, page, 5_000);

const started = performance.now();
const popup = await session.openPopup(page);
await popup.waitForSelector('[data-state="article"] [data-doc-id], [data-state]:not([data-state="loading"])', { timeout: 15_000 });
const paintedMs = performance.now() - started;
const state = await popup.$eval('[data-state]', (el) => el.getAttribute('data-state') ?? '');
const section = (role: string) => popup.$$eval(`[data-role="${role}"] [data-doc-id] [data-role="title"]`, (nodes) => nodes.map((n) => n.textContent ?? ''));
const sections = { 'Related coverage (the badge counts these)': await section('close'), 'Less closely related': await section('loose') };
mkdirSync(resolve(repoRoot, 'artifacts'), { recursive: true });
const shot = resolve(repoRoot, 'artifacts', 'demo-popup.png');
await popup.screenshot({ path: shot });

console.log(`\nSila on the seed page (${server.origin}/news/crocus-attack): badge ${badge ? `"${badge}"` : 'blank (nothing confident)'}, popup painted in ${paintedMs.toFixed(0)} ms`);
for (const [heading, titles] of Object.entries(sections)) {
  if (titles.length === 0) continue;
  console.log(`${heading}:`);
  titles.forEach((title, i) => console.log(`${String(i + 1).padStart(2)}. ${title}`));
}
if (state === 'empty') {
  const says = await popup.$eval('.state-title', (el) => el.textContent ?? '').catch(() => '');
  console.log(`The popup lists nothing for this page ("${says}"): nothing in the 2018 archive reaches confidence 0.5, under which results are more often unrelated than not (npm run eval:sections); it offers the search box instead.`);
}
console.log(`Screenshot of the popup: ${shot}`);

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
const searchShot = resolve(repoRoot, 'artifacts', 'demo-search.png');
await popup.screenshot({ path: searchShot });
console.log(`Search "موسكو" in the popup: ${hits} results on screen ${searchMs.toFixed(0)} ms after the last keystroke (includes the popup's 60 ms typing debounce); screenshot ${searchShot}`);

if (headless) {
  await session.close();
  await server.close();
} else {
  console.log('Chromium stays open with Sila loaded: browse the demo page, click the toolbar icon. Close the window to finish.');
  session.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
}
