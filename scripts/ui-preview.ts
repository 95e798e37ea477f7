/**
 * Renders Sila's popup, side panel and options page with the in-memory client (src/ui/preview/) in headless
 * Chromium and writes screenshots to artifacts/ui-preview/. Look at them before calling UI work done.
 *
 *   npx tsx scripts/ui-preview.ts            # all shots
 *   npx tsx scripts/ui-preview.ts popup-ar   # only shots whose name contains "popup-ar"
 *   npx tsx scripts/ui-preview.ts --serve    # keep the preview server running (prints its URL)
 *   npx tsx scripts/ui-preview.ts --axe      # also run axe-core in every page (needs axe-core installed)
 *   npx tsx scripts/ui-preview.ts --firefox  # the same pages in Firefox ESR (shots named *-firefox.png)
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import preact from '@preact/preset-vite';
import puppeteer, { type Page } from 'puppeteer-core';
import { repoRoot } from './paths';
import { parseArgs } from './lib/args';
import { CHROMIUM_FLAGS } from '../tests/e2e/harness/chromium';

interface Shot {
  name: string;
  params: Record<string, string>;
  viewport: { width: number; height: number };
  dark?: boolean;
  fullPage?: boolean;
  /** Runs in the page before the screenshot. */
  act?: (page: Page) => Promise<void>;
}

const POPUP = { width: 400, height: 580 };
const PANEL = { width: 380, height: 760 };
const OPTIONS = { width: 820, height: 900 };
/** Around the options page's library section only. */
const OPTIONS_SECTION = { width: 820, height: 480 };

const typeSearch = (text: string) => async (page: Page) => {
  await page.type('input[type=search]', text);
  await page.waitForSelector('.results .article, .state', { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 250));
};

/** Scrolls `selector` into view once it is there (the library's sections sit below the archive's). */
const showSection = (selector: string, block: 'start' | 'center' = 'start') => async (page: Page) => {
  await page.waitForSelector(selector, { timeout: 5000 });
  await page.evaluate((sel: string, b: 'start' | 'center') => document.querySelector(sel)!.scrollIntoView({ block: b }), selector, block);
};
const READING = { page: 'popup', state: 'article', rememberReads: 'on', library: '1' };
/** The collections section with its first collection's bad lines open (their reasons in the interface's language). */
const showCollections = async (page: Page) => {
  await page.waitForSelector('[data-role="collection-skipped"]', { timeout: 5000 });
  await page.evaluate(() => ((document.querySelector('[data-role="collection-skipped"]') as HTMLDetailsElement).open = true));
  await showSection('[data-role="collections-section"]', 'center')(page);
};

/** The library section after a backup was restored: its report and its bad lines open. */
const showRestore = async (page: Page) => {
  const input = await page.waitForSelector('input[data-role="restore-file"]', { timeout: 5000 });
  const file = join(mkdtempSync(join(tmpdir(), 'sila-preview-')), 'sila-library.jsonl.gz');
  writeFileSync(file, 'x'.repeat(2048));
  await input!.uploadFile(file);
  await page.waitForSelector('[data-role="restore-skipped"]', { timeout: 5000 });
  await page.evaluate(() => ((document.querySelector('[data-role="restore-skipped"]') as HTMLDetailsElement).open = true));
  await showSection('[data-role="library-section"]', 'center')(page);
};

