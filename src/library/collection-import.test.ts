import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { memorySource } from '../lib/index/source';
import { openIndex } from '../lib/engine';
import { CorpusLines } from '../lib/corpus/lines';
import { ImportCancelled, MAX_REPORTED_SKIPS, SkipReport, newCollection, runImport } from './collection-import';
import { corpusLines, gzipText, readAsArticle, type BackupLine } from './collection-export';
import { MemoryCollections } from './memory-collections';
import { decodeSegment } from './segment';
import { libraryEngineOf, type LibraryEngine } from './library';

const index = await openIndex(memorySource(buildFixtureFiles()));
const engine: LibraryEngine = libraryEngineOf(index);
const good = fixtureArticles.slice(0, 7);
// Lines 3 and 6 are bad (not JSON; no body), line 8 repeats an id: reported with the builder's numbers and reasons.
const fileLines = [
  JSON.stringify(good[0]),
  JSON.stringify(good[1]),
  '{"id": "broken", ',
  JSON.stringify(good[2]),
  JSON.stringify(good[3]),
  JSON.stringify({ id: 'nobody', title: 'x' }),
  JSON.stringify(good[4]),
  JSON.stringify({ ...good[5], id: good[0].id }),
  JSON.stringify(good[5]),
  JSON.stringify(good[6]),
];
const text = fileLines.join('\n') + '\n';

async function staged(file: Blob, store = new MemoryCollections()) {
  const id = await store.stage(newCollection('my-archive.jsonl.gz', file.size, 1000), file);
  return { store, id };
}

describe('importing a collection file', () => {
  it('keeps the good lines and reports the bad ones by number and reason, as the builder does', async () => {
    const { store, id } = await staged(new Blob([gzipSync(text)]));
    const done = await runImport(store, engine, id, { chunkArticles: 2 });
    expect(done.state).toBe('ready');
    expect(done.articles).toBe(7);
    expect(done.skipped.map((s) => [s.line, s.code])).toEqual([
      [3, 'not-json'],
      [6, 'missing-field'],
      [8, 'duplicate-id'],
    ]);
    expect(done.skipped[1].reason).toBe('line 6: required field "body" is missing');
    expect((await store.articles(id)).map((a) => a.article.id).sort()).toEqual(good.map((a) => a.id).sort());
    // Every article is in exactly one segment, over the ids the store gave it, and the file is no longer kept.
    const segmentIds = (await store.segments(id)).flatMap((s) => [...decodeSegment(s).docIds]);
    expect(segmentIds.sort((a, b) => a - b)).toEqual((await store.articles(id)).map((a) => a.id).sort((a, b) => a - b));
    expect(await store.file(id)).toBeNull();
    expect(done.name).toBe('my-archive');
  });

  it('reads plain JSONL the same way', async () => {
    const { store, id } = await staged(new Blob([text]));
    expect((await runImport(store, engine, id)).articles).toBe(7);
  });

  it('stops at a cancel between chunks, leaving the collection not ready', async () => {
    const { store, id } = await staged(new Blob([text]));
    let asked = 0;
    await expect(runImport(store, engine, id, { chunkArticles: 2, stopped: () => ++asked > 1 })).rejects.toBeInstanceOf(ImportCancelled);
    expect((await store.collection(id))!.state).toBe('importing');
    expect((await store.collection(id))!.articles).toBe(2);
    await store.remove(id);
    expect(await store.collections()).toEqual([]);
    expect(store.articles_.size + store.segments_.length + store.files.size).toBe(0);
  });

  it('resumes a stopped import after its last committed line: no article twice, none lost, skips reported once', async () => {
    const { store, id } = await staged(new Blob([text]));
    let asked = 0;
    // A worker stopped after two chunks: what it committed is all that is left of it.
    await expect(runImport(store, engine, id, { chunkArticles: 2, stopped: () => ++asked > 2 })).rejects.toBeInstanceOf(ImportCancelled);
    const half = (await store.collection(id))!;
    expect(half).toMatchObject({ state: 'importing', articles: 4, doneLine: 5 });
    const done = await runImport(store, engine, id, { chunkArticles: 2 });
    expect(done.articles).toBe(7);
    expect((await store.articles(id)).map((a) => a.article.id).sort()).toEqual(good.map((a) => a.id).sort());
    expect(done.skipped.map((s) => s.line)).toEqual([3, 6, 8]);
  });

  it('a refused write keeps what was committed and reports the full disk', async () => {
    const { store, id } = await staged(new Blob([text]));
    let chunks = 0;
    const failing = { ...engine, weigh: (a: { title: string; body: string }) => (++chunks === 3 && (store.failNextWrite = 'QuotaExceededError'), engine.weigh(a)) };
    await expect(runImport(store, failing, id, { chunkArticles: 2 })).rejects.toThrow(/refused more storage/);
    expect((await store.collection(id))!).toMatchObject({ state: 'importing', articles: 2 });
    expect((await runImport(store, engine, id, { chunkArticles: 2 })).articles).toBe(7);
  });

  it('a file with no article is an error naming the first bad line', async () => {
    const { store, id } = await staged(new Blob(['nope\n{"id":1}\n']));
    await expect(runImport(store, engine, id)).rejects.toThrow(/no article in the corpus schema.*line 1: not valid JSON/);
  });

  it('a truncated gzip file is reported, not half-imported', async () => {
    const zipped = gzipSync(text);
    const { store, id } = await staged(new Blob([zipped.subarray(0, zipped.length - 30)]));
    await expect(runImport(store, engine, id)).rejects.toThrow(/could not be read to the end/);
    expect((await store.collection(id))!.state).toBe('importing');
  });

  it('rename and switch off change only the record', async () => {
    const { store, id } = await staged(new Blob([text]));
    const done = await runImport(store, engine, id);
    await store.update({ ...done, name: 'Newsroom 2013', enabled: false });
    expect(await store.collection(id)).toMatchObject({ name: 'Newsroom 2013', enabled: false, articles: 7 });
    expect((await store.articles(id)).length).toBe(7);
  });
});

