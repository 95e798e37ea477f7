import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { memorySource } from '../lib/index/source';
import { openIndex } from '../lib/engine';
import { newCollection } from '../library/collection-import';
import type { CollectionInfo } from '../messages';

const session = new Map<string, unknown>();
/** Every storage.session write, as the import's per-chunk keep-alive. */
const sessionWrites: unknown[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => (sessionWrites.push(v), session.set(k, v))),
        remove: async (key: string) => void session.delete(key),
      },
    },
  },
}));
const index = await openIndex(memorySource(buildFixtureFiles()));
vi.mock('./engine', () => ({ engine: async () => index }));
const { collectionHandlers: h, resumeImports, stopImports, PROGRESS_KEY } = await import('./collection-handlers');
const { collectionStore, collectionIndex } = await import('./collections');

const lines = (n: number, bad: Record<number, string> = {}) => {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const a = fixtureArticles[(i - 1) % fixtureArticles.length];
    out.push(bad[i] ?? JSON.stringify({ ...a, id: `c${i}`, body: `${a.body} (${i})` }));
  }
  return new Blob([out.join('\n') + '\n']);
};
const stage = (file: Blob, name = 'newsroom.jsonl') => collectionStore.stage(newCollection(name, file.size), file);

async function settled(id: number): Promise<CollectionInfo> {
  for (;;) {
    const found = (await h['collections/list']({})).find((c) => c.id === id);
    if (!found || found.state !== 'importing') return found!;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('collection messages', () => {
  it('import → listed with its article count and bad lines; rename, switch off, remove', async () => {
    const id = await stage(lines(12, { 3: '{"id": "x", ', 9: JSON.stringify({ id: 'nobody', title: 't' }) }));
    expect(await h['collections/import']({ id })).toEqual({ started: true });
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'ready', enabled: true, articles: 10, skippedTotal: 2, name: 'newsroom', error: null });
    expect(done.skipped.map((s) => s.line)).toEqual([3, 9]);
    expect(session.has(PROGRESS_KEY)).toBe(false);
    const probe = fixtureArticles[4];
    const related = async () => (await collectionIndex()).related({ title: probe.title, text: probe.body, urls: [] }, 3);
    expect((await related())[0].collection?.name).toBe('newsroom');

    expect(await h['collections/rename']({ id, name: 'Desk 2013' })).toMatchObject({ name: 'Desk 2013' });
    expect((await related())[0].collection?.name).toBe('Desk 2013');
    expect(await h['collections/switch']({ id, enabled: false })).toMatchObject({ enabled: false });
    expect(await related()).toEqual([]);
    expect(await h['collections/remove']({ id })).toEqual({ removed: true });
    expect((await h['collections/list']({})).some((c) => c.id === id)).toBe(false);
    expect(await collectionStore.articles(id)).toEqual([]);
  });

  it('a big import writes storage.session once per chunk (the keep-alive), and cancel removes what it had', async () => {
    sessionWrites.length = 0;
    const id = await stage(lines(2_600));
    await h['collections/import']({ id });
    while (sessionWrites.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(await h['collections/cancel']({ id })).toEqual({ removed: true });
    expect(await collectionStore.collection(id)).toBeNull();
    expect(await collectionStore.articles(id)).toEqual([]);
    expect(await collectionStore.segments(id)).toEqual([]);
    // Written as it starts, then per chunk.
    expect(sessionWrites[0]).toEqual({ id, articles: 0, bytesRead: 0 });
    expect(sessionWrites[1]).toEqual({ id, articles: 500, bytesRead: expect.any(Number) });
    expect(sessionWrites.length).toBeLessThan(7);
  });

  it('an import that fails writes its progress as it starts and removes it as it ends: its end is a change a page hears', async () => {
    sessionWrites.length = 0;
    const id = await stage(lines(3, { 1: '{', 2: '[]', 3: '{"id":"x"}' }), 'broken.jsonl');
    await h['collections/import']({ id });
    const failed = await settled(id);
    expect(failed.state).toBe('failed');
    expect(failed.skipped.map((s) => s.why?.key)).toEqual(['not-json', 'not-object', 'missing-field']);
    expect(sessionWrites[0]).toEqual({ id, articles: 0, bytesRead: 0 });
    expect(session.has(PROGRESS_KEY)).toBe(false);
    await h['collections/remove']({ id });
  });

  it('a stopped worker’s import is resumed at start-up and finishes with every article once', async () => {
    const id = await stage(lines(1_200));
    // What a worker stopped after a chunk leaves: the collection `importing`, some chunks committed.
    await h['collections/import']({ id });
    while (((await collectionStore.collection(id))?.articles ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
    await stopImports();
    const stopped = (await collectionStore.collection(id))!;
    expect(stopped).toMatchObject({ state: 'importing' });
    expect(stopped.articles).toBeGreaterThan(0);
    expect(stopped.articles).toBeLessThan(1_200);
    await resumeImports();
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'ready', articles: 1_200 });
    expect(new Set((await collectionStore.articles(id)).map((a) => a.article.id)).size).toBe(1_200);
    await h['collections/remove']({ id });
  });

  it('cancelling an import still waiting behind another removes it at once; the first goes on', async () => {
    const first = await stage(lines(1_500), 'first.jsonl');
    const second = await stage(lines(1_500), 'second.jsonl');
    await h['collections/import']({ id: first });
    await h['collections/import']({ id: second });
    await h['collections/cancel']({ id: second });
    expect(await collectionStore.collection(second)).toBeNull();
    expect((await collectionStore.collection(first))!.state).toBe('importing');
    expect(await settled(first)).toMatchObject({ state: 'ready', articles: 1_500 });
    await h['collections/remove']({ id: first });
  });

  it('a file with no article is listed as failed with the reason, is not resumed, and can be removed', async () => {
    const id = await stage(new Blob(['not json\n']), 'junk.jsonl');
    await h['collections/import']({ id });
    const failed = await settled(id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/no article in the corpus schema.*line 1: not valid JSON/);
    expect(await h['collections/import']({ id })).toEqual({ started: false });
    await h['collections/remove']({ id });
    expect(await h['collections/list']({})).toEqual([]);
  });
});

const { IndexedDbRestores } = await import('../library/restore-store');
const { newRestore } = await import('../library/library-restore');
const { IndexedDbStore } = await import('../library/store');
const { RESTORE_PROGRESS_KEY } = await import('../messages');

describe('restore messages', () => {
  const restores = new IndexedDbRestores();
  /** A backup of `reads` reads and a collection of `articles` articles, as Export writes them. */
  const backup = (reads: number, articles: number) => {
    const collection = { key: 3, name: 'Desk', fileName: 'desk.jsonl', fileBytes: 10, addedAt: '2026-11-01T00:00:00.000Z', enabled: true };
    const out: string[] = [];
    for (let i = 1; i <= reads + articles; i++) {
      const a = fixtureArticles[(i - 1) % fixtureArticles.length];
      const line = { ...a, id: `b${i}`, body: `${a.body} (${i})`, url: `https://example.org/b/${i}` };
      out.push(JSON.stringify(i <= reads ? { ...line, sila: { v: 1, kind: 'read', readAt: '2026-12-01T00:00:00.000Z' } } : { ...line, sila: { v: 1, kind: 'collection', collection } }));
    }
    return new Blob([out.join('\n') + '\n']);
  };
  const settledRestore = async () => {
    for (;;) {
      const info = await h['library/restore-status']({});
      if (info && info.state !== 'restoring') return info;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('restores reads and a collection in the queue, and a stopped worker’s restore is resumed (not taken for an import)', async () => {
    const file = backup(700, 600);
    const id = await restores.stageRestore(newRestore('sila-library.jsonl.gz', file.size), file);
    expect(await h['library/restore']({ id })).toEqual({ started: true });
    // Stopped after its first chunk (500 reads), as a worker stopped mid-way would leave it.
    while (((await restores.restore(id))?.doneLine ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
    await stopImports();
    const mid = (await restores.restore(id))!;
    expect(mid.state).toBe('restoring');
    expect(mid.reads + mid.articles).toBeLessThan(1_300);
    await resumeImports();
    const done = await settledRestore();
    expect(done).toMatchObject({ id, state: 'done', reads: 700, articles: 600, collections: [{ name: 'Desk', known: false }], error: null });
    expect(session.has(RESTORE_PROGRESS_KEY)).toBe(false);
    expect((await new IndexedDbStore().allReads()).length).toBe(700);
    const desk = (await h['collections/list']({})).find((c) => c.name === 'Desk')!;
    expect(desk).toMatchObject({ state: 'ready', articles: 600, error: null });
    await h['collections/remove']({ id: desk.id });
  });

  it('cancel removes the restore and its unfinished collection', async () => {
    const file = backup(10, 1_200);
    const id = await restores.stageRestore(newRestore('b.jsonl.gz', file.size), file);
    await h['library/restore']({ id });
    while (((await restores.restore(id))?.articles ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await h['library/restore-cancel']({ id })).toEqual({ cancelled: true });
    expect(await restores.restore(id)).toBeNull();
    expect((await h['collections/list']({})).some((c) => c.name === 'Desk')).toBe(false);
    expect(await h['library/restore-status']({})).toBeNull();
  });

  it('a file without a backup line fails as not a backup, which the page is told (to offer it as a collection)', async () => {
    const file = new Blob([fixtureArticles.slice(0, 4).map((a) => JSON.stringify(a)).join('\n')]);
    const id = await restores.stageRestore(newRestore('plain.jsonl', file.size), file);
    await h['library/restore']({ id });
    expect(await settledRestore()).toMatchObject({ id, state: 'failed', notBackup: true, skippedTotal: 0, error: expect.stringMatching(/^“plain.jsonl” is not a backup made by this Sila/) });
    await h['library/restore-cancel']({ id });
  });
});
