/**
 * npm run build:index -- [--corpus FILE] [--out DIR] [--verbose] [--params JSON]
 * Builds the index the extension ships (default: the bundled corpus into public/index). See README "Build Sila
 * with your own corpus" and DESIGN.md "Index format".
 */
import { resolve } from 'node:path';
import { defaultCorpusFile, defaultIndexDir } from './paths.ts';
import { parseArgs, runMain } from './lib/args.ts';
import { buildIndexDir } from './lib/build.ts';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const out = resolve(args.get('out') || defaultIndexDir);
  // --params '{"keepTerms":60}': build-parameter experiments (see IndexParams in src/lib/index/format.ts).
  const params = args.get('params') ? JSON.parse(args.get('params')!) : undefined;
  await buildIndexDir({ corpus, out, verboseSkips: args.has('verbose'), params });
});
