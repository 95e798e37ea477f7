import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { ARTICLES, fixtureSearcher, topTitle } from './fixtures';
import type { Searcher } from './searcher';
import { buildSearchFiles } from './build';
import { SEARCH_META_FILE } from './files';

let searcher: Searcher;
beforeAll(async () => {
  searcher = await fixtureSearcher();
});

const title = (i: number) => ARTICLES[i].title;

describe('spelling variants find the same article', () => {
  it.each([
    ['hamza written', 'أمريكا عقوبات', 0],
    ['hamza omitted', 'امريكا عقوبات', 0],
    ['madda / hamza below', 'إمريكا عقوبات', 0],
    ['diacritics', 'أَمْرِيكَا عُقُوبَات', 0],
    ['tatweel', 'أمريـــكا عقـوبات', 0],
    ['alef maqsura as yeh', 'افتتاح مستشفي', 1],
    ['alef maqsura', 'افتتاح مستشفى', 1],
    ['teh marbuta as heh', 'الحكومه تعلن خطه', 2],
    ['teh marbuta', 'الحكومة تعلن خطة', 2],
    ['hamza on waw written as bare waw', 'مسوول الجامعات', 4],
    ['Latin case', 'ELECTION RESULTS', 8],
  ])('%s: %s', (_what, query, expected) => {
    expect(topTitle(searcher, query)).toBe(title(expected));
  });

  it('clitics and plural forms meet the same stem', () => {
    expect(topTitle(searcher, 'والجامعة ')).toBe(title(4));
    expect(topTitle(searcher, 'بالوزارة الخارجية ')).toBe(title(3));
  });
});

describe('search as you type', () => {
  it('matches the word being typed as a prefix', () => {
    expect(topTitle(searcher, 'وزارة الخار')).toBe(title(3));
    expect(topTitle(searcher, 'مهرج')).toBe(title(7));
    expect(topTitle(searcher, 'resea')).toBe(title(9));
  });

  it('treats a word followed by a space as complete', () => {
    // "مهرج " is a whole word nobody wrote: no prefix expansion, so no hit on مهرجان.
    expect(searcher.search('مهرج ')).toEqual([]);
  });

  it('finds a misspelt word by one edit', () => {
    expect(topTitle(searcher, 'مهرجاان السينما ')).toBe(title(7));
    expect(topTitle(searcher, 'drougth tolerant ')).toBe(title(9));
  });

  it('uses the opening of the body when the title lacks the word', () => {
    expect(topTitle(searcher, 'الخزانة ')).toBe(title(0));
    expect(topTitle(searcher, 'agronomists ')).toBe(title(9));
  });
});

describe('hits', () => {
  it('report the title words as written that matched', () => {
    const [hit] = searcher.search('امريكا تفرض عقوبات');
    expect(hit.position).toBe(0);
    expect(hit.matchedTerms).toEqual(['أمريكا', 'تفرض', 'عقوبات']);
  });

  it('report prefix matches as the whole title word', () => {
    const [hit] = searcher.search('الخار');
    expect(hit.matchedTerms).toEqual(['الخارجية']);
  });

  it('use titleOf when the caller has the titles', async () => {
    const s = await fixtureSearcher({}, { titleOf: (p) => ARTICLES[p].title });
    expect(s.search('الخار')[0].matchedTerms).toEqual(['الخارجية']);
    const bare = await fixtureSearcher({});
    expect(bare.search('الخار')[0]).toMatchObject({ position: 3, matchedTerms: [] });
  });

  it('are sorted by score and limited to k', () => {
    const hits = searcher.search('موجة ', { k: 1 });
    expect(hits).toHaveLength(1);
    const all = searcher.search('موجة الجفاف الحر ', { k: 50 });
    expect(all.length).toBeGreaterThan(1);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
  });
});

