/**
 * npm run bench:library -- [--articles N] [--reads N] [--queries N] [--dev-queries] [--answers FILE]
 * The library's cost in node over the shipped index (public/index), everything in memory:
 * - the import pipeline: the first N articles of ../shared/corpus/egypt-2013 (default 10,000) read through the
 *   builder's line reader, weighed and committed in chunks (src/library/collection-import.ts);
 * - remembered reads (default 2,000), kept as the extension keeps them: each one through Library.remember (one
 *   segment per read, merged past MERGE_AT), the page's stored form as its text; the texts are other egypt-2013
 *   articles, after the collection's and the queries';
 * - related queries (the next articles of egypt-2013, neither imported nor read; with --dev-queries, ant-2018's
 *   dev queries, as `npm run eval` times them), warm after one untimed pass: the archive alone (what the page
 *   read stores) beside the whole answer the popup shows (the archive's, then the library's: reads and
 *   collection, src/library/sources.ts, merged with the archive's by confidence as the popup's pageResults does);
 * - typed searches (the queries' first title words) over the archive alone and with the collection beside it.
 * Each timing as median, p95 and max; the library results' snippets and chips (related-details.ts) timed apart.
 * --answers writes each page's whole answer (ids and confidences, then the library results' chips; one JSON line
 * a page), so that two builds' answers can be compared line by line. Not measured here (the browser half,
 * bench-library-chromium.ts): IndexedDB, Chromium, popup latency during an import.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGunzip } from 'node:zlib';
import { openIndex } from '../src/lib/engine';
import { CorpusLines } from '../src/lib/corpus/lines';
import type { ArticleSnapshot, RelatedResult } from '../src/lib/types';
import { newCollection, runImport } from '../src/library/collection-import';
import { CollectionIndex } from '../src/library/collection-related';
import { CollectionSearch, searchCollections } from '../src/library/collection-search';
import { mergeRelated } from '../src/library/related-merge';
import { mergeSearchResults } from '../src/library/search';
import { MemoryCollections } from '../src/library/memory-collections';
import { MemoryStore } from '../src/library/memory-store';
import { Library, libraryEngineOf } from '../src/library/library';
import { libraryRelated, type LibrarySources } from '../src/library/sources';
import { withDetails } from '../src/library/related-details';
import { relatedForSnapshot } from '../src/background/related-for-tab';
import { parseArgs, runMain } from './lib/args';
import { corpusDir, defaultIndexDir } from './paths';
import { openCorpus } from './lib/read-corpus';
import { dirSource } from './lib/dir-source';

/** Beside the bundled corpus's folder (SILA_CORPUS_DIR moves both). */
const egypt = join(corpusDir, '..', 'egypt-2013', 'articles.jsonl.gz');

interface Article {
  id: string;
  title: string;
  body: string;
  source?: string | null;
  published?: string | null;
}

/** egypt-2013 in file order, cut in three: the collection's JSONL text, the query articles, the reads' articles. */
async function egyptParts(collection: number, queries: number, reads: number): Promise<{ text: string; queries: Article[]; reads: Article[] }> {
  const lines = new CorpusLines();
  const kept: string[] = [];
  const asked: Article[] = [];
  const read: Article[] = [];
  for await (const chunk of createReadStream(egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article } of lines.push(chunk)) {
      if (kept.length < collection) kept.push(JSON.stringify(article));
      else if (asked.length < queries) asked.push(article);
      else if (read.length < reads) read.push(article);
    }
    if (read.length >= reads) break;
  }
  return { text: kept.join('\n') + '\n', queries: asked, reads: read };
}

/** tab-answer.ts STORED_TEXT_CHARS (that module needs the extension's browser API, so it is not imported here). */
const STORED_TEXT_CHARS = 20_000;

