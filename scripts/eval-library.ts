/**
 * npm run eval:library -- [--distractors N]
 * Are a user's own articles found? The same-story articles of the dev queries (near-duplicates.jsonl pairs whose
 * one side is a dev query, as `npm run eval` counts them) are imported as a collection, together with N unrelated
 * egypt-2013 articles (default 10,000), through the extension's import (src/library/collection-import.ts, in-memory
 * store); then each dev query's related list is merged from the bundled archive and the collection as the popup
 * merges it. Printed: the share of pairs whose collection copy is in the merged top 5, and in the collection's own
 * top 5. The copies carry no URL, so the archive's copy of the same article (one card per URL) cannot hide them.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { openIndex } from '../src/lib/engine';
import { CorpusLines } from '../src/lib/corpus/lines';
import type { CorpusArticle } from '../src/lib/types';
import { newCollection, runImport } from '../src/library/collection-import';
import { CollectionIndex } from '../src/library/collection-related';
import { MemoryCollections } from '../src/library/memory-collections';
import { collectionScoped, mergeRelated } from '../src/library/related-merge';
import { libraryEngineOf } from '../src/library/library';
import { parseArgs, runMain } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';
import { openCorpus } from './lib/read-corpus';
import { corpusDir, defaultCorpusFile } from './paths';

const egypt = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'egypt-2013', 'articles.jsonl.gz');

async function firstEgypt(n: number): Promise<CorpusArticle[]> {
  const lines = new CorpusLines();
  const out: CorpusArticle[] = [];
  for await (const chunk of createReadStream(process.env.SILA_EGYPT_FILE || egypt).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    for (const { article } of lines.push(chunk)) if (out.length < n) out.push(article);
    if (out.length >= n) break;
  }
  return out;
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const distractors = args.num('distractors', 10_000);
  const queries = new Map<string, CorpusArticle>();
  for await (const a of openCorpus(resolve(corpusDir, 'dev-queries.jsonl.gz')).articles) queries.set(a.id, a);
  // Each pair once, oriented from its dev query to the other article (as sameStoryRecall orients them).
  const pairs: { query: string; other: string }[] = [];
  for (const line of readFileSync(resolve(corpusDir, 'near-duplicates.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const { a, b } = JSON.parse(line) as { a: string; b: string };
    if (queries.has(a) && !queries.has(b)) pairs.push({ query: a, other: b });
    else if (queries.has(b) && !queries.has(a)) pairs.push({ query: b, other: a });
  }
  const wanted = new Set(pairs.map((p) => p.other));
  const copies: CorpusArticle[] = [];
  for await (const a of openCorpus(defaultCorpusFile).articles) if (wanted.has(a.id)) copies.push({ ...a, url: undefined });

  const index = await openIndex(dirSource(await ensureIndex(defaultCorpusFile)));
  const engine = libraryEngineOf(index);
  const store = new MemoryCollections();
  const text = [...copies, ...(await firstEgypt(distractors))].map((a) => JSON.stringify(a)).join('\n') + '\n';
  const file = new Blob([text]);
  const id = await store.stage(newCollection('same-story.jsonl', file.size), file);
  const imported = await runImport(store, engine, id);
  const collection = new CollectionIndex(store, engine);

  let inMerged = 0;
  let inOwn = 0;
  const missed: string[] = [];
  for (const { query, other } of pairs) {
    const q = queries.get(query)!;
    const urls = q.url ? [q.url] : [];
    const bundled = await index.related({ title: q.title, body: q.body, published: q.published ?? null }, { k: 10 });
    const mine = (await collection.related({ title: q.title, text: q.body, published: q.published ?? null, urls }, 10)).map(collectionScoped);
    const copyId = `collection:${id}:${other}`;
    const merged = mergeRelated([bundled, mine], { limit: 5, ownUrls: urls });
    if (merged.some((r) => r.doc.id === copyId)) inMerged++;
    else missed.push(`${query}→${other}`);
    if (mine.slice(0, 5).some((r) => r.doc.id === copyId)) inOwn++;
  }
  console.log(JSON.stringify({
    pairs: pairs.length,
    collectionArticles: imported.articles,
    copiesImported: copies.length,
    foundInMergedTop5: +(inMerged / pairs.length).toFixed(3),
    foundInCollectionTop5: +(inOwn / pairs.length).toFixed(3),
    missed,
  }, null, 1));
});
