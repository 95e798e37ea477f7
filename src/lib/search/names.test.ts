/** Latin names find their Arabic spelling; a typo gets a "did you mean", a word the titles use never does. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchFiles } from './build';
import { loadSearcher } from './load';
import { memorySource } from '../index/source';
import type { Searcher } from './searcher';

const TITLES = [
  'ترامب يلتقي زعيم كوريا الشمالية في سنغافورة',
  'ترامب يفرض رسوما جديدة على الصلب',
  'البيت الأبيض: ترامب سيزور أوروبا الشهر المقبل',
  'اختفاء الصحفي جمال خاشقجي في إسطنبول',
  'تركيا تحقق في مقتل خاشقجي',
  'خطيبة خاشقجي تروي ما حدث',
  'رونالدو ينتقل إلى يوفنتوس',
  'أسعار النفط ترتفع مع تراجع المخزونات',
];
const docs = TITLES.map((title, position) => ({ position, title, body: '', source: null, published: null }));
let searcher: Searcher;
const titles = async (positions: number[]) => positions.map((p) => TITLES[p]);
beforeAll(async () => {
  searcher = await loadSearcher(memorySource(new Map(Object.entries(buildSearchFiles(docs, { titles: true })))));
});
const found = (query: string) => searcher.search(query, { k: 10 }).map((h) => h.position).sort((a, b) => a - b);

describe('Latin names', () => {
  it.each([
    ['Trump', [0, 1, 2]],
    ['trump ', [0, 1, 2]],
    ['Khashoggi', [3, 4, 5]],
    ['Ronaldo', [6]],
  ])('%s finds the articles of its Arabic spelling', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });
  it('a Latin word no title spells finds nothing rather than a look-alike', () => {
    expect(found('Oprah')).toEqual([]);
  });
});

describe('did you mean', () => {
  it('offers the title spelling for a typo, as the titles write it', async () => {
    expect(await searcher.didYouMean('خاشقحي', titles)).toBe('خاشقجي');
    expect(await searcher.didYouMean('مقتل خاشقحي', titles)).toBe('مقتل خاشقجي');
  });
  it('never suggests for a query whose words are found', async () => {
    expect(await searcher.didYouMean('خاشقجي', titles)).toBeNull();
    expect(await searcher.didYouMean('ترامب كوريا', titles)).toBeNull();
  });
});
