import { describe, expect, it } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../../tests/fixtures/fixture-index';
import { openIndex } from '../engine';
import { memorySource } from '../index/source';

const files = buildFixtureFiles();
const pageOf = (i: number) => ({ title: fixtureArticles[i].title, body: fixtureArticles[i].body, published: fixtureArticles[i].published ?? null });

describe('the last page analysed is kept for the library (RelatedEngine.analyzePage)', () => {
  it("gives the library the same query whatever was ranked before, and ranking the same as a fresh index's", async () => {
    const kept = await openIndex(memorySource(files));
    const a = pageOf(0);
    const b = pageOf(3);
    const fresh = async () => openIndex(memorySource(files));
    const expectedA = (await fresh()).libraryQuery(a);
    const expectedB = (await fresh()).libraryQuery(b);
    const rankedA = await (await fresh()).related(a, { k: 5 });
    // A corpus article asked about by position with its text: the kept analysis gets its date from the article.
    const position = await kept.findCorpusArticle({ title: a.title, text: a.body });
    const byPosition = await (await fresh()).relatedToPosition(position, { k: 5, query: { ...a, published: null } });

    expect(await kept.related(a, { k: 5 })).toEqual(rankedA);
    expect(kept.libraryQuery(a)).toEqual(expectedA);
    expect(kept.libraryQuery(b)).toEqual(expectedB);
    expect(await kept.relatedToPosition(position, { k: 5, query: { ...a, published: null } })).toEqual(byPosition);
    expect(await kept.related(a, { k: 5 })).toEqual(rankedA);
    // A page whose text changed is analysed again, not served the earlier analysis.
    expect(kept.libraryQuery({ ...a, body: b.body })).toEqual((await fresh()).libraryQuery({ ...a, body: b.body }));
    expect(kept.libraryQuery({ ...a, body: b.body })).not.toEqual(expectedA);
  });
});
