/**
 * npm run eval:compare -- --base BASE.json --new NEW.json [--queries FILE]
 * Two `npm run eval -- --json --per-query` outputs side by side: nDCG@10 and P@5 over all judged queries and over
 * the odd and even lines of the query file, with the paired bootstrap 95 % interval of the difference (10,000
 * resamples of the judged queries, seeded), and the top-5 outlet mix of both.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusDir } from './paths';
import { parseArgs, runMain, UsageError } from './lib/args';
import { pairedBootstrap } from './lib/bootstrap';
import { openCorpus } from './lib/read-corpus';

interface EvalJson {
  sila: { ndcg10: number; p5: number; msMedian: number };
  perQuery?: { query: string; ndcg10: number; p5: number }[];
  outletMix5?: Record<string, { queries: number; oneOutlet: number; ownOutlet: number; distinct: number }>;
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const [baseFile, newFile] = [args.get('base'), args.get('new')];
  if (!baseFile || !newFile) throw new UsageError('usage: npm run eval:compare -- --base BASE.json --new NEW.json (each from npm run eval -- --json --per-query)');
  const [base, next] = [baseFile, newFile].map((f) => JSON.parse(readFileSync(resolve(f), 'utf8')) as EvalJson);
  if (!base.perQuery || !next.perQuery) throw new UsageError('both files need per-query figures: npm run eval -- --json --per-query');
  const order: string[] = [];
  for await (const a of openCorpus(resolve(args.get('queries') || resolve(corpusDir, 'dev-queries.jsonl.gz'))).articles) order.push(a.id);
  const line = new Map(order.map((id, i) => [id, i]));
  const byQuery = new Map(next.perQuery.map((q) => [q.query, q]));
  const halves: [string, (i: number) => boolean][] = [
    ['all', () => true],
    ['odd', (i) => i % 2 === 0],
    ['even', (i) => i % 2 === 1],
  ];
  const f = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(4);
  for (const metric of ['ndcg10', 'p5'] as const) {
    for (const [half, keep] of halves) {
      const pairs = base.perQuery.filter((q) => keep(line.get(q.query) ?? -1) && byQuery.has(q.query));
      const a = pairs.map((q) => q[metric]);
      const b = pairs.map((q) => byQuery.get(q.query)![metric]);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
      const ci = pairedBootstrap(a, b);
      console.log(`${metric.padEnd(7)}${half.padEnd(5)} n=${String(pairs.length).padEnd(3)} ${mean(a).toFixed(4)} → ${mean(b).toFixed(4)}  Δ${f(ci.mean)}  95% [${f(ci.low)}, ${f(ci.high)}]`);
    }
  }
  for (const key of Object.keys(next.outletMix5 ?? {})) {
    const [m0, m1] = [base.outletMix5?.[key], next.outletMix5![key]];
    const s = (m?: { queries: number; oneOutlet: number; ownOutlet: number; distinct: number }) =>
      m ? `one outlet ${m.oneOutlet.toFixed(3)}, page's ${m.ownOutlet.toFixed(3)}, outlets ${m.distinct.toFixed(2)} (${m.queries})` : '–';
    console.log(`outlet mix (${key}): ${s(m0)} → ${s(m1)}`);
  }
  console.log(`query ms median: ${base.sila.msMedian.toFixed(2)} → ${next.sila.msMedian.toFixed(2)}`);
});
