import { describe, expect, it } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../../tests/fixtures/fixture-index';
import { openIndex, IndexLoadError, type SilaIndex } from '../engine';
import { makeSnippet } from './build';
import { MAX_FILE_BYTES, META_FILE, type ShippedMeta } from './format';
import { normalizeUrl } from './identity';
import { PackWriter, openPack } from './pack';
import { ChunkedBytes, chunkAt } from './bytes';
import { memorySource } from './source';
import { loadIndex } from './load';
import { RelatedEngine } from '../related/related';
import { defaultRankParams } from '../related/rank';

// Our own small corpus (tests never carry real corpus text): English and Arabic, two near-duplicate wire copies.
const articles = fixtureArticles;

const files = buildFixtureFiles({ maxPartBytes: 4096, lazyChunkBytes: 600 }); // tiny parts and chunks, to exercise the multi-part pack and on-demand files
const open = () => openIndex(memorySource(files));
const position = async (index: SilaIndex, id: string) => {
  for (let p = 0; p < index.size; p++) if ((await index.doc(p)).id === id) return p;
  throw new Error(`no article ${id}`);
};

describe('index build and engine', () => {
  it('stores every article with its display fields', async () => {
    const index = await open();
    expect(index.size).toBe(articles.length);
    const doc = await index.doc(await position(index, 'ar-space-1'));
    expect(doc).toMatchObject({ title: 'وكالة الفضاء تطلق مسبارا جديدا إلى المريخ', source: 'أخبار المثال', url: 'https://ar.example.com/space/mars' });
    expect(index.meta.corpus.languages).toEqual(['ar', 'en']);
    for (const [name, file] of files) expect(typeof file === 'string' ? file.length : file.byteLength, name).toBeLessThan(MAX_FILE_BYTES);
  });

  it('groups the two wire copies into one story', async () => {
    const index = await open();
    const story = async (id: string) => (await index.doc(await position(index, id))).story;
    expect(await story('en-space-1')).toBe(await story('en-space-2'));
    expect(await story('en-space-1')).not.toBe(await story('en-space-3'));
    expect(index.meta.corpus.storyCount).toBe(articles.length - 1);
  });

  it('answers an English page with the same story first, the copy in alsoIn, and shared words', async () => {
    const index = await open();
    const results = await index.related({
      title: 'Mars orbiter launch: what the spacecraft will study',
      body: 'The space agency launched its Mars orbiter. The orbiter will study the Martian atmosphere and look for ancient water on Mars.',
      published: '2024-03-06T08:00:00Z',
    });
    expect(results.length).toBeGreaterThan(0);
    const top = results[0];
    expect(['en-space-1', 'en-space-2']).toContain(top.doc.id);
    expect(top.alsoIn.map((d) => d.id)).toEqual(['en-space-1', 'en-space-2'].filter((id) => id !== top.doc.id));
    expect(top.sharedTerms.length).toBeGreaterThanOrEqual(2);
    expect(top.sharedTerms.length).toBeLessThanOrEqual(4);
    expect(top.sharedTerms.join(' ').toLowerCase()).toMatch(/orbiter|mars|martian/);
    expect(top.daysApart).toBeLessThan(2);
    expect(results.map((r) => r.doc.id)).not.toContain('en-food-1');
  });

  it('re-scores with the page\'s other terms, within a budget of postings bytes', async () => {
    const ix = await loadIndex(memorySource(files));
    const engine = new RelatedEngine(ix);
    const bytes = (terms: number[]) => terms.reduce((sum, t) => sum + ix.postOffsets[t + 1] - ix.postOffsets[t], 0);
    const page = {
      title: 'Mars orbiter launch: what the spacecraft will study',
      body: 'The space agency launched its Mars orbiter. The orbiter will study the Martian atmosphere, its dust storms and its weather, and look for ancient water on Mars with a radar.',
    };
    const whole = engine.analyze(page, defaultRankParams);
    expect(whole.restTerms.length).toBeGreaterThan(0);
    for (const t of whole.restTerms) expect(whole.terms).not.toContain(t);
    const limit = bytes(whole.restTerms) - 1;
    const tight = engine.analyze(page, { ...defaultRankParams, wholeBudgetBytes: limit });
    expect(tight.restTerms.length).toBeLessThan(whole.restTerms.length);
    expect(bytes(tight.restTerms)).toBeLessThanOrEqual(limit);
    expect(engine.analyze(page, { ...defaultRankParams, wholeBudgetBytes: 0 }).restTerms).toEqual([]);
    expect(engine.analyze(page, { ...defaultRankParams, wholeWeight: 0 }).restTerms).toEqual([]);
  });

  it('answers an Arabic page from the Arabic articles', async () => {
    const index = await open();
    const results = await index.related({ title: 'المركزي يرفع الفائدة', body: 'قرر البنك المركزي رفع أسعار الفائدة لمواجهة التضخم وارتفاع الأسعار.' });
    expect(results[0]?.doc.id).toBe('ar-economy-1');
  });

  it('gives an off-topic page no confident result', async () => {
    const index = await open();
    const results = await index.related({ title: 'Knitting a winter scarf', body: 'Choose soft wool, cast on forty stitches and knit every row until the scarf is long enough.' });
    expect(results.filter((r) => (r.confidence ?? 0) >= 0.5)).toEqual([]);
  });

  it('recognises a corpus article by URL variants and never suggests it to itself', async () => {
    const index = await open();
    const p = await position(index, 'en-football-1');
    expect(await index.findCorpusArticle({ url: 'https://other.example.com/city-title' })).toBe(-1);
    expect(await index.findCorpusArticle({ url: 'http://www.sport.example.com/city-title/?utm_source=x#top' })).toBe(p);
    expect(await index.findCorpusArticle({ url: 'https://sport.example.com/city-title/?utm_source=feed' })).toBe(p);
    expect(await index.findCorpusArticle({ canonicalUrl: 'https://sport.example.com/city-title' })).toBe(p);
    const results = await index.relatedToPosition(p, { k: 5 });
    expect(results.map((r) => r.position)).not.toContain(p);
    expect(results[0].doc.id).toBe('en-football-2');
  });

  it('recognises the same text when there is no URL to compare', async () => {
    const index = await open();
    const a = articles.find((x) => x.id === 'en-economy-1')!;
    expect(await index.findCorpusArticle({ title: a.title, text: a.body })).toBe(await position(index, 'en-economy-1'));
    expect(await index.findCorpusArticle({ title: a.title, text: 'Something else entirely.' })).toBe(-1);
  });

  it('reads postings, documents and neighbours on demand, only the files a query needs', async () => {
    const meta = JSON.parse(files.get(META_FILE) as string) as ShippedMeta;
    const onDemand = [...meta.sila.lazy.postings, ...meta.sila.lazy.docText, ...meta.sila.lazy.neighbours];
    expect(meta.sila.lazy.docText.length).toBeGreaterThan(2);
    const read = new Set<string>();
    const source = memorySource(files);
    const counting = { ...source, bytes: (name: string) => (read.add(name), source.bytes(name)) };
    const index = await openIndex(counting);
    expect(onDemand.filter((name) => read.has(name))).toEqual([]);
    const eager = await openIndex(memorySource(files), { verifyHashes: true });
    const query = { title: 'Mars orbiter launch', body: 'The space agency launched its Mars orbiter to study the Martian atmosphere.' };
    const [lazyResults, eagerResults] = await Promise.all([index.related(query), eager.related(query)]);
    expect(lazyResults).toEqual(eagerResults);
    expect(onDemand.filter((name) => read.has(name)).length).toBeLessThan(onDemand.length);
  });

  it('names the bad file when a part is truncated', async () => {
    const broken = new Map(files);
    const meta = JSON.parse(files.get(META_FILE) as string) as ShippedMeta;
    const part = meta.sila.pack.parts[0];
    broken.set(part, (broken.get(part) as Uint8Array).subarray(1));
    await expect(openIndex(memorySource(broken))).rejects.toThrow(IndexLoadError);
    await expect(openIndex(memorySource(broken))).rejects.toThrow(part);
  });

  it('names a truncated file read on demand when a query needs it, and at load with the full check', async () => {
    const broken = new Map(files);
    const meta = JSON.parse(files.get(META_FILE) as string) as ShippedMeta;
    for (const name of meta.sila.lazy.docText) broken.set(name, (broken.get(name) as Uint8Array).subarray(1));
    const index = await openIndex(memorySource(broken));
    await expect(index.doc(0)).rejects.toThrow(IndexLoadError);
    await expect(index.doc(0)).rejects.toThrow(meta.sila.lazy.docText[0]);
    await expect(openIndex(memorySource(broken), { verifyHashes: true })).rejects.toThrow(meta.sila.lazy.docText[0]);
  });

  it('stores how many titles hold each term, as a pass over the titles counts them', async () => {
    const ix = await loadIndex(memorySource(files));
    const counted = new Uint32Array(ix.terms.length);
    for (let p = 0; p < ix.docCount; p++) ix.forEachTitleTerm(p, (term) => counted[term]++);
    expect(Array.from(ix.titleDf)).toEqual(Array.from(counted));
    expect(counted.some((c) => c > 1)).toBe(true);
    for (let t = 0; t < ix.terms.length; t++) expect(ix.titleDf[t]).toBeLessThanOrEqual(ix.df[t]);
  });

  it('refuses an index of the previous format (no titleDf) with a rebuild hint', async () => {
    const old = new Map(files);
    const meta = JSON.parse(files.get(META_FILE) as string) as ShippedMeta;
    old.set(META_FILE, JSON.stringify({ ...meta, formatVersion: meta.formatVersion - 1 }));
    await expect(openIndex(memorySource(old))).rejects.toThrow(/rebuild the index/);
    const noSection = { ...meta, sila: { ...meta.sila, pack: { ...meta.sila.pack, sections: meta.sila.pack.sections.filter((s) => s.name !== 'titleDf') } } };
    old.set(META_FILE, JSON.stringify(noSection));
    await expect(openIndex(memorySource(old))).rejects.toThrow(/titleDf is missing/);
  });

  it('names the bad file when its content changed (hash check)', async () => {
    const broken = new Map(files);
    const part = [...broken.keys()].filter((n) => n.endsWith('.bin')).pop()!;
    const copy = (broken.get(part) as Uint8Array).slice();
    copy[0] ^= 0xff;
    broken.set(part, copy);
    await expect(openIndex(memorySource(broken), { verifyHashes: true })).rejects.toThrow(new RegExp(`${part}.*SHA-256`));
  });
});

