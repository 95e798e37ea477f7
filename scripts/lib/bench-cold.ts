/**
 * One cold start of Sila, run in a fresh process by scripts/bench.ts: load the shipped index files from a
 * directory and answer one related query. Prints one JSON line.
 * usage: node --expose-gc --import tsx scripts/lib/bench-cold.ts DIR QUERY.json
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [dir, queryFile] = process.argv.slice(2);
const query = JSON.parse(readFileSync(queryFile, 'utf8')) as { title: string; body: string; published?: string | null };
const t0 = performance.now();
// Module loading stands for the service worker's script evaluation: timed apart from the index load.
const { openIndex } = await import('../../src/lib/engine');
const { dirSource } = await import('./dir-source');
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const index = await openIndex(dirSource(dir));
const t2 = performance.now();
const results = await index.related(query, { k: 10 });
const t3 = performance.now();
const cpu = process.cpuUsage(cpu0);
(globalThis as { gc?: () => void }).gc?.();
const mem = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    importMs: t1 - t0,
    loadMs: t2 - t1,
    firstQueryMs: t3 - t2,
    coldMs: t3 - t1,
    // CPU time of the same span: on a shared machine, wall time also counts other people's jobs.
    coldCpuMs: (cpu.user + cpu.system) / 1000,
    results: results.length,
    heapUsedMB: mem.heapUsed / 1e6,
    arrayBuffersMB: mem.arrayBuffers / 1e6,
    rssMB: mem.rss / 1e6,
  })}\n`,
);
