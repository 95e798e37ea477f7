import { describe, expect, it } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../tests/fixtures/fixture-index';
import fc from 'fast-check';
import { loadIndex, type LoadedIndex } from '../lib/index/load';
import { Scorer } from '../lib/index/scorer';
import { memorySource } from '../lib/index/source';
import { weighArticle } from '../lib/index/weigh';
import { openIndex } from '../lib/engine';
import type { CorpusArticle } from '../lib/types';
import { buildSegment, decodeSegment, encodeSegment, mergeSegments, segmentDocs, SegmentDecodeError, type SegmentDoc } from './segment';
import { rankLibrary } from './rank';
import { Library, MERGE_AT, libraryEngineOf, type LibraryEngine } from './library';
import { MemoryStore } from './memory-store';
import { OPENING_CHARS, migrateReadV1, storageErrorMessage } from './records';

const articles = fixtureArticles;
const indexFiles = buildFixtureFiles();

/** Each bundled document's postings entries (term, level), read back from the shipped postings. */
async function bundledEntries(ix: LoadedIndex): Promise<Map<number, [number, number][]>> {
  const all = Array.from({ length: ix.terms.length }, (_, t) => t);
  await ix.ensurePostings(all);
  const out = new Map<number, [number, number][]>();
  for (const t of all) {
    const bytes = ix.postings.slice(ix.postOffsets[t], ix.postOffsets[t + 1]);
    let doc = 0;
    for (let at = 0; at < bytes.length; ) {
      let b = bytes[at++];
      let v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[at++];
        v |= (b & 0x7f) << shift;
      }
      doc += v >>> 4;
      if (!out.has(doc)) out.set(doc, []);
      out.get(doc)!.push([t, v & 15]);
    }
  }
  return out;
}

const doc = (id: number, terms: number[], levels: number[], norm = 1, hours = 0): SegmentDoc => ({
  id,
  hours,
  doc: { terms: Uint32Array.from(terms), levels: Uint8Array.from(levels), norm },
});

describe('a remembered article is weighed as the bundled index weighs a corpus article', () => {
  it('weighArticle gives a corpus article exactly its shipped postings entries and norm', async () => {
    const ix = await loadIndex(memorySource(indexFiles));
    const entries = await bundledEntries(ix);
    await ix.ensureDocs(Array.from({ length: ix.docCount }, (_, p) => p));
    let checked = 0;
    for (let p = 0; p < ix.docCount; p++) {
      const article = articles.find((a) => a.id === ix.doc(p).id)!;
      const weighed = weighArticle(ix, { title: article.title, body: article.body });
      const shipped = (entries.get(p) ?? []).sort((a, b) => a[0] - b[0]);
      expect([...weighed.terms]).toEqual(shipped.map((e) => e[0]));
      expect([...weighed.levels]).toEqual(shipped.map((e) => e[1]));
      expect(weighed.norm).toBeCloseTo(ix.docNorm[p], 5);
      checked++;
    }
    expect(checked).toBe(articles.length);
  });

  it('rankLibrary scores a segment of corpus articles as Scorer scores the bundled postings', async () => {
    const ix = await loadIndex(memorySource(indexFiles));
    const index = await openIndex(memorySource(indexFiles));
    await ix.ensureDocs(Array.from({ length: ix.docCount }, (_, p) => p));
    const segment = buildSegment(
      articles.map((a) => ({ id: articles.indexOf(a) + 1, hours: 0, doc: weighArticle(ix, { title: a.title, body: a.body }) })),
    );
    const scorer = new Scorer({ idf: ix.idf, postOffsets: ix.postOffsets, postings: ix.postings, docCount: ix.docCount, k1: ix.meta.sila.params.k1 });
    const page = articles[0];
    const { query, k1 } = index.libraryQuery({ title: page.title, body: page.body });
    expect(query.terms.length).toBeGreaterThan(0);
    await ix.ensurePostings(query.terms);
    const bundled = scorer.score(query.terms, query.weights, 100);
    const library = rankLibrary([segment], query, { k1, limit: 100, minConfidence: 0 });
    expect(library.length).toBe(bundled.length);
    for (const c of bundled) {
      const id = articles.findIndex((a) => a.id === ix.doc(c.position).id) + 1;
      const hit = library.find((h) => h.id === id)!;
      // Scorer accumulates in float32; the library in float64.
      expect(hit.score).toBeCloseTo(c.score, 3);
      expect(hit.cosine).toBeCloseTo(c.score / (query.norm * ix.docNorm[c.position]), 3);
    }
    // The page itself is in the segment (id 1); excluding it is how a page never lists itself.
    expect(library.some((h) => h.id === 1)).toBe(true);
    expect(rankLibrary([segment], query, { k1, limit: 100, minConfidence: 0, exclude: new Set([1]) }).some((h) => h.id === 1)).toBe(false);
  });
});