describe('pack', () => {
  it('places each section whole in a part and views it in place', () => {
    const w = new PackWriter().add('a', new Uint8Array([1, 2, 3])).add('b', Float32Array.from([0.5, -2])).add('c', Uint32Array.from([7, 8, 9]));
    const { layout, parts } = w.finish('t', 16);
    expect(layout.sections.map((s) => [s.name, s.part, s.offset])).toEqual([
      ['a', 0, 0],
      ['b', 0, 8],
      ['c', 1, 0],
    ]);
    expect(parts.every((p) => p.byteLength <= 16)).toBe(true);
    const s = openPack(layout, parts);
    expect([...s.u8('a')]).toEqual([1, 2, 3]);
    expect([...s.f32('b')]).toEqual([0.5, -2]);
    expect([...s.u32('c')]).toEqual([7, 8, 9]);
    expect(() => s.u16('a')).toThrow(/u8/);
    const big = new PackWriter().add('x', new Uint8Array([9])).add('big', Uint32Array.from({ length: 9 }, (_, i) => i)).add('y', new Uint8Array([5]));
    const packed = big.finish('t', 16);
    expect(packed.parts.every((p) => p.byteLength <= 16)).toBe(true);
    const opened = openPack(packed.layout, packed.parts);
    expect([...opened.u32('big')]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...opened.u8('y')]).toEqual([5]);
  });

  it('cuts a byte string into chunks at item boundaries and reads items back', () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const bounds = [0, 3, 6, 7, 10];
    const { chunks, starts } = chunkAt(bytes, bounds, 6);
    expect([...starts]).toEqual([0, 6]);
    const c = new ChunkedBytes(chunks, starts);
    expect([...c.slice(3, 6)]).toEqual([3, 4, 5]);
    expect([...c.slice(7, 10)]).toEqual([7, 8, 9]);
  });
});

describe('helpers', () => {
  it('normalizes URLs for recognition', () => {
    expect(normalizeUrl('https://www.Example.com/a/b/?utm_source=x&id=3#frag')).toBe('example.com/a/b?id=3');
    expect(normalizeUrl('http://example.com/%D8%A7')).toBe('example.com/ا');
  });
  it('cuts snippets at a word boundary', () => {
    expect(makeSnippet('one two three four', 9)).toBe('one two…');
    expect(makeSnippet('short', 100)).toBe('short');
  });
});
