import { describe, expect, it, vi } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import { memorySource } from '../lib/index/source';
import { openIndex } from '../lib/engine';
import { buildSearchFiles } from '../lib/search/build';
import { loadSearcher } from '../lib/search/load';
import type { CorpusArticle, RelatedResult } from '../lib/types';
import { newCollection, runImport } from './collection-import';
import { CollectionIndex } from './collection-related';
import { CollectionSearch } from './collection-search';
import { Library, libraryEngineOf, type LibraryEngine } from './library';
import { MemoryCollections } from './memory-collections';
import { MemoryStore } from './memory-store';
import { mergeRelated } from './related-merge';
import { libraryRelated, librarySearch, type LibrarySources } from './sources';

const index = await openIndex(memorySource(buildFixtureFiles()));
const engine: LibraryEngine = libraryEngineOf(index);
// The fixture index ships no search files: search runs over the archive search's own files for the same articles.
const searcher = await loadSearcher(
  memorySource(new Map(Object.entries(buildSearchFiles(fixtureArticles.map((a, position) => ({ position, title: a.title, body: a.body, source: null, published: null })), { titles: true })))),
);
const searchIndex = { searchOutside: async (q: string, docs: readonly { title: string; body: string }[]) => searcher.searchOutside(q, docs.map((d) => searcher.prepareOutside(d))) };
const byId = (id: string) => fixtureArticles.find((a) => a.id === id)!;
/** Another outlet's copy of a fixture article (the library holds articles the archive does not). */
const copy = (id: string, url: string, extra = ''): CorpusArticle => ({ ...byId(id), id: `copy-${id}`, url, source: 'Newsroom', body: byId(id).body + extra });

const PAGE_URL = 'https://reader.example/mars-today';
const page = { title: byId('en-space-1').title, text: byId('en-space-1').body, published: '2024-03-06T08:00:00Z', urls: [PAGE_URL] };

async function collection(store: MemoryCollections, name: string, articles: CorpusArticle[], enabled = true) {
  const text = articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
  const id = await store.stage({ ...newCollection(`${name}.jsonl`, text.length, 1000) }, new Blob([text]));
  const done = await runImport(store, engine, id);
  if (!enabled) await store.update({ ...done, enabled: false });
  return id;
}

async function library() {
  const reads = new Library(new MemoryStore(), engine);
  // The page itself was read (it must not list itself), and an earlier report of the same mission.
  await reads.remember({ url: PAGE_URL, title: page.title, outlet: 'Reader', published: page.published, text: page.text, readAt: 1_000 });
  const earlier = copy('en-space-2', 'https://reader.example/liftoff');
  await reads.remember({ url: earlier.url!, title: earlier.title, outlet: 'Reader', published: earlier.published ?? null, text: earlier.body, readAt: 2_000 });
  const store = new MemoryCollections();
  const newsroom = await collection(store, 'Newsroom', [
    copy('en-space-3', 'https://newsroom.example/images'),
    // The same page, kept in the collection too: never listed for itself.
    copy('en-space-1', PAGE_URL),
    copy('en-football-1', 'https://newsroom.example/city'),
  ]);
  const off = await collection(store, 'Switched off', [copy('en-space-2', 'https://off.example/liftoff')], false);
  const sources: LibrarySources = {
    reads: async () => reads,
    collections: async () => ({ index: new CollectionIndex(store, engine), search: new CollectionSearch(store) }),
  };
  return { reads, store, sources, newsroom, off };
}

const result = (id: string, confidence: number | undefined, url: string | null = `https://x.example/${id}`): RelatedResult => ({
  doc: { id, title: id, url, source: null, published: null, snippet: '', story: 0 },
  position: 0,
  score: 0,
  sharedTerms: [],
  alsoIn: [],
  confidence,
});

