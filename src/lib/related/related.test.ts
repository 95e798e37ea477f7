import { describe, expect, it } from 'vitest';
import { buildFixtureFiles, fixtureArticles } from '../../../tests/fixtures/fixture-index';
import { openIndex, type SilaIndex } from '../engine';
import { memorySource } from '../index/source';

const articles = fixtureArticles;
const files = buildFixtureFiles();
const position = async (index: SilaIndex, id: string) => {
  for (let p = 0; p < index.size; p++) if ((await index.doc(p)).id === id) return p;
  throw new Error(`no article ${id}`);
};

describe('relatedToPosition with the page text', () => {
  it('is the live query without the article itself', async () => {
    const index = await openIndex(memorySource(files));
    for (const a of articles) {
      const p = await position(index, a.id);
      const query = { title: a.title, body: a.body, url: a.url ?? null, published: a.published ?? null };
      const live = (await index.related(query, { k: 10 })).filter((r) => r.position !== p);
      const corpus = await index.relatedToPosition(p, { k: 10, query });
      expect(corpus.map((r) => r.position)).not.toContain(p);
      for (const r of corpus) expect(r.alsoIn.map((d) => d.id)).not.toContain(a.id);
      // Without itself among the candidates the others keep their order (title feedback may differ slightly,
      // so compare the stories both lists hold).
      const common = new Set(live.map((r) => r.position));
      const order = corpus.map((r) => r.position).filter((x) => common.has(x));
      expect(order).toEqual(live.map((r) => r.position).filter((x) => order.includes(x)));
    }
  });
});