const SHOTS: Shot[] = [
  { name: 'popup-ar-reading', params: { ...READING, ui: 'ar' }, viewport: POPUP, act: showSection('[data-origin="reading"]', 'center') },
  { name: 'popup-en-reading', params: { ...READING, ui: 'en-US' }, viewport: POPUP, act: showSection('[data-origin="reading"]', 'center') },
  { name: 'options-ar-library', params: { page: 'options', ui: 'ar', rememberReads: 'on', library: '1' }, viewport: OPTIONS_SECTION, act: showSection('[data-role="library-section"]', 'center') },
  { name: 'options-en-library', params: { page: 'options', ui: 'en-US', rememberReads: 'on', library: '1' }, viewport: OPTIONS_SECTION, act: showSection('[data-role="library-section"]', 'center') },
  { name: 'options-ar-restore', params: { page: 'options', ui: 'ar', library: '1' }, viewport: OPTIONS_SECTION, act: showRestore },
  { name: 'options-en-restore', params: { page: 'options', ui: 'en-US', library: '1' }, viewport: OPTIONS_SECTION, act: showRestore },
  { name: 'sidepanel-ar-reading', params: { ...READING, page: 'sidepanel', ui: 'ar' }, viewport: PANEL, act: showSection('[data-origin="reading"]', 'center') },
  { name: 'sidepanel-en-reading', params: { ...READING, page: 'sidepanel', ui: 'en-US' }, viewport: PANEL, act: showSection('[data-origin="reading"]', 'center') },
  { name: 'options-ar-collections', params: { page: 'options', ui: 'ar', rememberReads: 'on', library: '1' }, viewport: OPTIONS_SECTION, act: showCollections },
  { name: 'options-en-collections', params: { page: 'options', ui: 'en-US', rememberReads: 'on', library: '1' }, viewport: OPTIONS_SECTION, act: showCollections },
  { name: 'popup-ar-article', params: { page: 'popup', state: 'article', ui: 'ar' }, viewport: POPUP },
  { name: 'popup-en-article', params: { page: 'popup', state: 'article', ui: 'en-US' }, viewport: POPUP },
  { name: 'popup-ar-dark', params: { page: 'popup', state: 'article', ui: 'ar', digits: 'arab' }, viewport: POPUP, dark: true },
  { name: 'popup-en-dark-theme', params: { page: 'popup', state: 'article', ui: 'en-US', theme: 'dark' }, viewport: POPUP },
  { name: 'popup-ar-empty', params: { page: 'popup', state: 'empty', ui: 'ar' }, viewport: POPUP },
  { name: 'popup-en-empty', params: { page: 'popup', state: 'empty', ui: 'en-US' }, viewport: POPUP },
  { name: 'popup-ar-not-article', params: { page: 'popup', state: 'not-article', ui: 'ar' }, viewport: POPUP },
  { name: 'popup-en-unsupported', params: { page: 'popup', state: 'unsupported', ui: 'en-US' }, viewport: POPUP },
  { name: 'popup-ar-loading', params: { page: 'popup', state: 'loading', ui: 'ar' }, viewport: POPUP },
  { name: 'popup-en-error', params: { page: 'popup', state: 'error', ui: 'en-US' }, viewport: POPUP },
  { name: 'popup-ar-silent', params: { page: 'popup', state: 'article', ui: 'ar', silent: 'example-news.com' }, viewport: POPUP },
  { name: 'popup-ar-search', params: { page: 'popup', state: 'article', ui: 'ar' }, viewport: POPUP, act: typeSearch('سد النهضه') },
  { name: 'popup-en-search', params: { page: 'popup', state: 'not-article', ui: 'en-US' }, viewport: POPUP, act: typeSearch('النيل') },
  { name: 'popup-en-search-error', params: { page: 'popup', state: 'not-article', ui: 'en-US', fail: '1' }, viewport: POPUP, act: typeSearch('Nile') },
  {
    name: 'popup-ar-stuck',
    params: { page: 'popup', state: 'pending', ui: 'ar' },
    viewport: POPUP,
    act: async (page) => {
      await page.waitForSelector('[data-state=stuck]', { timeout: 10_000 });
    },
  },
  { name: 'popup-ar-search-none', params: { page: 'popup', state: 'article', ui: 'ar' }, viewport: POPUP, act: typeSearch('زلزال') },
  {
    name: 'popup-ar-about',
    params: { page: 'popup', state: 'article', ui: 'ar' },
    viewport: POPUP,
    act: async (page) => {
      await page.click('.foot-link[aria-pressed]');
      await page.waitForSelector('.about-facts');
    },
  },
  {
    name: 'popup-en-keyboard-focus',
    params: { page: 'popup', state: 'article', ui: 'en-US' },
    viewport: POPUP,
    act: async (page) => {
      await page.waitForSelector('.article');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-role') ?? document.activeElement?.tagName);
      const opened = () => page.evaluate(() => (window as any).__silaPreview.client.opened.map((o: any) => o.background));
      if ((await focused()) !== 'INPUT') throw new Error('the popup should open with the search box focused');
      await page.keyboard.press('ArrowDown');
      if ((await focused()) !== 'title') throw new Error('ArrowDown from the search box should reach the first result');
      await page.keyboard.press('ArrowUp');
      if ((await focused()) !== 'INPUT') throw new Error('ArrowUp from the first result should return to the search box');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      if (JSON.stringify(await opened()) !== '[false,true]') throw new Error(`Enter / Ctrl+Enter should open in front / background, got ${JSON.stringify(await opened())}`);
      await page.keyboard.type('/');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
    },
  },
  {
    // The results under the badge's confidence, set apart below the ones it counts: with the badge at the options
    // page's "high" level (0.7), since under 0.5 nothing is listed (src/ui/related-sections.ts).
    name: 'popup-en-loose',
    params: { page: 'popup', state: 'article', ui: 'en-US', minConfidence: '0.7' },
    viewport: POPUP,
    act: async (page) => {
      await page.waitForSelector('[data-role=loose]');
      await page.evaluate(() => document.querySelector('[data-role=loose]')!.scrollIntoView({ block: 'center' }));
    },
  },
  { name: 'popup-hostile', params: { page: 'popup', state: 'hostile', ui: 'en-US' }, viewport: POPUP },
  { name: 'sidepanel-ar', params: { page: 'sidepanel', state: 'article', ui: 'ar' }, viewport: PANEL },
  { name: 'sidepanel-en-dark', params: { page: 'sidepanel', state: 'article', ui: 'en-US' }, viewport: PANEL, dark: true },
  { name: 'options-ar', params: { page: 'options', ui: 'ar' }, viewport: OPTIONS, fullPage: true },
  { name: 'options-en', params: { page: 'options', ui: 'en-US', silent: 'example.com' }, viewport: OPTIONS, fullPage: true },
  { name: 'options-en-dark', params: { page: 'options', ui: 'en-US', theme: 'dark' }, viewport: OPTIONS, fullPage: true },
];

