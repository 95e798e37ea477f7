/**
 * npx tsx scripts/bench-collection-import.ts -- [--articles N] [--runs N]
 *
 * "Add a collection" timed end to end in the built Chromium extension (npm run build:ext first): the first N
 * articles of ../shared/corpus/egypt-2013 written to a temporary JSONL.gz (outside the repository), chosen in the
 * options page's file picker, imported by the background in chunks, until the collection is listed ready.
 * Meanwhile the options page asks the background for a search every 250 ms: its round trip says whether the
 * extension stays usable during an import. Prints each run and the medians.
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './paths';
import { startTestServer } from '../tests/e2e/harness/test-server';
import { launchChromium } from '../tests/e2e/harness/chromium';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, runs: { type: 'string', default: '1' } } });
const count = Number(values.articles);
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

const corpus = resolve(repoRoot, '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');
const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter((l) => l.trim()).slice(0, count);
const dir = mkdtempSync(join(tmpdir(), 'sila-bench-collection-'));
const file = join(dir, `egypt-2013-${count}.jsonl.gz`);
writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
console.log(`${lines.length} articles of egypt-2013, ${(readFileSync(file).length / 1e6).toFixed(1)} MB gzipped`);

const server = await startTestServer({});
const seconds: number[] = [];
const trips: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const session = await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port);
    try {
      const options = await session.openExtensionPage('src/options/index.html');
      const input = await options.waitForSelector('input[data-role="collection-file"]');
      const started = Date.now();
      await input!.uploadFile(file);
      // Search round trips from the page while the import runs (strings: no bundler helper in the page).
      await options.evaluate(`window.__trips = []; window.__probe = setInterval(async () => {
        const t = performance.now();
        await chrome.runtime.sendMessage({ sila: 1, name: 'corpus/search', payload: { query: 'الانتخابات', limit: 10 } });
        window.__trips.push(performance.now() - t);
      }, 250);`);
      await options.waitForSelector('[data-role="collection"][data-state="ready"], [data-role="collection"][data-state="failed"]', { timeout: 600_000 });
      const took = (Date.now() - started) / 1000;
      const result = await options.$eval('[data-role="collection"]', (el) => `${el.getAttribute('data-state')}: ${el.querySelector('[data-role="collection-meta"]')?.textContent ?? el.textContent}`);
      const runTrips = (await options.evaluate('clearInterval(window.__probe), window.__trips')) as number[];
      seconds.push(took);
      trips.push(...runTrips);
      console.log(`run ${run + 1}: ${took.toFixed(1)} s (${result}); search round trips during it: median ${median(runTrips).toFixed(0)} ms, p95 ${p95(runTrips).toFixed(0)} ms, n=${runTrips.length}`);
    } finally {
      await session.close();
    }
  }
  console.log(`median import of ${lines.length} articles: ${median(seconds).toFixed(1)} s; search round trip during imports: median ${median(trips).toFixed(0)} ms, p95 ${p95(trips).toFixed(0)} ms`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