/** A page as the content script sends it, in the stored form the background ranks (tab-answer.ts storedForm). */
function snapshotOf(article: Article, url: string): ArticleSnapshot {
  return {
    isArticle: true,
    title: article.title,
    text: article.body.slice(0, STORED_TEXT_CHARS),
    lang: 'ar',
    dir: 'rtl',
    url,
    canonicalUrl: null,
    published: article.published ?? null,
    siteName: article.source ?? null,
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const stats = (xs: number[]) => ({ median: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2), max: +Math.max(...xs).toFixed(2) });

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), { flags: ['dev-queries'] });
  const n = args.num('articles', 10_000);
  const readCount = args.num('reads', 2_000);
  const q = args.num('queries', 200);
  const limit = 10;
  const parts = await egyptParts(n, q, readCount);
  const queries: Article[] = [];
  if (args.has('dev-queries')) for await (const a of openCorpus(resolve(corpusDir, 'dev-queries.jsonl.gz')).articles) queries.push(a);
  else queries.push(...parts.queries);
  const index = await openIndex(dirSource(defaultIndexDir));
  const engine = libraryEngineOf(index);

  const store = new MemoryCollections();
  const file = new Blob([parts.text]);
  const id = await store.stage(newCollection('egypt-2013.jsonl', file.size), file);
  const t0 = performance.now();
  const done = await runImport(store, engine, id);
  const importMs = performance.now() - t0;
  const collections = new CollectionIndex(store, engine);

  // The reads, one Library.remember each, a day apart, as the background keeps them (library-handlers.ts).
  const readStore = new MemoryStore();
  const library = new Library(readStore, engine);
  const t1 = performance.now();
  const day = 24 * 3600 * 1000;
  for (const [i, a] of parts.reads.entries()) {
    const page = snapshotOf(a, `https://news.example/${encodeURIComponent(a.id)}`);
    await library.remember({ url: page.url, title: page.title, outlet: page.siteName, published: page.published, text: page.text, readAt: Date.UTC(2026, 0, 1) + i * day });
  }
  const rememberMs = performance.now() - t1;
  const sources: LibrarySources = { reads: async () => library, collections: async () => ({ index: collections, search: new CollectionSearch(store) }) };

  const pages = queries.map((query, i) => snapshotOf(query, `https://page.example/${i}`));
  /** The popup's list for a page: the archive's answer (stored when the page was read), then the library's, merged. */
  const wholeAnswer = async (page: ArticleSnapshot): Promise<RelatedResult[]> => {
    const archive = (await relatedForSnapshot(index, page, limit)).results;
    const l0 = performance.now();
    const urls = [page.url, page.canonicalUrl].filter((u): u is string => !!u);
    const mine = await libraryRelated(sources, { title: page.title, text: page.text, published: page.published, urls }, limit);
    const list = mine.length === 0 ? archive.slice(0, limit) : mergeRelated([archive, mine], { limit, ownUrls: urls });
    libraryShare.push(performance.now() - l0);
    lastMine = mine;
    return list;
  };
  /**
   * The snippets and chips of the library's results of the page wholeAnswer just answered, as library-handlers.ts
   * adds them: timed apart, so that the whole answer stays comparable with earlier runs.
   */
  const libraryDetails = async (page: ArticleSnapshot): Promise<string[][]> => {
    const d0 = performance.now();
    const detailed = await withDetails(lastMine, { title: page.title, body: page.text, published: page.published }, details);
    detailsMs.push(performance.now() - d0);
    return detailed.map((r) => r.sharedTerms);
  };
  let lastMine: RelatedResult[] = [];
  const details = {
    openings: async (ids: number[]) => new Map((await readStore.reads(ids)).map((r) => [r.id, r.opening])),
    chips: (page: { title: string; body: string }, articles: { title: string; body: string }[]) => index.sharedTermsOutside(page, articles),
  };
  let detailsMs: number[] = [];
  /** The library's part of each whole answer (the reads, the collection and the merge), what the popup waits for. */
  let libraryShare: number[] = [];
  // Warm, as `npm run bench` and `npm run eval` time queries: one untimed pass first, so that reading the
  // postings files, decoding the segments and the JIT's tiers are not counted as query time.
  for (const page of pages) {
    await relatedForSnapshot(index, page, limit);
    await wholeAnswer(page);
    await libraryDetails(page);
  }
  // A pause, as between a page's read and the popup: the library's background steps (its segments seen as one,
  // segment-view.ts) run when the worker is idle.
  await new Promise((done) => setTimeout(done, 1000));
  // Alternating per page, so that a noisy moment of the machine falls on both.
  const archive: number[] = [];
  const whole: number[] = [];
  libraryShare = [];
  detailsMs = [];
  let fromLibrary = 0;
  const answers: string[] = [];
  // CPU time too (this process's, process.cpuUsage): on a machine shared with other work the wall time also
  // counts the moments another process had the core.
  const archiveCpu: number[] = [];
  const wholeCpu: number[] = [];
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  // The whole answer is timed on another page than the archive's just before it: the engine keeps the last page's
  // analysis (for the library's question about the page the archive ranked), and that must not be timed as free.
  const half = Math.floor(pages.length / 2);
  for (const [i, page] of pages.entries()) {
    const a = performance.now();
    const aCpu = cpuMs();
    await relatedForSnapshot(index, page, limit);
    const b = performance.now();
    const bCpu = cpuMs();
    const shown = await wholeAnswer(pages[(i + half) % pages.length]);
    const c = performance.now();
    archiveCpu.push(bCpu - aCpu);
    wholeCpu.push(cpuMs() - bCpu);
    const chips = await libraryDetails(pages[(i + half) % pages.length]);
    archive.push(b - a);
    whole.push(c - b);
    fromLibrary += shown.filter((r) => r.readAt !== undefined || r.collection !== undefined).length;
    answers[(i + half) % pages.length] = JSON.stringify([shown.map((r) => [r.doc.id, r.confidence]), chips]);
  }
  const answersFile = args.get('answers');
  if (answersFile) writeFileSync(answersFile, answers.join('\n') + '\n');

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
  const segmentBytes = (await store.segments(id)).reduce((s, x) => s + x.bytes.byteLength, 0);
  console.log(JSON.stringify({
    articles: done.articles,
    skipped: done.skippedTotal,
    importMs: Math.round(importMs),
    articlesPerSecond: Math.round(done.articles / (importMs / 1000)),
    segmentMB: +(segmentBytes / 1e6).toFixed(2),
    reads: await library.count(),
    rememberMsPerRead: +(rememberMs / Math.max(1, parts.reads.length)).toFixed(2),
    queries: pages.length,
    relatedArchiveMs: stats(archive),
    relatedWholeMs: stats(whole),
    relatedWholeOverArchive: +(pct(whole, 50) / pct(archive, 50)).toFixed(2),
    relatedLibraryShareMs: stats(libraryShare),
    relatedLibraryDetailsMs: stats(detailsMs),
    relatedArchiveCpuMs: stats(archiveCpu),
    relatedWholeCpuMs: stats(wholeCpu),
    libraryResultsShown: fromLibrary,
    searchArchiveMs: stats(searchArchive),
    searchMergedMs: stats(searchMerged),
    searchMergedOverArchive: +(pct(searchMerged, 50) / pct(searchArchive, 50)).toFixed(2),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }, null, 1));
});
