/**
 * npm run bench -- [--corpus FILE] [--index DIR] [--runs 5] [--json] [--no-baseline] [--baseline-heap-mb 8000] [--queries FILE]
 * The speed table: the baseline (MiniSearch as documented over title + body) and Sila's shipped index, built in
 * the same run, side by side with ratios. Cold starts run in fresh processes (medians over --runs); related
 * and search-as-you-type timings are warm, in this process, over the query file's articles. --index DIR measures
 * an index already built from --corpus (e.g. by `npm run build:index -- --out DIR`) instead of building one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openIndex } from '../src/lib/engine';
import type { CorpusArticle } from '../src/lib/types';
import { corpusDir, defaultCorpusFile, repoRoot } from './paths';
import { parseArgs, runMain } from './lib/args';
import { dirSource } from './lib/dir-source';
import { buildKeyFor, cacheDirFor, ensureIndex } from './lib/ensure-index';
import { quantile } from './lib/metrics';
import { openCorpus } from './lib/read-corpus';

type Json = Record<string, number | string | null>;

const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

function runChild(script: string, args: string[], heapMB?: number): Json {
  const flags = ['--expose-gc', '--import', 'tsx', ...(heapMB ? [`--max-old-space-size=${heapMB}`] : [])];
  const r = spawnSync(process.execPath, [...flags, join(repoRoot, 'scripts', 'lib', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${script} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(line) as Json;
}

function zipBytes(dir: string): number | null {
  const out = join(mkdtempSync(join(tmpdir(), 'sila-zip-')), 'index.zip');
  try {
    execFileSync('zip', ['-q', '-r', '-9', out, '.'], { cwd: dir });
    return statSync(out).size;
  } catch {
    return null;
  } finally {
    rmSync(out, { force: true });
  }
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const queryFile = resolve(args.get('queries') || join(corpusDir, 'dev-queries.jsonl.gz'));
  const runs = args.num('runs', 5);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  // Sila: the shipped index (built now unless this corpus and code were built before).
  const given = args.get('index');
  const cached = Boolean(given) || existsSync(join(cacheDirFor(corpus), 'meta.json'));
  const buildStart = performance.now();
  const dir = given ? resolve(given) : await ensureIndex(corpus);
  const summaryFile = existsSync(`${dir}.summary.json`) ? `${dir}.summary.json` : join(repoRoot, 'build', `index-${buildKeyFor(corpus)}.summary.json`);
  const build = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as { seconds: number; peakRssMB: number }) : null;
  const buildSeconds = build?.seconds ?? (cached ? null : (performance.now() - buildStart) / 1000);

  const queries: CorpusArticle[] = [];
  for await (const a of openCorpus(queryFile).articles) queries.push(a);
  const qfile = join(mkdtempSync(join(tmpdir(), 'sila-bench-')), 'query.json');
  writeFileSync(qfile, JSON.stringify({ title: queries[0].title, body: queries[0].body, published: queries[0].published ?? null }));

  log(`sila: ${runs} cold starts`);
  const cold = Array.from({ length: runs }, () => runChild('bench-cold.ts', [dir, qfile]));
  const index = await openIndex(dirSource(dir));
  // Warm (like the peer's JVM figures): one untimed pass first, so JIT tiers are not counted as query time.
  for (const q of queries) await index.related({ title: q.title, body: q.body, published: q.published ?? null }, { k: 10 });
  const relatedMs: number[] = [];
  const relatedCpuMs: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const c = process.cpuUsage();
    await index.related({ title: q.title, body: q.body, published: q.published ?? null }, { k: 10 });
    const cpu = process.cpuUsage(c);
    relatedMs.push(performance.now() - t);
    relatedCpuMs.push((cpu.user + cpu.system) / 1000);
  }
  relatedCpuMs.sort((a, b) => a - b);
  const keystrokeMs: number[] = [];
  const keystrokeCpuMs: number[] = [];
  let searchError: string | null = null;
  try {
    await index.search('a');
    for (const q of queries.slice(0, 100)) {
      const typed = q.title.slice(0, 40);
      for (let i = 1; i <= typed.length; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        await index.search(typed.slice(0, i), { k: 10 });
        const cpu = process.cpuUsage(c);
        keystrokeMs.push(performance.now() - t);
        keystrokeCpuMs.push((cpu.user + cpu.system) / 1000);
      }
    }
  } catch (error) {
    searchError = (error as Error).message;
  }
  relatedMs.sort((a, b) => a - b);
  keystrokeMs.sort((a, b) => a - b);
  keystrokeCpuMs.sort((a, b) => a - b);
  const files = readdirSync(dir).map((name) => statSync(join(dir, name)).size);
  const sila = {
    buildSeconds,
    buildPeakRssMB: build?.peakRssMB ?? null,
    coldMs: median(cold.map((c) => Number(c.coldMs))),
    coldCpuMs: median(cold.map((c) => Number(c.coldCpuMs))),
    loadMs: median(cold.map((c) => Number(c.loadMs))),
    firstQueryMs: median(cold.map((c) => Number(c.firstQueryMs))),
    moduleImportMs: median(cold.map((c) => Number(c.importMs))),
    relatedMedianMs: quantile(relatedMs, 0.5),
    relatedP95Ms: quantile(relatedMs, 0.95),
    relatedCpuMedianMs: quantile(relatedCpuMs, 0.5),
    relatedCpuP95Ms: quantile(relatedCpuMs, 0.95),
    keystrokeMedianMs: keystrokeMs.length ? quantile(keystrokeMs, 0.5) : null,
    keystrokeP95Ms: keystrokeMs.length ? quantile(keystrokeMs, 0.95) : null,
    keystrokeCpuMedianMs: keystrokeCpuMs.length ? quantile(keystrokeCpuMs, 0.5) : null,
    keystrokeCpuP95Ms: keystrokeCpuMs.length ? quantile(keystrokeCpuMs, 0.95) : null,
    heapAfterLoadMB: median(cold.map((c) => Number(c.heapUsedMB))),
    arrayBuffersMB: median(cold.map((c) => Number(c.arrayBuffersMB))),
    rssAfterLoadMB: median(cold.map((c) => Number(c.rssMB))),
    indexBytes: files.reduce((a, b) => a + b, 0),
    largestFileBytes: Math.max(...files),
    files: files.length,
    zipBytes: zipBytes(dir),
  };

  // Baseline: MiniSearch as documented, in child processes (its heap is the point).
  let baseline: Record<string, number | null> | null = null;
  let baselineError: string | null = null;
  if (!args.has('no-baseline')) {
    const tmp = mkdtempSync(join(tmpdir(), 'sila-minisearch-'));
    const jsonFile = join(tmp, 'minisearch.json');
    try {
      log('baseline: MiniSearch addAll + JSON.stringify');
      const heapCap = args.num('baseline-heap-mb', 8000);
      const built = runChild('bench-minisearch.ts', ['build', corpus, jsonFile], heapCap);
      const words = [...new Set(`${queries[0].title} ${queries[0].body}`.split(/[\s\p{P}]+/u).filter((w) => w.length > 3))].slice(0, 10).join(' ');
      log(`baseline: ${runs} cold loadJSON + 10-term OR query`);
      const colds = Array.from({ length: runs }, () => runChild('bench-minisearch.ts', ['cold', jsonFile, words], heapCap));
      baseline = {
        buildSeconds: Number(built.indexMs) / 1000,
        coldMs: median(colds.map((c) => Number(c.coldMs))),
        coldCpuMs: median(colds.map((c) => Number(c.coldCpuMs))),
        loadMs: median(colds.map((c) => Number(c.loadJSONMs))),
        firstQueryMs: median(colds.map((c) => Number(c.firstQueryMs))),
        heapAfterLoadMB: median(colds.map((c) => Number(c.heapUsedMB))),
        indexBytes: Number(built.jsonBytes),
        largestFileBytes: Number(built.jsonBytes),
        zipBytes: Number(built.gzipBytes),
      };
    } catch (error) {
      baselineError = (error as Error).message;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  const report = { corpus, articles: index.size, runs, sila, baseline, baselineError, searchError };
  if (args.has('json')) {
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
    return;
  }
  const mb = (b: number | null | undefined) => (b == null ? '–' : `${(b / 1e6).toFixed(1)} MB`);
  const ms = (x: number | null | undefined) => (x == null ? '–' : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? `${(b / a).toFixed(1)}×` : '–');
  const B = baseline ?? {};
  const rows: [string, string, string, string][] = [
    ['build (s)', sila.buildSeconds?.toFixed(1) ?? '(cached)', B.buildSeconds?.toFixed(1) ?? '–', ''],
    ['cold start: load + first related', ms(sila.coldMs), ms(B.coldMs), ratio(sila.coldMs, B.coldMs)],
    ['cold start, CPU time', ms(sila.coldCpuMs), ms(B.coldCpuMs), ratio(sila.coldCpuMs, B.coldCpuMs)],
    ['  of which load', ms(sila.loadMs), ms(B.loadMs), ratio(sila.loadMs, B.loadMs)],
    ['  of which first query', ms(sila.firstQueryMs), ms(B.firstQueryMs), ratio(sila.firstQueryMs, B.firstQueryMs)],
    ['related query median (warm)', ms(sila.relatedMedianMs), '', ''],
    ['related query p95 (warm)', ms(sila.relatedP95Ms), '', ''],
    ['related query CPU time median / p95', `${ms(sila.relatedCpuMedianMs)} / ${ms(sila.relatedCpuP95Ms)}`, '', ''],
    ['search per keystroke median / p95', `${ms(sila.keystrokeMedianMs)} / ${ms(sila.keystrokeP95Ms)}`, '', ''],
    ['search per keystroke CPU time median / p95', `${ms(sila.keystrokeCpuMedianMs)} / ${ms(sila.keystrokeCpuP95Ms)}`, '', ''],
    ['heap after load', `${sila.heapAfterLoadMB.toFixed(0)} MB (+${sila.arrayBuffersMB.toFixed(0)} MB typed arrays)`, B.heapAfterLoadMB ? `${B.heapAfterLoadMB.toFixed(0)} MB` : '–', ratio(sila.heapAfterLoadMB + sila.arrayBuffersMB, B.heapAfterLoadMB)],
    ['index files, total', mb(sila.indexBytes), mb(B.indexBytes), ratio(sila.indexBytes, B.indexBytes)],
    ['largest file', mb(sila.largestFileBytes), mb(B.largestFileBytes), ''],
    ['compressed (zip -9 / gzip)', mb(sila.zipBytes), mb(B.zipBytes), ratio(sila.zipBytes, B.zipBytes)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`corpus ${corpus} (${index.size} articles), cold starts: median of ${runs} fresh processes`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (wall times include other jobs; CPU times do not)`);
  console.log(`${''.padEnd(w)}  ${'Sila'.padEnd(32)}${'MiniSearch baseline'.padEnd(22)}baseline/Sila`);
  for (const [name, s, b, r] of rows) console.log(`${name.padEnd(w)}  ${s.padEnd(32)}${b.padEnd(22)}${r}`);
  if (baselineError) console.log(`baseline failed: ${baselineError}`);
  if (searchError) console.log(`search not measured: ${searchError}`);
});