describe('exporting the library', () => {
  it('round-trips collections and reads through the builder’s reader', async () => {
    const { store, id } = await staged(new Blob([text]));
    await runImport(store, engine, id);
    const read = { id: 4, url: 'https://example.org/a', title: 'قراءة', outlet: 'Example', published: '2026-01-02', text: 'نص المقال', readAt: 5 };
    const articles: BackupLine[] = [...(await store.articles(id)).map((a) => a.article), readAsArticle(read)];
    const zipped = new Uint8Array(await (await gzipText(corpusLines(articles))).arrayBuffer());
    const plain = new Uint8Array(await new Response(new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    const lines = new CorpusLines();
    const back = [...lines.push(plain), ...lines.end()].map((a) => a.article);
    expect(lines.skippedTotal).toBe(0);
    // The backup's own field (`sila`, backup-format.ts) is one the reader leaves out; every other field comes back.
    expect(back).toEqual(articles.map(({ sila: _, ...article }) => article));
    expect(back.at(-1)).toMatchObject({ id: 'read-4', body: 'نص المقال', source: 'Example' });
  });
});

describe('exportLibrary', () => {
  it('writes the reads and every ready collection, an id used twice made unique, and reads back whole', async () => {
    const { exportLibrary } = await import('./collection-export');
    const { MemoryStore } = await import('./memory-store');
    const { store, id } = await staged(new Blob([text]));
    await runImport(store, engine, id);
    // A second collection holding another article under one of the first's ids, and a third still importing (not exported).
    const other = { ...good[1], id: good[0].id, title: `${good[1].title} (another desk)` };
    const again = await store.stage(newCollection('again.jsonl', 1, 2000), new Blob([JSON.stringify(other) + '\n']));
    await runImport(store, engine, again);
    await store.stage(newCollection('half.jsonl', 1, 3000), new Blob([JSON.stringify(good[1]) + '\n']));
    const reads = new MemoryStore();
    // Longer than the opening its record keeps: the export carries the whole text, stored apart.
    const readText = 'نص المقال '.repeat(100);
    await reads.addRead({ url: 'https://example.org/a', title: 'قراءة', outlet: null, published: null, text: readText, readAt: 5 }, () => ({ v: 1, vocabulary: 'x', layout: {} as never, bytes: new Uint8Array() }));
    const { file, articles } = await exportLibrary(reads, store);
    expect(articles).toBe(1 + 7 + 1);
    const plain = new Uint8Array(await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    const lines = new CorpusLines();
    const all = [...lines.push(plain), ...lines.end()];
    const back = all.map((a) => a.article.id);
    expect(all[0].article.body).toBe(readText.trim());
    expect(lines.skippedTotal).toBe(0);
    expect(back).toEqual(['read-1', ...(await store.articles(id)).map((a) => a.article.id), `${good[0].id}~${again}`]);
  });
});

describe('a collection answers related queries, labelled', () => {
  it('finds an imported article for its own text, with the collection named; off or removed: not at all', async () => {
    const { CollectionIndex } = await import('./collection-related');
    const { store, id } = await staged(new Blob([text]));
    const done = await runImport(store, engine, id);
    const collections = new CollectionIndex(store, engine);
    const page = { title: good[2].title, text: good[2].body, urls: [] };
    const results = await collections.related(page, 5);
    expect(results[0]).toMatchObject({ doc: { id: good[2].id }, collection: { id, name: 'my-archive' } });
    expect(results[0].confidence).toBeGreaterThan(0.5);
    await store.update({ ...done, enabled: false });
    collections.forget();
    expect(await collections.related(page, 5)).toEqual([]);
    await store.update(done);
    await store.remove(id);
    collections.forget();
    expect(await collections.related(page, 5)).toEqual([]);
  });

  it('an import not yet flipped ready is invisible', async () => {
    const { CollectionIndex } = await import('./collection-related');
    const { store, id } = await staged(new Blob([text]));
    await expect(runImport(store, engine, id, { chunkArticles: 2, stopped: () => true })).rejects.toBeInstanceOf(ImportCancelled);
    await runImport(store, engine, id, { chunkArticles: 2, stopped: (() => { let n = 0; return () => ++n > 2; })() }).catch(() => undefined);
    expect(store.articles_.size).toBeGreaterThan(0);
    expect(await new CollectionIndex(store, engine).related({ title: good[0].title, text: good[0].body, urls: [] }, 5)).toEqual([]);
  });
});

describe('SkipReport', () => {
  const skip = (line: number) => ({ line, code: 'not-object' as const, why: { key: 'not-object' as const, params: [] as [] }, reason: `line ${line}: not a JSON object` });

  it('keeps each skip with the first commit covering its line, in line order, once; a resumed run only lines after its last', () => {
    const report = new SkipReport({ skipped: [skip(2)], skippedTotal: 1 }, 4);
    for (const line of [3, 9, 6, 5]) report.add(skip(line)); // line 3 is in the record already (done before the stop)
    report.keepUpTo(6);
    expect(report.kept()).toEqual({ skipped: [skip(2), skip(5), skip(6)], skippedTotal: 3 });
    expect(report.hasPending).toBe(true);
    report.keepUpTo(6);
    expect(report.kept().skippedTotal).toBe(3);
    report.keepUpTo(9);
    expect(report.kept().skipped.map((s) => s.line)).toEqual([2, 5, 6, 9]);
    expect(report.hasPending).toBe(false);
  });

  it('counts every skip and lists the first MAX_REPORTED_SKIPS', () => {
    const report = new SkipReport({ skipped: [], skippedTotal: 0 }, 0);
    for (let line = 1; line <= MAX_REPORTED_SKIPS + 5; line++) report.add(skip(line));
    report.keepUpTo(Infinity);
    expect(report.kept().skippedTotal).toBe(MAX_REPORTED_SKIPS + 5);
    expect(report.kept().skipped).toHaveLength(MAX_REPORTED_SKIPS);
  });
});
