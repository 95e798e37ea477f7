/**
 * Builds the extension for Chrome and Firefox (dist/chrome, dist/firefox) from the index in public/index,
 * checks the package rules the stores enforce, and writes the store-ready zips (release/sila-<browser>.zip, kept
 * out of dist/ so dist/<browser> holds only what the browser loads).
 *
 *   npm run build:ext [-- --browser chrome|firefox]
 */
import { build } from 'vite';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultIndexDir, repoRoot } from './paths';
import { checkPackage, zipFolder } from './lib/package-check';
import type { TargetBrowser } from './lib/manifest-for';

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
  const problems = checkPackage(outDir);
  if (problems.length) {
    console.error(`dist/${browser} breaks the package rules:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  const zip = zipFolder(outDir, resolve(repoRoot, 'release', `sila-${browser}.zip`));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`dist/${browser}: built in ${seconds} s; release/sila-${browser}.zip ${(zip.bytes / 1048576).toFixed(2)} MiB (${zip.files} files)`);
}
