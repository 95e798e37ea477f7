import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { ARTICLES } from './fixtures';
import { miniSearchOptions } from './options';
import { analyze } from '../text/index';
import { PostingsTable, PostingsWriter } from './postings';
import { titleIndexFrom } from './title-index';
import { TermScorer, type TermHits } from './term-hits';
import { searchTuning } from './options';

// The title index fills in MiniSearch's private state from compact postings. If a MiniSearch upgrade changes
// that state, these answers stop matching an index built the documented way, and this test says so.
describe('title index made from postings', () => {
  const docs = ARTICLES.map((a, id) => ({ id, title: a.title }));
  const reference = new MiniSearch(miniSearchOptions);
  reference.addAll(docs);
  const writer = new PostingsWriter();
  for (const d of docs) writer.add(d.id, miniSearchOptions.tokenize!(d.title, 'title'));
  const { mini, has } = titleIndexFrom(new PostingsTable(writer.finish()));

  it.each(['أمريكا', 'الحكومة خطة المزارعين', 'مستشفى الأطفال', 'election ballots', 'موجة', 'zzz'])('answers %s like MiniSearch.addAll', (q) => {
    for (const options of [{}, { prefix: true }, { fuzzy: 0.2 }, { combineWith: 'AND' as const }]) {
      const want = reference.search(q, options);
      const got = mini.search(q, options);
      expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
      got.forEach((r, i) => {
        expect(r.score).toBeCloseTo(want[i].score, 9);
        expect(r.match).toEqual(want[i].match);
      });
    }
  });

  it('has the same vocabulary and document count', () => {
    expect(mini.documentCount).toBe(reference.documentCount);
    expect(mini.termCount).toBe(reference.termCount);
    expect(has(analyze('أمريكا')[0])).toBe(true);
    expect(has('nosuchterm')).toBe(false);
  });
});

// term-hits.ts scores titles from the postings instead of calling MiniSearch (whose per-document objects made
// frequent terms slow): its scores must still be MiniSearch's.
describe('TermScorer scores titles as MiniSearch does', () => {
  const docs = ARTICLES.map((a, id) => ({ id, title: a.title }));
  const reference = new MiniSearch(miniSearchOptions);
  reference.addAll(docs);
  const writer = new PostingsWriter();
  for (const d of docs) writer.add(d.id, miniSearchOptions.tokenize!(d.title, 'title'));
  const table = new PostingsTable(writer.finish());
  const n = table.header.docCount;
  const lead = new PostingsTable(new PostingsWriter().finish());
  const scorer = new TermScorer(titleIndexFrom(table), lead, searchTuning, {
    sum: new Float64Array(n),
    seen: new Uint8Array(n),
    touched: new Int32Array(n),
  });
  const asIs = { tokenize: (s: string) => [s], processTerm: (t: string) => t };
  const scoresOf = (h: TermHits) => new Map([...h.titleDocs].map((d, i) => [d, h.titleScores[i]]));

  it.each(['أمريكا', 'مستشفى', 'المزارعين', 'election', 'zzz'])('exact and one-edit fuzzy: %s', (word) => {
    const term = analyze(word)[0];
    for (const fuzzy of [false, true]) {
      const want = reference.search(term, { ...asIs, fuzzy: fuzzy ? 1 : false });
      const got = scoresOf(scorer.word(term, fuzzy));
      expect([...got.keys()].sort()).toEqual(want.map((r) => r.id).sort());
      for (const r of want) expect(got.get(r.id)).toBeCloseTo(r.score, 12);
    }
  });

  it.each([['أمريكا', 2], ['مستشفى', 3], ['election', 3], ['الحكومة', 2]] as const)('prefix: %s cut to %i letters', (word, letters) => {
    const prefix = analyze(word)[0].slice(0, letters);
    const want = reference.search(prefix, { ...asIs, prefix: true });
    const got = scoresOf(scorer.prefix(prefix));
    expect([...got.keys()].sort()).toEqual(want.map((r) => r.id).sort());
    for (const r of want) expect(got.get(r.id)).toBeCloseTo(r.score, 12);
  });
});
