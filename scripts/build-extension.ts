/**
 * Builds the extension for Chrome and Firefox (dist/chrome, dist/firefox) from the index in public/index,
 * checks the package rules the stores enforce, and writes the store-ready zips (release/sila-<browser>.zip, kept
 * out of dist/ so dist/<browser> holds only what the browser loads).
 *
 * Two steps per browser: crxjs builds the background and the content script (vite.config.ts), then each page
 * the manifest names is built on its own into one script and one stylesheet. A page loads nothing it shares
 * with another: the popup used to fetch six scripts and two stylesheets, and a new extension process is slow to
 * answer each fetch (the popup's list reached the screen about 25 ms sooner with one of each, measured with the
 * service worker stopped, both builds loaded side by side in one Chromium).
 *
 *   npm run build:ext [-- --browser chrome|firefox]
 */
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultIndexDir, repoRoot } from './paths';
import { checkPackage, zipFolder } from './lib/package-check';
import { manifestFor, pagesOf, withPages, type TargetBrowser } from './lib/manifest-for';

const { values } = parseArgs({ options: { browser: { type: 'string' } } });
const browsers: TargetBrowser[] = values.browser ? [values.browser as TargetBrowser] : ['chrome', 'firefox'];

if (!existsSync(resolve(defaultIndexDir, 'meta.json'))) {
  console.error(`No index at ${defaultIndexDir}: run \`npm run build:index\` first (it reads the corpus).`);
  process.exit(1);
}

for (const browser of browsers) {
  const started = performance.now();
  await build({ root: repoRoot, configFile: resolve(repoRoot, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
  const outDir = resolve(repoRoot, 'dist', browser);
  const manifest = manifestFor(JSON.parse(readFileSync(resolve(repoRoot, 'manifest.json'), 'utf8')), browser);
  for (const page of pagesOf(manifest)) await buildPage(page, outDir);
  const builtManifest = resolve(outDir, 'manifest.json');
  writeFileSync(builtManifest, `${JSON.stringify(withPages(JSON.parse(readFileSync(builtManifest, 'utf8')), manifest), null, 2)}\n`);
  const problems = checkPackage(outDir);
  if (problems.length) {
    console.error(`dist/${browser} breaks the package rules:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  const zip = zipFolder(outDir, resolve(repoRoot, 'release', `sila-${browser}.zip`));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`dist/${browser}: built in ${seconds} s; release/sila-${browser}.zip ${(zip.bytes / 1048576).toFixed(2)} MiB (${zip.files} files)`);
}

/** One page (e.g. src/popup/index.html) into outDir, as one script and one stylesheet named after its folder. */
async function buildPage(page: string, outDir: string): Promise<void> {
  const name = basename(dirname(page));
  await build({
    root: repoRoot,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [preact()],
    build: {
      outDir,
      emptyOutDir: false,
      assetsInlineLimit: 0,
      // One input and no dynamic import: a single chunk, so nothing to preload.
      modulePreload: false,
      rollupOptions: {
        input: resolve(repoRoot, page),
        output: { entryFileNames: `assets/${name}-[hash].js`, assetFileNames: `assets/${name}-[hash][extname]` },
      },
    },
  });
}
