/**
 * npx tsx scripts/bench-library-details.ts [--pages N]
 * What the details of the library's shown results (src/library/related-details.ts) add to a page's library
 * answer, in node over the shipped index: the chips of 8 results (SilaIndex.sharedTermsOutside: the page's
 * analysis, kept per page, and the 8 titles and snippets), beside the page's library query (libraryQuery), the
 * analysis every library answer already makes. Pages and results: egypt-2013 articles (../shared, read at run time).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openIndex } from '../src/lib/engine';
import { OPENING_CHARS } from '../src/library/records';
import { parseArgs, runMain } from './lib/args';
import { defaultIndexDir } from './paths';
import { openCorpus } from './lib/read-corpus';
import { dirSource } from './lib/dir-source';

const egypt = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

runMain(async () => {
  const pages = parseArgs(process.argv.slice(2)).num('pages', 60);
  const articles: { title: string; body: string }[] = [];
  for await (const a of openCorpus(egypt).articles) {
    articles.push({ title: a.title, body: a.body });
    if (articles.length >= pages * 9) break;
  }
  const index = await openIndex(dirSource(defaultIndexDir));
  const query: number[] = [];
  const chips: number[] = [];
  const again: number[] = [];
  let shown = 0;
  for (let i = 0; i < pages; i++) {
    const page = articles[i * 9];
    const results = articles.slice(i * 9 + 1, i * 9 + 9).map((a) => ({ title: a.title, body: a.body.slice(0, OPENING_CHARS) }));
    // In alternating order, so that neither is timed only second (a page's first analysis warms what the next reads).
    let got: string[][] = [];
    let t = 0;
    const timeQuery = () => ((t = performance.now()), index.libraryQuery(page), query.push(performance.now() - t));
    const timeChips = () => ((t = performance.now()), (got = index.sharedTermsOutside(page, results)), chips.push(performance.now() - t));
    if (i % 2) (timeQuery(), timeChips());
    else (timeChips(), timeQuery());
    shown += got.filter((c) => c.length > 0).length;
    // The same page again: its analysis is kept, so this is the chips' own part.
    t = performance.now();
    index.sharedTermsOutside(page, results);
    again.push(performance.now() - t);
  }
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`${pages} pages, 8 results each (${shown} of ${pages * 8} with chips)`);
  console.log(`library query (analysis), per page: median ${ms(median(query))}, p95 ${ms(p95(query))}`);
  console.log(`details' chips, per page:           median ${ms(median(chips))}, p95 ${ms(p95(chips))} (×${(median(chips) / median(query)).toFixed(2)} the query)`);
  console.log(`  of which the chips alone (page analysed): median ${ms(median(again))}, p95 ${ms(p95(again))}`);
});
