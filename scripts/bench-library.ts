/**
 * npm run bench:library -- [--articles N] [--queries N] [--dev-queries]
 * The import pipeline's own cost, in node over the shipped index (public/index): the first N articles of
 * ../shared/corpus/egypt-2013 (default 10,000) read through the builder's line reader, weighed and committed in
 * chunks (src/library/collection-import.ts, into the in-memory store), then related queries (the next articles
 * of egypt-2013, not imported; with --dev-queries, ant-2018's dev queries, as `npm run eval` times them) against the bundled archive alone and with the collection beside it, same run:
 * the collection's own ranking, and the whole related answer (archive + collection, merged by confidence as
 * the popup does, src/library/related-merge.ts) against the archive's alone; then typed searches (the queries'
 * first title words) over the archive alone and with the collection scored beside it (collection-search.ts).
 * Not measured here (left for the browser half): IndexedDB writes, Chromium, popup latency during an import.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGunzip } from 'node:zlib';
import { resolve } from 'node:path';
import { openIndex } from '../src/lib/engine';
import { CorpusLines } from '../src/lib/corpus/lines';
import { newCollection, runImport } from '../src/library/collection-import';
import { CollectionIndex } from '../src/library/collection-related';
import { CollectionSearch, searchCollections } from '../src/library/collection-search';
import { collectionScoped, mergeRelated } from '../src/library/related-merge';
import { mergeSearchResults } from '../src/library/search';
import { MemoryCollections } from '../src/library/memory-collections';
import { libraryEngineOf } from '../src/library/library';
import { parseArgs, runMain } from './lib/args';
import { corpusDir, defaultIndexDir } from './paths';
import { openCorpus } from './lib/read-corpus';
import { dirSource } from './lib/dir-source';

const egypt = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');

/** The first `n` lines of the gzip file as JSONL text, plus the next `extra` articles as queries. */
async function firstLines(n: number, extra: number): Promise<{ text: string; queries: { title: string; body: string }[] }> {
  const lines = new CorpusLines();
  const kept: string[] = [];
  const queries: { title: string; body: string }[] = [];
  for await (const chunk of createReadStream(egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article } of lines.push(chunk)) {
      if (kept.length < n) kept.push(JSON.stringify(article));
      else if (queries.length < extra) queries.push({ title: article.title, body: article.body });
    }
    if (queries.length >= extra) break;
  }
  return { text: kept.join('\n') + '\n', queries };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), { flags: ['dev-queries'] });
  const n = Number(args.get('articles') ?? 10_000);
  const q = Number(args.get('queries') ?? 200);
  const { text, queries: egyptQueries } = await firstLines(n, q);
  const queries: { title: string; body: string; published?: string | null }[] = [];
  if (args.has('dev-queries')) for await (const a of openCorpus(resolve(corpusDir, 'dev-queries.jsonl.gz')).articles) queries.push(a);
  else queries.push(...egyptQueries);
  const index = await openIndex(dirSource(defaultIndexDir));
  const engine = libraryEngineOf(index);
  const store = new MemoryCollections();
  const file = new Blob([text]);
  const id = await store.stage(newCollection('egypt-2013.jsonl', file.size), file);
  const t0 = performance.now();
  const done = await runImport(store, engine, id);
  const importMs = performance.now() - t0;
  const collections = new CollectionIndex(store, engine);
  await collections.related({ title: '', text: 'مصر', urls: [] }, 1); // decode the segments once
  // Warm, as `npm run bench` and `npm run eval` time queries: one untimed pass first, so that reading the
  // postings files and the JIT's tiers are not counted as query time.
  for (const query of queries) {
    await index.related(query, { k: 10 });
    await collections.related({ title: query.title, text: query.body, urls: [] }, 10);
  }
  const archive: number[] = [];
  const withCollection: number[] = [];
  const merged: number[] = [];
  for (const query of queries) {
    const a = performance.now();
    const bundled = await index.related(query, { k: 10 });
    const b = performance.now();
    const mine = await collections.related({ title: query.title, text: query.body, urls: [] }, 10);
    mergeRelated([bundled, mine.map(collectionScoped)], { limit: 10 });
    const c = performance.now();
    archive.push(b - a);
    withCollection.push(c - b);
    merged.push(c - a);
  }
  // Typed searches: the first two title words of each query, as a reader would type them.
  const search = new CollectionSearch(store);
  const typed = queries.map((query) => query.title.split(/\s+/).slice(0, 2).join(' '));
  await searchCollections(index, await search.articles(), typed[0], 10); // analyse the collection's titles once
  const searchArchive: number[] = [];
  const searchMerged: number[] = [];
  for (const words of typed) {
    const a = performance.now();
    const bundled = await index.search(words, { k: 10 });
    const b = performance.now();
    mergeSearchResults([bundled, await searchCollections(index, await search.articles(), words, 10)], 10);
    const c = performance.now();
    searchArchive.push(b - a);
    searchMerged.push(c - a);
  }
  const stats = (xs: number[]) => ({ median: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2) });
  const segmentBytes = (await store.segments(id)).reduce((s, x) => s + x.bytes.byteLength, 0);
  console.log(JSON.stringify({
    articles: done.articles,
    skipped: done.skippedTotal,
    importMs: Math.round(importMs),
    articlesPerSecond: Math.round(done.articles / (importMs / 1000)),
    segmentMB: +(segmentBytes / 1e6).toFixed(2),
    relatedArchiveMs: { median: +pct(archive, 50).toFixed(2), p95: +pct(archive, 95).toFixed(2) },
    relatedCollectionExtraMs: { median: +pct(withCollection, 50).toFixed(2), p95: +pct(withCollection, 95).toFixed(2) },
    relatedMergedMs: stats(merged),
    relatedMergedOverArchive: +(pct(merged, 50) / pct(archive, 50)).toFixed(2),
    searchArchiveMs: stats(searchArchive),
    searchMergedMs: stats(searchMerged),
    searchMergedOverArchive: +(pct(searchMerged, 50) / pct(searchArchive, 50)).toFixed(2),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }, null, 1));
});
