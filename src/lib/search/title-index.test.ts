import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { ARTICLES } from './fixtures.ts';
import { miniSearchOptions } from './options.ts';
import { analyze } from '../text/index.ts';
import { PostingsTable, PostingsWriter } from './postings.ts';
import { titleIndexFrom } from './title-index.ts';

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