describe('library segments', () => {
  const a = doc(3, [1, 5, 9], [15, 2, 7], 2.5, 100);
  const b = doc(7, [5, 6], [4, 4], 1.25, -2147483648);
  const c = doc(11, [0, 9], [1, 15], 0.5, 200);

  it('round-trips through its stored bytes, and hands back the documents it was given', () => {
    const s = buildSegment([b, a, c]);
    const decoded = decodeSegment(encodeSegment(s, 'v'));
    expect(decoded).toEqual(s);
    expect(segmentDocs(decoded)).toEqual([a, b, c]);
  });

  it('merging equals building once from the union, without the dropped documents', () => {
    const merged = mergeSegments([buildSegment([a]), buildSegment([c, b])], new Set([7]));
    expect(merged).toEqual(buildSegment([a, c]));
    expect(segmentDocs(merged).map((d) => d.id)).toEqual([3, 11]);
  });

  it('merge, encode and decode keep every document for any segments (property)', () => {
    const arbDoc = fc
      .uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 })
      .chain((terms) =>
        fc.record({
          levels: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: terms.length, maxLength: terms.length }),
          norm: fc.float({ min: 0.5, max: 10, noNaN: true }),
          hours: fc.integer({ min: -1000, max: 1_000_000 }),
        }).map((r) => ({ terms: [...terms].sort((x, y) => x - y), ...r })),
      );
    fc.assert(
      fc.property(fc.array(arbDoc, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (docs, pieces) => {
        const all = docs.map((d, i) => doc(i + 1, d.terms, d.levels, Math.fround(d.norm), d.hours));
        const groups = Array.from({ length: pieces }, (_, g) => all.filter((_, i) => i % pieces === g)).filter((g) => g.length);
        const stored = groups.map((g) => decodeSegment(encodeSegment(buildSegment(g), 'v')));
        expect(segmentDocs(mergeSegments(stored))).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses bytes that do not add up, with a clear error', () => {
    const stored = encodeSegment(buildSegment([a, b]), 'v');
    expect(() => decodeSegment({ ...stored, bytes: stored.bytes.subarray(0, 8) })).toThrow(SegmentDecodeError);
    expect(() => decodeSegment({ ...stored, v: 99 })).toThrow(/version 99/);
    const bad = stored.bytes.slice();
    const postDocs = stored.layout.sections.find((s) => s.name === 'postDocs')!;
    new DataView(bad.buffer).setUint32(postDocs.offset, 999, true);
    expect(() => decodeSegment({ ...stored, bytes: bad })).toThrow(/names no document/);
  });
});

