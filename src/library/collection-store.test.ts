import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rawOpen } from './test-raw-open';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { memorySource } from '../lib/index/source';
import { openIndex } from '../lib/engine';
import { newCollection, runImport } from './collection-import';
import { CollectionIndex } from './collection-related';
import { ARTICLES, COLLECTIONS, COLLECTION_SEGMENTS, FILES } from './collection-schema';
import { IndexedDbCollections } from './collection-store';
import { RESTORE_STORES } from './restore-schema';
import { Library, libraryEngineOf, type LibraryEngine } from './library';
import { DB_VERSION, READ_VERSION, openingOf } from './records';
import { decodeSegment } from './segment';
import { IndexedDbStore, done } from './store';

const index = await openIndex(memorySource(buildFixtureFiles()));
const engine: LibraryEngine = libraryEngineOf(index);
const good = fixtureArticles.slice(0, 7);
const text = [...good.slice(0, 3).map((a) => JSON.stringify(a)), '{"id": "broken", ', ...good.slice(3).map((a) => JSON.stringify(a))].join('\n') + '\n';
let dbCount = 0;
const freshName = () => `sila-test-${++dbCount}`;

async function imported(name = freshName(), file = new Blob([text])) {
  const store = new IndexedDbCollections(name);
  const id = await store.stage(newCollection('newsroom.jsonl', file.size, 1000), file);
  return { store, id, name };
}


describe('IndexedDbCollections', () => {
  it('stages a file, imports it in chunks and drops the file when ready', async () => {
    const { store, id } = await imported();
    expect(await store.collection(id)).toMatchObject({ id, state: 'importing', name: 'newsroom' });
    expect(await store.file(id)).not.toBeNull();
    const ready = await runImport(store, engine, id, { chunkArticles: 2 });
    expect(ready).toMatchObject({ state: 'ready', articles: 7, skippedTotal: 1 });
    expect(ready.skipped[0].line).toBe(4);
    expect(await store.file(id)).toBeNull();
    expect((await store.articles(id)).map((a) => a.article.id).sort()).toEqual(good.map((a) => a.id).sort());
    const segments = await store.segments(id);
    expect(segments).toHaveLength(4);
    const ids = segments.flatMap((s) => [...decodeSegment(s).docIds]).sort((a, b) => a - b);
    expect(ids).toEqual((await store.articles(id)).map((a) => a.id).sort((a, b) => a - b));
    // The ranking reads it: an article's own text finds it, labelled with the collection.
    const related = await new CollectionIndex(store, engine).related({ title: good[2].title, text: good[2].body, urls: [] }, 3);
    expect(related[0].doc.id).toBe(good[2].id);
    expect(related[0].collection).toEqual({ id, name: 'newsroom' });
  });

  it('resumes after the last committed chunk, as a stopped worker would', async () => {
    const { store, id } = await imported();
    let asked = 0;
    await expect(runImport(store, engine, id, { chunkArticles: 2, stopped: () => ++asked > 1 })).rejects.toThrow('cancelled');
    expect(await store.collection(id)).toMatchObject({ state: 'importing', articles: 2 });
    // A new worker: a new connection over the same database.
    const again = new IndexedDbCollections((store as unknown as { connection: { name: string } }).connection.name);
    expect((await runImport(again, engine, id, { chunkArticles: 2 })).articles).toBe(7);
    expect(new Set((await again.articles(id)).map((a) => a.article.id)).size).toBe(7);
  });

  it('a refused write aborts whole: no article of that chunk is stored, and the error says why', async () => {
    const { store, id } = await imported();
    const put = IDBObjectStore.prototype.put;
    let chunks = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // The second chunk's record write is refused, after its articles and segment were added in the same transaction.
      if (this.name === COLLECTIONS && ++chunks === 2) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(runImport(store, engine, id, { chunkArticles: 2 })).rejects.toThrow(/refused more storage/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.collection(id)).toMatchObject({ state: 'importing', articles: 2, doneLine: 2 });
    expect(await store.articles(id)).toHaveLength(2);
    expect(await store.segments(id)).toHaveLength(1);
    expect((await runImport(store, engine, id, { chunkArticles: 2 })).articles).toBe(7);
  });

  it('remove takes the collection, its articles, segments and file, and nothing of another one', async () => {
    const { store, id, name } = await imported();
    await runImport(store, engine, id);
    const other = await store.stage(newCollection('half.jsonl', 10, 2000), new Blob([text]));
    await store.remove(other);
    expect(await store.counts()).toEqual({ [COLLECTIONS]: 1, [ARTICLES]: 7, [COLLECTION_SEGMENTS]: 1, [FILES]: 0 });
    await store.remove(id);
    expect(await store.counts()).toEqual({ [COLLECTIONS]: 0, [ARTICLES]: 0, [COLLECTION_SEGMENTS]: 0, [FILES]: 0 });
    expect(await store.collections()).toEqual([]);
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(true);
  });

  it('reading never creates the database', async () => {
    const name = freshName();
    const store = new IndexedDbCollections(name);
    expect(await store.collections()).toEqual([]);
    expect(await store.segments(1)).toEqual([]);
    await store.remove(1);
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });

  it('Forget everything (the reads’ store deleting the database) takes the collections too', async () => {
    const { store, id, name } = await imported();
    await runImport(store, engine, id);
    await new IndexedDbStore(name).destroy();
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
    expect(await store.collections()).toEqual([]);
  });
});

describe('database version 3', () => {
  it(`upgrades a version-2 library to ${DB_VERSION}: every read and segment kept, the collection stores added`, async () => {
    const name = freshName();
    // A profile as Sila's version-2 schema left it, with one remembered read and its segment.
    const v2 = await rawOpen(name, 2, (db) => {
      db.createObjectStore('reads', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
      db.createObjectStore('segments', { keyPath: 'key', autoIncrement: true });
    });
    const read = { v: 2, url: 'https://example.org/a', title: good[0].title, outlet: 'Example', published: '2026-01-02', text: good[0].body, readAt: 5 };
    const tx = v2.transaction(['reads'], 'readwrite');
    await done(tx.objectStore('reads').add(read));
    v2.close();

    const reads = new IndexedDbStore(name);
    const library = new Library(reads, engine);
    expect(await library.count()).toBe(1);
    const db = await rawOpen(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([ARTICLES, COLLECTION_SEGMENTS, COLLECTIONS, FILES, 'reads', 'segments', 'texts', ...RESTORE_STORES].sort());
    // Version 4: the record keeps its id and gets its text's opening; the text is kept whole beside it.
    const [stored] = (await done(db.transaction('reads').objectStore('reads').getAll())) as Record<string, unknown>[];
    expect(stored).toEqual({ v: READ_VERSION, id: 1, url: read.url, title: read.title, outlet: 'Example', published: '2026-01-02', opening: openingOf(read.text), readAt: 5 });
    expect(await done(db.transaction('texts').objectStore('texts').get(1))).toBe(read.text);
    db.close();
    // The read still answers (its segment built from the kept text), and a collection can be added beside it.
    const related = await library.related({ title: good[0].title, text: good[0].body, urls: [] }, 3);
    expect(related[0].read.url).toBe(read.url);
    const collections = new IndexedDbCollections(name);
    const id = await collections.stage(newCollection('x.jsonl', 1, 1), new Blob([text]));
    await runImport(collections, engine, id);
    expect(await library.count()).toBe(1);
    expect((await reads.segments()).length).toBe(1);
  });
});
