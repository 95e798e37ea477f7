/**
 * npm run eval -- [--corpus FILE] [--queries FILE] [--qrels FILE] [--peer FILE] [--layout …] [--json]
 *                 [--params '{"dateWeight":0.2}'] [--per-query] [--index DIR]
 * Runs the related engine on the dev queries and prints its relevance and speed beside the peer's reference run
 * (Lucene MoreLikeThis): nDCG@10, P@5, same-story recall@5, share of the top 10 unjudged, query time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openIndex } from '../src/lib/engine';
import type { RankParams } from '../src/lib/related/rank';
import { corpusDir, defaultCorpusFile } from './paths';
import { parseArgs, runMain } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';
import { parseQrels, parseRun, quantile, sameStoryRecall, summarize, type Run } from './lib/metrics';
import { openCorpus } from './lib/read-corpus';
import { judgedOutlets, listedOutlets, outletMix, type OutletRow } from './lib/outlet-mix';
import { relatedRow, relatedRun, type StoryLayout } from './lib/run-related';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const queries = resolve(args.get('queries') || resolve(corpusDir, 'dev-queries.jsonl.gz'));
  const qrels = parseQrels(readFileSync(resolve(args.get('qrels') || resolve(corpusDir, 'dev-qrels.tsv')), 'utf8'));
  const peerFile = resolve(args.get('peer') || resolve(corpusDir, 'reference', 'lucene-mlt-dev.tsv'));
  const dupFile = resolve(corpusDir, 'near-duplicates.jsonl');
  const pairs = existsSync(dupFile)
    ? readFileSync(dupFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { a: string; b: string })
    : [];
  const layout = (args.get('layout') || 'members-after') as StoryLayout;
  const params = args.get('params') ? (JSON.parse(args.get('params')!) as Partial<RankParams>) : undefined;

  // --index DIR: a prebuilt index (for tuning query-time parameters without a rebuild).
  const index = await openIndex(dirSource(args.get('index') ? resolve(args.get('index')!) : await ensureIndex(corpus)));
  const articles = [];
  for await (const article of openCorpus(queries).articles) articles.push(article);
  const run: Run = await relatedRun(index, articles, 10, layout, { params });
  // Timing: a second pass over every query, warm like the peer's JVM figures (the first pass pays JIT tiers).
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const outletRows: OutletRow[] = [];
  const judgedSource = await sourcesOf(corpus, qrels);
  for (const article of articles) {
    const cpu = process.cpuUsage();
    const row = await relatedRow(index, article, 10, layout, { params });
    const used = process.cpuUsage(cpu);
    times.push(row.ms);
    cpuTimes.push((used.user + used.system) / 1000);
    const judged = qrels.get(article.id);
    const relevant = judged ? [...judged].filter(([, grade]) => grade >= 1).map(([id]) => judgedSource.get(id)) : [];
    outletRows.push({
      querySource: article.source ?? null,
      lines: row.docs.map((d) => d.source),
      judgedOutlets: judged ? new Set(relevant.filter((s): s is string => !!s)) : undefined,
    });
  }
  const mixJudged = outletMix(outletRows, judgedOutlets, 5);
  const mixListed = outletMix(outletRows, listedOutlets, 5);
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const ours = summarize(run, qrels);
  const ourDup = sameStoryRecall(run, pairs, 5);
  const peerRun = existsSync(peerFile) ? parseRun(readFileSync(peerFile, 'utf8')) : null;
  const peer = peerRun ? summarize(peerRun, qrels) : null;
  const peerDup = peerRun ? sameStoryRecall(peerRun, pairs, 5) : null;

  const report = {
    queries: run.size,
    judgedQueries: ours.queries,
    sila: {
      ndcg10: ours.ndcg10,
      p5: ours.p5,
      sameStoryRecall5: ourDup.recall,
      sameStoryPairs: ourDup.pairs,
      unjudged10: ours.unjudged10,
      msMedian: quantile(times, 0.5),
      msP95: quantile(times, 0.95),
      cpuMsMedian: quantile(cpuTimes, 0.5),
      cpuMsP95: quantile(cpuTimes, 0.95),
      missedPairs: ourDup.missed,
    },
    outletMix5: { judged: mixJudged, listed: mixListed },
    peer: peer && peerDup ? { ndcg10: peer.ndcg10, p5: peer.p5, sameStoryRecall5: peerDup.recall, unjudged10: peer.unjudged10, msMedian: 3.8, msP95: 8.3 } : null,
    layout,
    params: params ?? {},
    perQuery: args.has('per-query') ? ours.perQuery : undefined,
  };
  if (args.has('json')) {
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
    return;
  }
  const f = (x: number | undefined, d = 3) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const rows: [string, string, string][] = [
    [`nDCG@10 (${ours.queries} judged queries)`, f(ours.ndcg10), f(peer?.ndcg10)],
    ['P@5 (grade ≥ 1)', f(ours.p5), f(peer?.p5)],
    [`same-story recall@5 (${ourDup.pairs} pairs)`, f(ourDup.recall), f(peerDup?.recall)],
    ['top-10 unjudged share', f(ours.unjudged10), f(peer?.unjudged10)],
    ['related query ms, median', f(report.sila.msMedian, 2), '3.8 (JVM warm)'],
    ['related query ms, p95', f(report.sila.msP95, 2), '8.3 (JVM warm)'],
    ['related query CPU ms, median / p95', `${f(report.sila.cpuMsMedian, 2)} / ${f(report.sila.cpuMsP95, 2)}`, ''],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'metric (dev)'.padEnd(w0)}  ${'Sila'.padStart(8)}  Lucene MLT (peer)`);
  for (const [name, a, b] of rows) console.log(`${name.padEnd(w0)}  ${a.padStart(8)}  ${b}`);
  const mix = (m: typeof mixJudged) => `one outlet ${f(m.oneOutlet)}, page's outlet ${f(m.ownOutlet)}, outlets ${f(m.distinct, 2)}`;
  console.log(`top-5 outlet mix, judged stories in ≥2 outlets (${mixJudged.queries} queries): ${mix(mixJudged)}`);
  console.log(`top-5 outlet mix, top 10 in ≥2 outlets (${mixListed.queries} queries): ${mix(mixListed)}`);
  if (ourDup.missed.length) console.log(`missed near-duplicates: ${ourDup.missed.map((p) => `${p.a}→${p.b}`).join(', ')}`);
  if (args.has('per-query')) for (const q of ours.perQuery) console.log(`${q.query}\t${f(q.ndcg10)}\t${f(q.p5)}`);
});

/** Outlet of each judged document, read from the corpus (the run only names the documents it lists). */
async function sourcesOf(corpus: string, qrels: Map<string, Map<string, number>>): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const judged of qrels.values()) for (const id of judged.keys()) wanted.add(id);
  const out = new Map<string, string>();
  for await (const article of openCorpus(corpus).articles) if (wanted.has(article.id) && article.source) out.set(article.id, article.source);
  return out;
}
