/**
 * The speed baseline, run in child processes by scripts/bench.ts: MiniSearch used as documented.
 *   build CORPUS OUT.json  — addAll over title + body, JSON.stringify, write; prints timings and sizes.
 *   cold OUT.json QUERY    — MiniSearch.loadJSON + one 10-term OR query; prints timings and heap.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { openCorpus } from './read-corpus';

// The same options at indexing and loading time, as MiniSearch's documentation asks.
const options = { fields: ['title', 'body'], storeFields: ['title'], idField: 'id' };

const [mode, a, b] = process.argv.slice(2);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

if (mode === 'build') {
  const docs: { id: string; title: string; body: string }[] = [];
  for await (const article of openCorpus(a).articles) docs.push({ id: article.id, title: article.title, body: article.body });
  const t0 = performance.now();
  const mini = new MiniSearch(options);
  mini.addAll(docs);
  const t1 = performance.now();
  gc();
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  const json = JSON.stringify(mini);
  const t2 = performance.now();
  writeFileSync(b, json);
  const bytes = Buffer.byteLength(json);
  process.stdout.write(`${JSON.stringify({ indexMs: t1 - t0, stringifyMs: t2 - t1, jsonBytes: bytes, gzipBytes: gzipSync(json).length, heapAfterBuildMB: heapMB })}\n`);
} else if (mode === 'cold') {
  const query = b;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const json = readFileSync(a, 'utf8');
  const t1 = performance.now();
  const mini = MiniSearch.loadJSON(json, options);
  const t2 = performance.now();
  const hits = mini.search(query, { combineWith: 'OR' });
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  gc();
  const mem = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ readMs: t1 - t0, loadJSONMs: t2 - t1, firstQueryMs: t3 - t2, coldMs: t3 - t0, coldCpuMs: (cpu.user + cpu.system) / 1000, hits: hits.length, heapUsedMB: mem.heapUsed / 1e6, rssMB: mem.rss / 1e6 })}\n`,
  );
} else {
  throw new Error('usage: bench-minisearch.ts build CORPUS OUT.json | cold OUT.json "query"');
}
