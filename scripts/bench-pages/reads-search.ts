/**
 * In Chromium, for scripts/bench-reads-search.ts. Two real IndexedDB libraries of the same reads: one in the
 * layout Sila 0631dc9 wrote (database version 2: the text inside each read record), read the way it read them
 * for search (every record fetched by id, the opening cut from the text); one written by today's
 * IndexedDbStore, read by Library.forSearch. Then today's store opens the old database, which runs the real
 * upgrade (split into records with their opening + texts), and the result is checked. Never shipped.
 */
import { IndexedDbStore } from '../../src/library/store';
import { Library } from '../../src/library/library';
import { buildSegment, encodeSegment } from '../../src/library/segment';
import { openingOf, type NewRead } from '../../src/library/records';

const OLD = 'sila-bench-reads-v2';
const NOW = 'sila-bench-reads-now';
const engine = { vocabulary: 'bench', query: () => { throw new Error('search asks no query'); }, weigh: () => { throw new Error('search does not weigh'); } };
const emptySegment = () => encodeSegment(buildSegment([]), engine.vocabulary);

const done = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
const gone = (name: string) => done(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);

/** The version-2 schema and records, as 0631dc9's store.ts made them. */
function openOld(): Promise<IDBDatabase> {
  const open = indexedDB.open(OLD, 2);
  open.onupgradeneeded = () => {
    const reads = open.result.createObjectStore('reads', { keyPath: 'id', autoIncrement: true });
    reads.createIndex('url', 'url', { unique: true });
    open.result.createObjectStore('segments', { keyPath: 'key', autoIncrement: true });
  };
  return done(open);
}

async function seed(reads: NewRead[]): Promise<{ old: number; now: number }> {
  await gone(OLD);
  await gone(NOW);
  const old = await openOld();
  for (const read of reads) {
    const tx = old.transaction(['reads', 'segments'], 'readwrite');
    const id = await done(tx.objectStore('reads').add({ v: 2, ...read }));
    tx.objectStore('segments').add({ stored: emptySegment(), for: id });
  }
  const oldCount = await done(old.transaction('reads').objectStore('reads').count());
  old.close();
  const store = new IndexedDbStore(NOW);
  for (const read of reads) await store.addRead(read, emptySegment);
  return { old: oldCount, now: (await store.readIds()).length };
}

/** One first search's read of the reads, on a fresh connection, as a new service-worker life does it. */
async function firstSearch(path: 'before' | 'now'): Promise<{ ms: number; reads: number; openingChars: number }> {
  const t0 = performance.now();
  let reads: { opening: string }[];
  if (path === 'now') {
    reads = await new Library(new IndexedDbStore(NOW), engine).forSearch();
  } else {
    const db = await openOld();
    const store = db.transaction('reads').objectStore('reads');
    const ids = (await done(store.getAllKeys())) as number[];
    const records = (await Promise.all(ids.map((id) => done(store.get(id))))) as (NewRead & { id: number })[];
    reads = records.map(({ text, ...r }) => ({ ...r, opening: openingOf(text) }));
    db.close();
  }
  const ms = performance.now() - t0;
  return { ms, reads: reads.length, openingChars: reads.reduce((s, r) => s + r.opening.length, 0) };
}

/** Today's store opening the version-2 database: the upgrade runs; every read keeps its id, opening and text. */
async function migrate(reads: NewRead[]): Promise<{ ms: number; reads: number; wrong: number }> {
  const t0 = performance.now();
  const store = new IndexedDbStore(OLD);
  const records = await store.allReads();
  const ms = performance.now() - t0;
  const texts = await store.texts(records.map((r) => r.id));
  const byUrl = new Map(reads.map((r) => [r.url, r]));
  const wrong = records.filter((r) => {
    const source = byUrl.get(r.url);
    return !source || r.v !== 3 || 'text' in r || r.opening !== openingOf(source.text) || texts.get(r.id) !== source.text;
  }).length;
  return { ms, reads: records.length, wrong };
}

(window as unknown as { __bench: unknown }).__bench = { seed, firstSearch, migrate };
document.title = 'ready';
