import { describe, expect, it } from 'vitest';
import { memorySource } from '../index/source';
import { buildSearchFiles } from './build';
import { ARTICLES, fixtureDocs } from './fixtures';
import { loadSearcher } from './load';
import { outsideSet } from './outside';

async function searcherOf(articles: { title: string; body: string }[]) {
  const files = buildSearchFiles(articles.map((a, position) => ({ position, title: a.title, body: a.body, source: null, published: null })), { titles: true, leadMaxDfShare: 1 });
  return loadSearcher(memorySource(new Map(Object.entries(files))));
}

describe('articles outside the archive are scored on its scale', () => {
  // An article scored from outside the archive is scored as one more document of it. (The fixture is tiny, so
  // its builds keep every lead term: at 5% of 13 leads, every lead term would be dropped.) Scored from outside an
  // archive that holds it once, it must score (almost: the average title length moves) as it does inside an
  // archive that holds it twice, for every query made of its own title words.
  it.each(ARTICLES.map((a, i) => [i, a.title]))('article %i: its score outside is within 5% of its score inside', async (i) => {
    const article = ARTICLES[i as number];
    const once = await searcherOf(ARTICLES);
    const twice = await searcherOf([...ARTICLES, article]);
    const query = article.title.split(' ').slice(0, 3).join(' ') + ' ';
    const inside = twice.search(query, { k: 50 }).find((h) => h.position === ARTICLES.length);
    const [outside] = once.searchOutside(query, [once.prepareOutside(article)]);
    expect(inside).toBeDefined();
    expect(outside.score).toBeGreaterThan(inside!.score * 0.95);
    expect(outside.score).toBeLessThan(inside!.score * 1.05);
  });

  it('ranks, names the matched title words as written, and leaves out what does not match', async () => {
    const s = await searcherOf(ARTICLES);
    const docs = [
      { title: 'زيارة وزير الخارجية إلى الرباط', body: 'التقى وزير الخارجية نظيره في الرباط.' },
      { title: 'مباراة كرة القدم', body: 'فاز الفريق في مباراة الأمس.' },
      { title: 'الرباط تستضيف مؤتمرا', body: 'تستضيف العاصمة مؤتمرا عن المياه.' },
    ].map((a) => s.prepareOutside(a));
    const hits = s.searchOutside('وزير الرباط ', docs);
    expect(hits.map((h) => h.index)).toEqual([0, 2]);
    expect(hits[0].matchedTerms).toEqual(['وزير', 'الرباط']);
    expect(s.searchOutside('', docs)).toEqual([]);
  });

  it('matches the word being typed as a prefix, and spelling variants as the archive does', async () => {
    const s = await searcherOf(fixtureDocs().map((d) => ({ title: d.title, body: d.body })));
    const docs = [s.prepareOutside({ title: 'وزارة الخارجية تستدعي السفير', body: '' })];
    expect(s.searchOutside('الخار', docs).map((h) => h.matchedTerms)).toEqual([['الخارجية']]);
    expect(s.searchOutside('وزاره ', docs)).toHaveLength(1);
  });

  it('over a term table (outsideSet) gives exactly the hits of scoring every article, for whole words and prefixes', async () => {
    const s = await searcherOf(ARTICLES);
    const docs = ARTICLES.map((a) => s.prepareOutside(a));
    const set = outsideSet(docs);
    const words = [...new Set(ARTICLES.flatMap((a) => a.title.split(' ')))];
    const queries = [
      ...words.map((w) => `${w} `),
      ...words.map((w) => w.slice(0, 3)),
      ...words.slice(0, 20).map((w, i) => `${w} ${words[(i * 7) % words.length].slice(0, 4)}`),
      'الخار',
      'وزاره ',
    ];
    let found = 0;
    for (const q of queries) {
      const all = s.searchOutside(q, docs);
      found += all.length;
      expect(s.searchOutside(q, set), q).toEqual(all);
    }
    // The comparison is not empty: these queries find articles (about one each).
    expect(found).toBeGreaterThan(queries.length / 2);
  });
});
