/** The reads' IndexedDB schema upgrades (fake-indexeddb): what an older Sila stored is carried into today's layout. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rawOpen } from './test-raw-open';
import { IndexedDbStore, done } from './store';
import { DB_VERSION, READ_VERSION, openingOf } from './records';
import { createCollectionStores } from './collection-schema';
import { RESTORE_STORES } from './restore-schema';
import { IndexedDbRestores } from './restore-store';

const long = 'نص المقال '.repeat(100);


describe(`reads upgraded to database version ${DB_VERSION}`, () => {
  it('a version-1 library (keyed by URL): usable reads get ids, openings and their texts apart; the rest is left out', async () => {
    const v1 = await rawOpen('sila-upgrade-v1', 1, (db) => db.createObjectStore('reads', { keyPath: 'url' }));
    const tx = v1.transaction('reads', 'readwrite');
    tx.objectStore('reads').add({ url: 'https://a.example/1', title: 'أ', outlet: 'A', published: null, text: long, readAt: 3 });
    tx.objectStore('reads').add({ url: 'javascript:alert(1)', title: 'x', text: 'x', readAt: 1 });
    await new Promise((ok) => (tx.oncomplete = ok));
    v1.close();
    const store = new IndexedDbStore('sila-upgrade-v1');
    const reads = await store.allReads();
    expect(reads).toEqual([{ v: READ_VERSION, id: 1, url: 'https://a.example/1', title: 'أ', outlet: 'A', published: null, opening: openingOf(long), readAt: 3 }]);
    expect(await store.texts([1])).toEqual(new Map([[1, long]]));
  });

  it('a version-2 library: each record keeps its id, a damaged one is dropped, a new read is stored in the new layout', async () => {
    const v2 = await rawOpen('sila-upgrade-v2', 2, (db) => {
      db.createObjectStore('reads', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
      db.createObjectStore('segments', { keyPath: 'key', autoIncrement: true });
    });
    const tx = v2.transaction('reads', 'readwrite');
    tx.objectStore('reads').add({ v: 2, url: 'https://a.example/1', title: 'أ', outlet: null, published: '2026-01-02', text: long, readAt: 3 });
    tx.objectStore('reads').add({ v: 2, url: 'https://a.example/2', title: 'ب', outlet: null, published: null, text: 42, readAt: 4 });
    tx.objectStore('reads').add({ v: 2, url: 'https://a.example/3', title: 'ج', outlet: 'C', published: null, text: 'قصير', readAt: 5 });
    await new Promise((ok) => (tx.oncomplete = ok));
    v2.close();
    const store = new IndexedDbStore('sila-upgrade-v2');
    expect((await store.allReads()).map((r) => [r.id, r.opening])).toEqual([[1, openingOf(long)], [3, 'قصير']]);
    expect(await store.texts([1, 2, 3])).toEqual(new Map([[1, long], [3, 'قصير']]));
    const id = await store.addRead({ url: 'https://a.example/4', title: 'د', outlet: null, published: null, text: long, readAt: 6 }, () => ({ v: 1, vocabulary: 'x', layout: { sections: [] } as never, bytes: new Uint8Array() }));
    expect((await store.reads([id]))[0]).not.toHaveProperty('text');
    expect((await store.texts([id])).get(id)).toBe(long);
    const db = await rawOpen('sila-upgrade-v2');
    expect(db.version).toBe(DB_VERSION);
    expect(await done(db.transaction('texts').objectStore('texts').count())).toBe(3);
    db.close();
  });
});

describe('database version 5', () => {
  it('a version-4 library keeps every read, text, segment and collection; the restore stores are added empty', async () => {
    const v4 = await rawOpen('sila-upgrade-v4', 4, (db) => {
      db.createObjectStore('reads', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
      db.createObjectStore('segments', { keyPath: 'key', autoIncrement: true });
      db.createObjectStore('texts');
      createCollectionStores(db);
    });
    const tx = v4.transaction(['reads', 'texts', 'segments', 'collections'], 'readwrite');
    const read = { v: READ_VERSION, url: 'https://a.example/1', title: 'أ', outlet: 'A', published: null, opening: openingOf(long), readAt: 3 };
    tx.objectStore('reads').add(read);
    tx.objectStore('texts').add(long, 1);
    tx.objectStore('segments').add({ stored: { v: 1, vocabulary: 'x', layout: { sections: [] }, bytes: new Uint8Array([1, 2]) } });
    tx.objectStore('collections').add({ v: 1, name: 'Desk', state: 'ready', articles: 0 });
    await new Promise((ok) => (tx.oncomplete = ok));
    v4.close();
    const store = new IndexedDbStore('sila-upgrade-v4');
    expect(await store.allReads()).toEqual([{ ...read, id: 1 }]);
    expect(await store.texts([1])).toEqual(new Map([[1, long]]));
    expect((await store.segments()).map((s) => [...s.stored.bytes])).toEqual([[1, 2]]);
    const restores = new IndexedDbRestores('sila-upgrade-v4');
    expect(await restores.restores()).toEqual([]);
    expect((await restores.collections()).map((c) => c.name)).toEqual(['Desk']);
    const db = await rawOpen('sila-upgrade-v4');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([...RESTORE_STORES, 'reads', 'texts', 'segments', 'collections']));
    db.close();
  });
});