describe('odd and hostile queries', () => {
  it.each(['', ' ', '\n\t  ', '،؛؟', '...', 'في من على', 'the of and', 'ـــ', '\u200f\u200e'])('%j gives no hits', (q) => {
    expect(searcher.search(q)).toEqual([]);
  });

  it.each([
    'x'.repeat(100_000),
    'أمريكا '.repeat(20_000),
    '\ud800\udfff\ud800 أمريكا \udc00',
    '__proto__ constructor hasOwnProperty toString',
    '.*+?^${}()|[]\\ أمريكا',
    '<script>alert(1)</script>',
    '😀 🇸🇦 أمريكا',
  ])('%# returns sane results without throwing', (q) => {
    const hits = searcher.search(q, { k: 5 });
    expect(hits.length).toBeLessThanOrEqual(5);
    for (const h of hits) expect(Number.isFinite(h.score)).toBe(true);
  });

  it.each([0, -1, NaN, Infinity, 1e9, 2.5])('k = %s is clamped', (k) => {
    const hits = searcher.search('أمريكا', { k });
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.length).toBeLessThanOrEqual(ARTICLES.length);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (q, k) => {
        const hits = searcher.search(q, { k });
        return Array.isArray(hits) && hits.length <= k;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary mixes of Arabic, Latin and marks', () => {
    const alphabet = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰ abcXYZ019٠١٢،؛؟ \u200c\u200d'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const hits = searcher.search(chars.join(''));
        return hits.every((h) => h.position >= 0 && h.position < ARTICLES.length && Number.isFinite(h.score));
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildSearchFiles', () => {
  it('writes files named search*, none over 4 MiB, no .gz', () => {
    const files = buildSearchFiles(ARTICLES.map((a, position) => ({ position, ...a, source: null, published: null })));
    expect(Object.keys(files)).toContain(SEARCH_META_FILE);
    for (const [name, content] of Object.entries(files)) {
      expect(name.startsWith('search')).toBe(true);
      expect(name.endsWith('.gz')).toBe(false);
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content).length : content.length;
      expect(bytes).toBeLessThan(4 * 1024 * 1024);
    }
  });

  it('accepts documents in any order but insists on positions 0..n-1', () => {
    const docs = ARTICLES.map((a, position) => ({ position, ...a })).reverse();
    expect(() => buildSearchFiles(docs)).not.toThrow();
    expect(() => buildSearchFiles([{ position: 1, title: 'a', body: 'b' }])).toThrow(/positions/);
  });

  it('copes with an empty corpus', async () => {
    const { loadSearcher } = await import('./load');
    const { memorySource } = await import('../index/source');
    const s = await loadSearcher(memorySource(new Map(Object.entries(buildSearchFiles([])))));
    expect(s.search('أمريكا')).toEqual([]);
  });
});

// The searcher keeps the complete words' sums between keystrokes and adds a completed word to them (baseFor);
// whatever is typed, deleted or retyped, every answer must equal the one a fresh searcher gives.
describe('answers while typing equal fresh answers', () => {
  const words = ['مصر', 'الرئيس', 'الحكومة', 'وزير', 'الخارجية', 'مجلس', 'الأمن', 'انتخابات', 'الشعب', 'محكمة', 'القاهرة', 'اقتصاد'];
  // 400 titles of 3–6 words; a small vocabulary, so each word is in more titles than the 64 best kept.
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const docs = Array.from({ length: 400 }, (_, position) => ({
    position,
    title: Array.from({ length: 3 + rand(4) }, () => words[rand(words.length)]).join(' '),
    body: Array.from({ length: 8 }, () => words[rand(words.length)]).join(' '),
  }));
  let typing: Searcher;
  let fresh: Searcher & { clearCache(): void };
  beforeAll(async () => {
    const { loadSearcher } = await import('./load');
    const { memorySource } = await import('../index/source');
    const source = () => memorySource(new Map(Object.entries(buildSearchFiles(docs))));
    typing = await loadSearcher(source());
    fresh = (await loadSearcher(source())) as typeof fresh;
  });

  it('over random typing with deletions and changing k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 6 }),
        (steps) => {
          let text = '';
          for (const [word, cut, k] of steps) {
            for (const ch of `${word} `) {
              text += ch;
              fresh.clearCache();
              expect(typing.search(text, { k })).toEqual(fresh.search(text, { k }));
            }
            text = text.slice(0, Math.max(0, text.length - cut)); // backspace a little
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
