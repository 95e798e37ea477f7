/**
 * npx tsx scripts/bench-reads-search.ts [-- --reads 2000 --rounds 7]
 * The first search of a service-worker life over N remembered reads (the first N articles of egypt-2013,
 * read from ../shared at run time), in headless Chromium's real IndexedDB through the extension's own store:
 * Library.forSearch over today's layout (records with their opening, texts apart) beside 0631dc9's layout and
 * read (text in each record, every record fetched by id, the opening cut from the text), alternating, each on a
 * fresh connection; then the real upgrade of the old database by today's store, checked read by read. Prints
 * medians and their ratio (timing is reported, never a pass/fail).
 */
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CorpusLines } from '../src/lib/corpus/lines';
import type { NewRead } from '../src/library/records';
import { CHROMIUM_FLAGS } from '../tests/e2e/harness/chromium';
import { browserPath } from '../tests/e2e/harness/browsers';
import { parseArgs, runMain } from './lib/args';
import { repoRoot } from './paths';

const egypt = resolve(repoRoot, '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');

async function firstReads(n: number): Promise<NewRead[]> {
  const lines = new CorpusLines();
  const reads: NewRead[] = [];
  for await (const chunk of createReadStream(egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article: a } of lines.push(chunk)) {
      if (reads.length < n) reads.push({ url: `https://example.test/read/${reads.length}`, title: a.title, outlet: a.source ?? null, published: a.published ?? null, text: a.body, readAt: Date.now() });
    }
    if (reads.length >= n) break;
  }
  return reads;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const n = args.num('reads', 2000);
  const rounds = args.num('rounds', 7);
  const reads = await firstReads(n);
  const server = await createServer({ root: repoRoot, configFile: false, publicDir: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 5198, strictPort: false, hmr: false }, optimizeDeps: { noDiscovery: true, include: [] } });
  await server.listen();
  const browser = await puppeteer.launch({ executablePath: browserPath('chromium'), headless: true, args: [...CHROMIUM_FLAGS, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'sila-bench-reads-'))}`] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.resolvedUrls!.local[0]}scripts/bench-pages/reads-search.html`);
    await page.waitForFunction(() => document.title === 'ready', { timeout: 60_000 });
    const seeded = await page.evaluate((r) => (window as any).__bench.seed(r), reads);
    const times: Record<'now' | 'before', number[]> = { now: [], before: [] };
    let shape = '';
    for (let i = 0; i < rounds; i++) {
      for (const path of (i % 2 ? ['now', 'before'] : ['before', 'now']) as ('now' | 'before')[]) {
        const got = await page.evaluate((p) => (window as any).__bench.firstSearch(p), path);
        times[path].push(got.ms);
        shape += `${path}: ${got.reads} reads, ${got.openingChars} opening chars; `;
      }
    }
    const migration = await page.evaluate((r) => (window as any).__bench.migrate(r), reads);
    if (migration.wrong || migration.reads !== n) throw new Error(`the version-2 library did not migrate whole: ${JSON.stringify(migration)}`);
    const now = median(times.now);
    const before = median(times.before);
    console.log(JSON.stringify({ seeded, shape: shape.split('; ').slice(0, 2).join('; '), rounds, firstSearchMs: { before: +before.toFixed(1), now: +now.toFixed(1), ratio: +(now / before).toFixed(2) }, migrationOf: migration, all: times }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
});
