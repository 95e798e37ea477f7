/**
 * npm run related -- [--corpus FILE] --queries FILE [--k 10] [--layout members-after|representative-only]
 * Prints query_id<TAB>rank<TAB>doc_id<TAB>score for each query article (JSONL or JSONL.gz, corpus schema),
 * answered by the extension's own engine over the index it ships (built once into build/cache).
 */
import { resolve } from 'node:path';
import { openIndex } from '../src/lib/engine';
import { corpusDir, defaultCorpusFile } from './paths';
import { parseArgs, runMain, UsageError } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';
import { openCorpus } from './lib/read-corpus';
import { relatedRow, type StoryLayout } from './lib/run-related';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const queries = resolve(args.get('queries') || resolve(corpusDir, 'dev-queries.jsonl.gz'));
  const k = args.num('k', 10);
  const layout = (args.get('layout') || 'members-after') as StoryLayout;
  if (!['members-after', 'representative-only'].includes(layout)) throw new UsageError(`--layout must be members-after or representative-only`);
  const index = await openIndex(dirSource(await ensureIndex(corpus)));
  const out: string[] = [];
  for await (const article of openCorpus(queries, { onSkip: (s) => process.stderr.write(`skipped query ${s.reason}\n`) }).articles) {
    const row = await relatedRow(index, article, k, layout);
    row.docs.forEach((d, i) => out.push(`${row.query}\t${i + 1}\t${d.id}\t${d.score.toFixed(4)}`));
    if (out.length > 5000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
});
