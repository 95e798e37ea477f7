/**
 * npm run build:index -- [--corpus FILE] [--out DIR] [--verbose] [--params JSON]
 * Builds the index the extension ships (default: the bundled corpus into public/index). See README "Build Sila
 * with your own corpus" and DESIGN.md "Index format".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultCorpusFile, defaultIndexDir, repoRoot } from './paths';
import { parseArgs, runMain } from './lib/args';
import { buildIndexDir } from './lib/build';
import { buildKeyFor } from './lib/ensure-index';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const out = resolve(args.get('out') || defaultIndexDir);
  // --params '{"keepTerms":60}': build-parameter experiments (see IndexParams in src/lib/index/format.ts).
  const params = args.get('params') ? JSON.parse(args.get('params')!) : undefined;
  // The build key lets npm run related/eval/bench reuse this very index (unless parameters were overridden).
  const buildKey = params ? undefined : buildKeyFor(corpus);
  mkdirSync(join(repoRoot, 'build'), { recursive: true });
  const summary = await buildIndexDir({ corpus, out, verboseSkips: args.has('verbose'), params, buildKey });
  if (buildKey && out === defaultIndexDir) {
    writeFileSync(join(repoRoot, 'build', `index-${buildKey}.summary.json`), `${JSON.stringify(summary, null, 1)}\n`);
  }
});
