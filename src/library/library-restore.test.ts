/**
 * Restore from a backup (fake-indexeddb): a library exported, forgotten and restored has its reads back as
 * reads (when read, outlet, ranked) and its collection back by name, ready; restored twice nothing doubles;
 * a stop part-way resumes to the same library; bad lines are reported by number; the backup still reads whole
 * through the builder's reader.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { memorySource } from '../lib/index/source';
import { openIndex } from '../lib/engine';
import { CorpusLines } from '../lib/corpus/lines';
import { exportLibrary, gzipText } from './collection-export';
import { ImportCancelled, newCollection, runImport } from './collection-import';
import { CollectionIndex } from './collection-related';
import { IndexedDbCollections } from './collection-store';
import { Library, libraryEngineOf, type LibraryEngine } from './library';
import { NotABackup, newRestore, runRestore } from './library-restore';
import { IndexedDbRestores } from './restore-store';
import { IndexedDbStore } from './store';

const index = await openIndex(memorySource(buildFixtureFiles()));
const engine: LibraryEngine = libraryEngineOf(index);
const asRead = (i: number) => {
  const a = fixtureArticles[i];
  return { url: `https://example.org/read/${i}`, title: a.title, outlet: `Outlet ${i}`, published: a.published ?? null, text: a.body, readAt: Date.UTC(2026, 10, i + 1) };
};
const READS = [0, 1, 2, 3, 4];
const IN_COLLECTION = fixtureArticles.slice(5, 12);
let dbCount = 0;

/** A library with five reads and one collection (seven articles, one of them with an id a read has). */
async function aLibrary() {
  const name = `sila-restore-${++dbCount}`;
  const library = new Library(new IndexedDbStore(name), engine);
  for (const i of READS) await library.remember(asRead(i));
  const collections = new IndexedDbCollections(name);
  const lines = IN_COLLECTION.map((a, i) => JSON.stringify(i === 0 ? { ...a, id: 'read-1' } : a)).join('\n');
  const id = await collections.stage(newCollection('desk.jsonl', lines.length, Date.UTC(2026, 10, 20)), new Blob([lines]));
  await runImport(collections, engine, id);
  return { name, library, collections };
}

const exported = async (name: string) => (await exportLibrary(new IndexedDbStore(name), new IndexedDbCollections(name))).file;
const text = async (file: Blob) => gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8');

async function restored(name: string, file: Blob, chunkArticles = 3) {
  const restores = new IndexedDbRestores(name);
  const id = await restores.stageRestore(newRestore('sila-library.jsonl.gz', file.size), file);
  return runRestore(restores, engine, id, { chunkArticles });
}

/** What a library holds, as a user would see it: reads (address, when, outlet) and collections (name, articles). */
async function contents(name: string) {
  const reads = (await new IndexedDbStore(name).allReads()).map((r) => [r.url, r.readAt, r.outlet, r.published]).sort();
  const store = new IndexedDbCollections(name);
  const collections = await Promise.all(
    (await store.collections()).map(async (c) => ({ name: c.name, fileName: c.fileName, addedAt: c.addedAt, state: c.state, enabled: c.enabled, articles: (await store.articles(c.id)).map((a) => a.article.id).sort() })),
  );
  return { reads, collections };
}