describe('one related list from every source', () => {
  it('orders by the one confidence; at equal confidence the earlier list; a URL once; never the page; at most the limit', () => {
    const archive = [result('a1', 0.9), result('a2', 0.6), result('a3', undefined)];
    const mine = [result('r1', 0.95), result('r2', 0.6), result('dup', 0.7, 'https://x.example/a2/'), result('self', 0.99, 'https://p.example/page#top')];
    const merged = mergeRelated([archive, mine], { limit: 5, ownUrls: ['https://p.example/page'] });
    // a3 has no confidence (as an old stored answer): it counts as 1, as the sections read it.
    expect(merged.map((r) => r.doc.id)).toEqual(['a3', 'r1', 'a1', 'dup', 'r2']);
    expect(mergeRelated([archive, mine], { limit: 2 }).map((r) => r.doc.id)).toEqual(['a3', 'self']);
  });

  it('reads and collections are ranked by confidence, labelled, the page never listed, a switched-off collection absent', async () => {
    const { sources, newsroom } = await library();
    const found = await libraryRelated(sources, page, 10);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < found.length; i++) expect(found[i - 1].confidence!).toBeGreaterThanOrEqual(found[i].confidence!);
    expect(found.map((r) => r.doc.url)).not.toContain(PAGE_URL);
    expect(found.map((r) => r.doc.url)).not.toContain('https://off.example/liftoff');
    const read = found.find((r) => r.doc.url === 'https://reader.example/liftoff');
    expect(read).toMatchObject({ readAt: 2_000, doc: { source: 'Reader' } });
    expect(read!.collection).toBeUndefined();
    const images = found.find((r) => r.doc.url === 'https://newsroom.example/images');
    expect(images).toMatchObject({ collection: { id: newsroom, name: 'Newsroom' }, doc: { id: `collection:${newsroom}:copy-en-space-3` } });
    expect(images!.readAt).toBeUndefined();
    // Merged with the archive's own results, by the same number: the library's best sits where it scores.
    const archive = await index.related({ title: page.title, body: page.text, published: page.published }, { k: 10 });
    const merged = mergeRelated([archive, found], { limit: 20, ownUrls: page.urls });
    for (let i = 1; i < merged.length; i++) expect(merged[i - 1].confidence ?? 1).toBeGreaterThanOrEqual(merged[i].confidence ?? 1);
    expect(merged.some((r) => r.collection) && merged.some((r) => r.readAt) && merged.some((r) => !r.collection && r.readAt === undefined)).toBe(true);
  });

  it('a source that cannot be read costs only its own results', async () => {
    const { sources } = await library();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const noReads = await libraryRelated({ ...sources, reads: () => Promise.reject(new Error('damaged')) }, page, 10);
    expect(noReads.length).toBeGreaterThan(0);
    expect(noReads.every((r) => r.collection)).toBe(true);
    const noCollections = await libraryRelated({ ...sources, collections: () => Promise.reject(new Error('refused')) }, page, 10);
    expect(noCollections.length).toBeGreaterThan(0);
    expect(noCollections.every((r) => r.readAt !== undefined)).toBe(true);
    const noSearch = await librarySearch({ ...sources, collections: () => Promise.reject(new Error('refused')) }, searchIndex, 'orbiter', 10);
    expect(noSearch.map((r) => r.origin?.kind)).toContain('reading');
    expect(noSearch.map((r) => r.origin?.kind)).not.toContain('collection');
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('search finds collection articles labelled with their collection, not a switched-off one, and follows a rename', async () => {
    const { sources, store, newsroom } = await library();
    const found = await librarySearch(sources, searchIndex, 'orbiter images', 10);
    const mine = found.filter((r) => r.origin?.kind === 'collection');
    expect(mine.map((r) => r.doc.url)).toContain('https://newsroom.example/images');
    expect(mine.every((r) => r.origin?.kind === 'collection' && r.origin.id === String(newsroom) && r.origin.name === 'Newsroom')).toBe(true);
    expect(found.map((r) => r.doc.url)).not.toContain('https://off.example/liftoff');
    for (let i = 1; i < found.length; i++) expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
    await store.update({ ...(await store.collection(newsroom))!, name: 'Desk archive' });
    const renamed = (await librarySearch(sources, searchIndex, 'orbiter images', 10)).filter((r) => r.origin?.kind === 'collection');
    expect(renamed.length).toBe(mine.length);
    expect(renamed.every((r) => r.origin?.kind === 'collection' && r.origin.name === 'Desk archive')).toBe(true);
  });
});

describe('the collections before the engine', () => {
  it('their segments are read while the engine loads; the answer is the one with the engine at hand', async () => {
    const { store, sources } = await library();
    const expected = await (await sources.collections!()).index.related(page, 10);
    let release: (e: typeof engine) => void = () => undefined;
    const later = new Promise<typeof engine>((ok) => (release = ok));
    let asked = 0;
    const segments = store.segments.bind(store);
    store.segments = (id) => ((asked += 1), segments(id));
    const cold = new CollectionIndex(store, () => later);
    cold.warm();
    const answer = cold.related(page, 10);
    await new Promise((r) => setTimeout(r, 0));
    // Only the switched-on collection is read.
    expect(asked).toBe(1);
    release(engine);
    expect(await answer).toEqual(expected);
  });
});

describe('one comparable confidence', () => {
  it('a library copy of an archive article gets the confidence the archive gives the article itself', async () => {
    const reads = new Library(new MemoryStore(), engine);
    for (const [i, a] of fixtureArticles.entries()) await reads.remember({ url: `https://copy.example/${a.id}`, title: a.title, outlet: null, published: a.published ?? null, text: a.body, readAt: i });
    let compared = 0;
    for (const pageArticle of fixtureArticles) {
      const query = { title: pageArticle.title, body: pageArticle.body, published: pageArticle.published ?? null };
      // The names factor (which only lowers the archive's confidence) is the one part the library leaves out.
      const archive = await index.related(query, { k: 20, params: { nameConfidencePower: 0 } });
      const copies = new Map((await reads.related({ ...query, text: pageArticle.body, urls: [] }, 20)).map((m) => [m.read.url, m.confidence]));
      for (const r of archive) {
        const mine = copies.get(`https://copy.example/${r.doc.id}`);
        if (mine === undefined || r.confidence === undefined) continue;
        compared++;
        // The same whole-page cosine, up to the stored levels' rounding.
        expect(Math.abs(mine - r.confidence), `${pageArticle.id} → ${r.doc.id}`).toBeLessThan(1e-6);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});