describe('Library over a store', () => {
  const setup = async () => {
    const index = await openIndex(memorySource(indexFiles));
    const engine: LibraryEngine = { ...libraryEngineOf(index), vocabulary: 'fixture-1' };
    const store = new MemoryStore();
    return { store, engine, library: new Library(store, engine) };
  };
  const read = (a: CorpusArticle, readAt = 1000) => ({ url: `https://example.org/${a.id}`, title: a.title, outlet: 'Example', published: a.published ?? null, text: a.body, readAt });
  const page = (a: CorpusArticle) => ({ title: a.title, text: a.body, urls: [`https://example.org/${a.id}`] });

  it('lists earlier related reads, best first, never the page itself, and nothing unrelated', async () => {
    const { library } = await setup();
    const [space1, space2, space3] = articles;
    const other = articles.find((a) => !a.id.startsWith('en-space'))!;
    for (const a of [space1, space2, other]) expect(await library.remember(read(a))).toBe('added');
    const found = await library.related(page(space3), 10);
    expect(found.map((m) => m.read.url).sort()).toEqual([read(space1).url, read(space2).url].sort());
    // The page is kept itself: it still never lists itself.
    await library.remember(read(space3));
    expect((await library.related(page(space3), 10)).map((m) => m.read.url)).not.toContain(read(space3).url);
    expect(await library.remember(read(space3, 2000))).toBe('updated');
    expect(await library.count()).toBe(4);
  });

  it('a cold start reads the segments before the engine is there, and answers as with the engine at hand', async () => {
    const { store, engine, library } = await setup();
    const [space1, space2, space3] = articles;
    for (const a of [space1, space2]) await library.remember(read(a));
    const expected = await library.related(page(space3), 10);
    let release: (e: LibraryEngine) => void = () => undefined;
    const later = new Promise<LibraryEngine>((ok) => (release = ok));
    let asked = 0;
    const snapshot = store.segmentsAndReadIds.bind(store);
    store.segmentsAndReadIds = () => ((asked += 1), snapshot());
    const cold = new Library(store, () => later);
    cold.warm();
    const answer = cold.related(page(space3), 10);
    await new Promise((r) => setTimeout(r, 0));
    // Storage was read while the engine was still loading, once for the warm-up and the question together.
    expect(asked).toBe(1);
    release(engine);
    expect(await answer).toEqual(expected);
    expect(asked).toBe(1);
  });

  it("the shown reads' openings come from the records related() read, others from storage", async () => {
    const { library, store } = await setup();
    const [space1, space2, space3] = articles;
    for (const a of [space1, space2, space3]) await library.remember(read(a));
    const found = await library.related(page(space3), 10);
    expect(found.length).toBeGreaterThan(0);
    let readFromStorage: number[] = [];
    const reads = store.reads.bind(store);
    store.reads = (ids) => ((readFromStorage = readFromStorage.concat(ids)), reads(ids));
    const shown = found.map((m) => m.read.id);
    const self = (await store.idOfUrl(read(space3).url))!;
    const openings = await library.openings([...shown, self]);
    expect(readFromStorage).toEqual([self]);
    for (const m of found) expect(openings.get(m.read.id)).toBe(m.read.opening);
    expect(openings.get(self)).toBe(space3.body.slice(0, OPENING_CHARS));
  });

  it('search reads the records, with their openings, and never the texts', async () => {
    const { library, store } = await setup();
    for (const a of articles.slice(0, 3)) await library.remember(read(a));
    let textsRead = 0;
    const texts = store.texts.bind(store);
    store.texts = (ids) => ((textsRead += ids.length), texts(ids));
    const reads = await library.forSearch();
    expect(reads.map((r) => r.opening)).toEqual(articles.slice(0, 3).map((a) => a.body.slice(0, OPENING_CHARS)));
    expect(reads.every((r) => !('text' in r))).toBe(true);
    expect(textsRead).toBe(0);
    // The text is kept whole, apart, for weighing again and export.
    expect([...(await store.texts(reads.map((r) => r.id))).values()]).toEqual(articles.slice(0, 3).map((a) => a.body));
  });

  it('merges past MERGE_AT segments into one, keeping every read', async () => {
    const { library, store } = await setup();
    for (const a of articles.slice(0, MERGE_AT + 1)) await library.remember(read(a));
    expect(store.segments_.size).toBe(1);
    expect((await library.documents()).sort((a, b) => a - b)).toEqual([...store.reads_.keys()].sort((a, b) => a - b));
  });

  it('a refused write says so and loses nothing kept before', async () => {
    const { library, store } = await setup();
    await library.remember(read(articles[0]));
    const before = structuredClone([[...store.reads_], [...store.texts_], [...store.segments_]]);
    store.failNextWrite = 'QuotaExceededError';
    await expect(library.remember(read(articles[1]))).rejects.toThrow(/refused more storage.*Nothing kept before was lost/);
    expect([[...store.reads_], [...store.texts_], [...store.segments_]]).toEqual(before);
    expect((await library.related(page(articles[1]), 5)).map((m) => m.read.url)).toEqual([read(articles[0]).url]);
    expect(storageErrorMessage(new Error('boom'))).toMatch(/boom/);
  });

  it('rebuilds the segments of a migrated version-1 library, or of another bundled index, from the stored text', async () => {
    const { store, engine } = await setup();
    // What migration leaves: reads carried over from version 1, no segment.
    for (const a of articles.slice(0, 3)) {
      const r = migrateReadV1({ url: `https://example.org/${a.id}`, title: a.title, text: a.body, readAt: 5, outlet: '', published: null });
      expect(r).not.toBeNull();
      await store.addRead(r!, () => encodeSegment(buildSegment([]), 'an older bundled index'));
    }
    expect(migrateReadV1({ url: 'javascript:alert(1)', text: 'x' })).toBeNull();
    expect(migrateReadV1('garbage')).toBeNull();
    const library = new Library(store, engine);
    expect((await library.related(page(articles[2]), 5)).length).toBeGreaterThan(0);
    expect([...store.segments_.values()].map((s) => s.vocabulary)).toEqual(['fixture-1']);
    expect((await library.documents()).length).toBe(3);
  });

  it('forget everything leaves nothing in the store or in memory', async () => {
    const { library, store } = await setup();
    for (const a of articles.slice(0, 3)) await library.remember(read(a));
    await library.forget();
    expect(store.reads_.size + store.texts_.size + store.segments_.size).toBe(0);
    expect(await library.related(page(articles[0]), 5)).toEqual([]);
    expect(await library.count()).toBe(0);
  });
});