describe('restore from a backup', () => {
  it('a library exported, forgotten and restored is the same library: reads as reads, the collection by name', async () => {
    const { name } = await aLibrary();
    const before = await contents(name);
    const backup = await exported(name);
    await new IndexedDbStore(name).destroy();
    expect((await contents(name)).reads).toEqual([]);

    const done = await restored(name, backup);
    expect(done).toMatchObject({ state: 'done', reads: 5, readsKnown: 0, articles: 7, articlesKnown: 0, skippedTotal: 0 });
    expect(await contents(name)).toEqual(before);
    expect(before.collections[0].articles).toContain('read-1'); // its own id back, not the export's `read-1~1`
    // The same backup again: byte for byte what the first export wrote.
    expect(await text(await exported(name))).toBe(await text(backup));

    // They answer: a read ranks for its own text (labelled by when it was read), the collection is listed ready.
    const library = new Library(new IndexedDbStore(name), engine);
    const a = asRead(2);
    const segments = await new IndexedDbStore(name).segments();
    const related = await library.related({ title: a.title, text: a.text, urls: [] }, 3);
    // The restore's segments cover its reads as stored: the first ranking weighs nothing again (it would merge them).
    expect(await new IndexedDbStore(name).segments()).toEqual(segments);
    expect(related[0].read).toMatchObject({ url: a.url, readAt: a.readAt, outlet: 'Outlet 2' });
    const collections = new IndexedDbCollections(name);
    const [desk] = await collections.collections();
    const found = await new CollectionIndex(collections, engine).related({ title: IN_COLLECTION[3].title, text: IN_COLLECTION[3].body, urls: [] }, 3);
    expect(found[0]).toMatchObject({ collection: { id: desk.id, name: 'desk' } });
    expect(found[0].doc.id).toBe(IN_COLLECTION[3].id);
    expect(await collections.file(desk.id)).toBeNull();
    expect(await new IndexedDbRestores(name).restoreFile(done.id)).toBeNull();
  });

  it('restored twice, or into the library it came from: nothing is doubled', async () => {
    const { name } = await aLibrary();
    const before = await contents(name);
    const backup = await exported(name);
    const into = await restored(name, backup);
    expect(into).toMatchObject({ reads: 0, readsKnown: 5, articles: 0, articlesKnown: 7 });
    expect(await contents(name)).toEqual(before);
    await new IndexedDbStore(name).destroy();
    await restored(name, backup);
    const again = await restored(name, backup);
    expect(again).toMatchObject({ reads: 0, readsKnown: 5, articles: 0, articlesKnown: 7 });
    expect(await contents(name)).toEqual(before);
    // Only the last restore's report is kept.
    expect((await new IndexedDbRestores(name).restores()).map((r) => r.id)).toEqual([again.id]);
  });

  it('stopped part-way, it resumes after its last committed line to the same library; its collection stays invisible meanwhile', async () => {
    const { name } = await aLibrary();
    const before = await contents(name);
    const backup = await exported(name);
    await new IndexedDbStore(name).destroy();
    const restores = new IndexedDbRestores(name);
    const id = await restores.stageRestore(newRestore('b.jsonl.gz', backup.size), backup);
    let asked = 0;
    // Chunks of 3 lines: the first holds reads, the third the collection's first articles.
    await expect(runRestore(restores, engine, id, { chunkArticles: 3, stopped: () => ++asked > 3 })).rejects.toBeInstanceOf(ImportCancelled);
    const mid = await restores.restore(id);
    expect(mid).toMatchObject({ state: 'restoring', doneLine: 9, reads: 5, articles: 4 });
    const [half] = await new IndexedDbCollections(name).collections();
    expect(half).toMatchObject({ state: 'importing', articles: 4, restoring: id });
    // A new worker: another connection over the same database.
    const resumed = await runRestore(new IndexedDbRestores(name), engine, id, { chunkArticles: 3 });
    expect(resumed).toMatchObject({ state: 'done', reads: 5, articles: 7 });
    expect(await contents(name)).toEqual(before);
    expect((await new IndexedDbCollections(name).collections())[0]).not.toHaveProperty('restoring');
  });

  it('cancel removes the collection not yet restored and keeps the reads already back', async () => {
    const { name } = await aLibrary();
    const backup = await exported(name);
    await new IndexedDbStore(name).destroy();
    const restores = new IndexedDbRestores(name);
    const id = await restores.stageRestore(newRestore('b.jsonl.gz', backup.size), backup);
    let asked = 0;
    await expect(runRestore(restores, engine, id, { chunkArticles: 3, stopped: () => ++asked > 3 })).rejects.toThrow('cancelled');
    await restores.cancelRestore(id);
    expect(await restores.restores()).toEqual([]);
    expect(await new IndexedDbCollections(name).counts()).toEqual({ collections: 0, articles: 0, 'collection-segments': 0, files: 0 });
    expect((await contents(name)).reads).toHaveLength(5);
  });

  it('bad lines are reported by number and reason; the good ones are restored', async () => {
    const { name } = await aLibrary();
    const lines = (await text(await exported(name))).trim().split('\n');
    await new IndexedDbStore(name).destroy();
    const noUrl = JSON.parse(lines[1]);
    delete noUrl.url;
    const plain = JSON.parse(lines[2]);
    delete plain.sila;
    const odd = JSON.parse(lines[3]);
    odd.sila.v = 9;
    const edited = [lines[0], JSON.stringify(noUrl), JSON.stringify(plain), JSON.stringify(odd), '{"id": "cut', ...lines.slice(4)];
    const done = await restored(name, await gzipText(edited.join('\n') + '\n'));
    expect(done.skipped.map((s) => s.reason)).toEqual([
      'line 2: a read without its web address ("url")',
      'line 3: not a line of a Sila backup (it has no "sila" field): add the file as a collection instead',
      'line 4: its "sila" field is of backup version 9, which this Sila does not know (1)',
      expect.stringMatching(/^line 5: not valid JSON/),
    ]);
    expect(done).toMatchObject({ reads: 2, articles: 7, skippedTotal: 4 });
  });

  it('a file with no "sila" field at all (a corpus file, an export older than restore) is refused once, as not a backup; nothing is added', async () => {
    const { name } = await aLibrary();
    // An export from before the field existed: the same lines without it.
    const old = (await text(await exported(name))).trim().split('\n').map((l) => {
      const { sila: _, ...line } = JSON.parse(l);
      return JSON.stringify(line);
    });
    await new IndexedDbStore(name).destroy();
    for (const file of [await gzipText(old.join('\n') + '\n'), new Blob([fixtureArticles.slice(0, 3).map((a) => JSON.stringify(a)).join('\n') + '\n{"id": "cut'])]) {
      const restores = new IndexedDbRestores(name);
      const id = await restores.stageRestore(newRestore('old.jsonl.gz', file.size), file);
      const refused = runRestore(restores, engine, id, { chunkArticles: 3 });
      await expect(refused).rejects.toThrow(NotABackup);
      await expect(refused).rejects.toThrow(/^“old.jsonl.gz” is not a backup made by this Sila: none of its \d+ articles has a "sila" field. Add it as a collection instead.$/);
      // Said once, for the file: no line's reason in the record, which says why for the page to offer the collection.
      expect(await restores.restore(id)).toMatchObject({ notBackup: true, error: expect.stringMatching(/not a backup/), skipped: [], skippedTotal: 0, doneLine: 0 });
      expect(await contents(name)).toEqual({ reads: [], collections: [] });
    }
  });

  it('a file of bad lines only is refused with the first one’s reason', async () => {
    const name = `sila-restore-${++dbCount}`;
    await expect(restored(name, new Blob(['{"id": "cut\n[1]\n']))).rejects.toThrow(/holds nothing Sila can restore \(2 lines read; line 1: not valid JSON/);
  });

  it('plain lines before the first backup line are each reported, in line order, once a backup line comes', async () => {
    const { name } = await aLibrary();
    const lines = (await text(await exported(name))).trim().split('\n');
    await new IndexedDbStore(name).destroy();
    const plain = (l: string) => {
      const { sila: _, ...line } = JSON.parse(l);
      return JSON.stringify(line);
    };
    const edited = [plain(lines[0]), '{"id": "cut', plain(lines[1]), ...lines.slice(2)];
    const done = await restored(name, await gzipText(edited.join('\n') + '\n'), 2);
    expect(done.skipped.map((s) => [s.line, s.why.key])).toEqual([[1, 'not-backup'], [2, 'not-json'], [3, 'not-backup']]);
    expect(done).toMatchObject({ reads: 3, articles: 7, skippedTotal: 3 });
  });

  it('the backup still reads whole through the builder’s reader, with a read’s date kept even when it is not ISO', async () => {
    const { name, library } = await aLibrary();
    await library.remember({ ...asRead(6), title: 'A read of its own', url: 'https://example.org/odd-date', published: 'Tuesday, 3 March' });
    const backup = await text(await exported(name));
    const reader = new CorpusLines();
    const got = [...reader.push(new TextEncoder().encode(backup)), ...reader.end()];
    expect(reader.skippedTotal).toBe(0);
    expect(got).toHaveLength(13);
    await new IndexedDbStore(name).destroy();
    await restored(name, await gzipText(backup));
    const odd = (await new IndexedDbStore(name).allReads()).find((r) => r.url === 'https://example.org/odd-date');
    expect(odd?.published).toBe('Tuesday, 3 March');
  });
});
