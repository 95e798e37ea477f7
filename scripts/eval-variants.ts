/**
 * npm run eval:variants -- [--keep 80,90,100,120,200] [--params '{"wholeWeight":0}'] [--corpus FILE] [--json]
 *
 * How much of a dev figure is the index's luck. The shipped index keeps each article's 100 strongest terms; built
 * with 80, 90, 120 or 200 instead, nDCG@10 moved by up to 0.02 (docs/experiments.md, "Third round"), as much as most
 * ranking changes. So a ranking change is judged on several indexes: this builds them (once, cached in
 * build/cache/ like every index the scripts use) and runs the related eval on each, printing nDCG@10 and P@5
 * over all judged queries and over the odd and even lines of the query file, with their means over the indexes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openIndex } from '../src/lib/engine';
import { defaultIndexParams } from '../src/lib/index/format';
import type { RankParams } from '../src/lib/related/rank';
import { corpusDir, defaultCorpusFile } from './paths';
import { parseArgs, runMain } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';
import { parseQrels, summarize, type Qrels, type Run } from './lib/metrics';
import { openCorpus } from './lib/read-corpus';
import { relatedRun } from './lib/run-related';
import type { CorpusArticle } from '../src/lib/types';

interface Figures {
  ndcg10: number;
  p5: number;
}

interface VariantReport {
  keepTerms: number;
  all: Figures;
  odd: Figures;
  even: Figures;
}

/** Mean nDCG@10 and P@5 of the run over the judged queries in `ids`. */
function figuresOver(run: Run, qrels: Qrels, ids: Set<string>): Figures {
  const subset: Qrels = new Map([...qrels].filter(([query]) => ids.has(query)));
  const { ndcg10, p5 } = summarize(run, subset);
  return { ndcg10, p5 };
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const keeps = (args.get('keep') || '80,90,100,120,200').split(',').map(Number);
  if (keeps.some((k) => !Number.isInteger(k) || k < 1)) throw new Error('--keep takes whole numbers, e.g. --keep 80,100,120');
  const params = args.get('params') ? (JSON.parse(args.get('params')!) as Partial<RankParams>) : undefined;
  const qrels = parseQrels(readFileSync(resolve(corpusDir, 'dev-qrels.tsv'), 'utf8'));
  const queries: CorpusArticle[] = [];
  for await (const article of openCorpus(resolve(corpusDir, 'dev-queries.jsonl.gz')).articles) queries.push(article);
  // Halves by line of the query file (first line odd), each with its own judged queries.
  const odd = new Set(queries.filter((_, i) => i % 2 === 0).map((q) => q.id));
  const even = new Set(queries.filter((_, i) => i % 2 === 1).map((q) => q.id));

  const reports: VariantReport[] = [];
  for (const keepTerms of keeps) {
    // The default keepTerms is the shipped index's, so that one is not built again.
    const buildParams = keepTerms === defaultIndexParams.keepTerms ? undefined : { keepTerms };
    const index = await openIndex(dirSource(await ensureIndex(corpus, { params: buildParams })));
    const run: Run = await relatedRun(index, queries, 10, 'members-after', { params });
    const all = new Set(queries.map((q) => q.id));
    reports.push({ keepTerms, all: figuresOver(run, qrels, all), odd: figuresOver(run, qrels, odd), even: figuresOver(run, qrels, even) });
  }
  const mean = (pick: (r: VariantReport) => number) => reports.reduce((sum, r) => sum + pick(r), 0) / reports.length;
  const means = {
    all: { ndcg10: mean((r) => r.all.ndcg10), p5: mean((r) => r.all.p5) },
    odd: { ndcg10: mean((r) => r.odd.ndcg10), p5: mean((r) => r.odd.p5) },
    even: { ndcg10: mean((r) => r.even.ndcg10), p5: mean((r) => r.even.p5) },
  };
  if (args.has('json')) {
    process.stdout.write(`${JSON.stringify({ params: params ?? {}, variants: reports, means }, null, 1)}\n`);
    return;
  }
  const f = (x: number) => x.toFixed(4);
  const row = (label: string, all: Figures, o: Figures, e: Figures) =>
    `${label.padEnd(16)}${f(all.ndcg10).padStart(8)}${f(o.ndcg10).padStart(8)}${f(e.ndcg10).padStart(8)}${f(all.p5).padStart(8)}${f(o.p5).padStart(8)}${f(e.p5).padStart(8)}`;
  console.log(`related eval on indexes keeping ${keeps.join(', ')} terms per article; params ${JSON.stringify(params ?? {})}`);
  console.log(`${''.padEnd(16)}${'nDCG@10'.padStart(8)}${'odd'.padStart(8)}${'even'.padStart(8)}${'P@5'.padStart(8)}${'odd'.padStart(8)}${'even'.padStart(8)}`);
  for (const r of reports) console.log(row(`keepTerms ${r.keepTerms}`, r.all, r.odd, r.even));
  console.log(row('mean', means.all, means.odd, means.even));
});