const args = parseArgs(process.argv.slice(2), { flags: ['serve', 'axe', 'firefox'] });
const serveOnly = args.has('serve');
const runAxe = args.has('axe');
const firefox = args.has('firefox');
const filter = args.positional[0];
const outDir = resolve(repoRoot, 'artifacts', 'ui-preview');

const server = await createServer({
  root: repoRoot,
  configFile: false,
  // The locales live in public/ (the browser reads them there) and are also imported by i18n.ts.
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact()],
  resolve: { alias: { 'webextension-polyfill': resolve(repoRoot, 'src/ui/preview/fake-browser.ts') } },
  server: { host: '127.0.0.1', port: 5199, strictPort: false, hmr: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5199/';
const pageUrl = (params: Record<string, string>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.append(k, v);
  return `${base}src/ui/preview/index.html?${q}`;
};

if (serveOnly) {
  console.log(`preview: ${pageUrl({ page: 'popup', state: 'article', ui: 'ar' })}`);
} else {
  mkdirSync(outDir, { recursive: true });
  const browser = firefox
    ? await puppeteer.launch({
        browser: 'firefox',
        executablePath: '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      })
    : await puppeteer.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          ...CHROMIUM_FLAGS,
          '--font-render-hinting=none',
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'sila-preview-'))}`,
        ],
      });
  const axeSource = runAxe && existsSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'))
    ? readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')
    : null;
  let failures = 0;
  try {
    for (const shot of SHOTS.filter((s) => !filter || s.name.includes(filter))) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await page.setViewport({ ...shot.viewport, deviceScaleFactor: 2 });
      // Firefox (WebDriver BiDi) cannot emulate the colour scheme: dark shots use the theme setting there.
      const params = firefox && shot.dark ? { ...shot.params, theme: 'dark' } : shot.params;
      if (!firefox) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.dark ? 'dark' : 'light' }]);
      await page.goto(pageUrl(params), { waitUntil: firefox ? 'load' : 'networkidle0' });
      await page.waitForSelector('#root > *', { timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready);
      if (shot.act) await shot.act(page).catch((e: Error) => errors.push(`check failed: ${e.message}`));
      await new Promise((r) => setTimeout(r, 200));
      const file = join(outDir, `${shot.name}${firefox ? '-firefox' : ''}.png`);
      await page.screenshot({ path: file as `${string}.png`, fullPage: shot.fullPage ?? false });
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0);
      let axeReport = '';
      if (axeSource) {
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        if (violations.length) failures += 1;
        axeReport = violations.length ? `\n    axe: ${violations.join('\n    axe: ')}` : ' · axe: 0 violations';
      }
      if (errors.length || pwned) failures += 1;
      console.log(`${shot.name}: ${file}${errors.length ? `\n    errors: ${errors.join(' | ')}` : ''}${pwned ? '\n    HOSTILE SCRIPT RAN' : ''}${axeReport}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failures) {
    console.error(`${failures} page(s) with errors or accessibility violations`);
    process.exitCode = 1;
  }
}
