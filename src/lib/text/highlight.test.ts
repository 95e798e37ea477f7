import { describe, expect, it } from 'vitest';
import { highlight, queryTerms } from './highlight';

const marked = (text: string, terms: string[], options = {}) =>
  highlight(text, terms, options)
    .filter((s) => s.hit)
    .map((s) => s.text);

describe('highlight', () => {
  it('splits a string into plain and marked segments that join back to the original', () => {
    const text = 'قال رئيس الوزراء إن الحكومة ستجتمع';
    const segments = highlight(text, ['الوزراء']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['الوزراء']);
  });

  it('ignores hamza, diacritics, tatweel, ى/ي and ة/ه differences, and marks the text as written', () => {
    expect(marked('زيارة إلى إسرائيل', ['اسرائيل'])).toEqual(['إسرائيل']);
    expect(marked('مُفاوَضاتٌ جديدة', ['مفاوضات'])).toEqual(['مُفاوَضاتٌ']);
    expect(marked('الـــحكومة قالت', ['الحكومه'])).toEqual(['الـــحكومة']);
    expect(marked('مستشفى المدينة', ['مستشفي'])).toEqual(['مستشفى']);
    expect(marked('The ELECTION results', ['election'])).toEqual(['ELECTION']);
  });

  it('accepts Arabic proclitics before a term and marks the whole word', () => {
    expect(marked('وبالحكومة ثقة', ['حكومة'])).toEqual(['وبالحكومة']);
    expect(marked('للمفاوضات', ['مفاوضات'])).toEqual(['للمفاوضات']);
  });

  it('does not mark a term inside an unrelated word', () => {
    expect(marked('استقالة الحكومة', ['قال'])).toEqual([]);
    expect(marked('a cartoon', ['art'])).toEqual([]);
  });

  it('allows short endings, and any ending in prefix mode (search as you type)', () => {
    expect(marked('elections were held', ['election'])).toEqual(['elections']);
    expect(marked('international news', ['inter'])).toEqual([]);
    expect(marked('international news', ['inter'], { prefix: true })).toEqual(['international']);
    expect(marked('ترامب يصل', ['ت'], { prefix: true })).toEqual([]);
  });

  it('marks phrases and merges overlapping matches', () => {
    expect(marked('محادثات سد النهضة في الخرطوم', ['سد النهضة', 'النهضة'])).toEqual(['سد النهضة']);
  });

  it('marks the telling words of a phrase on their own, not its stopwords', () => {
    expect(marked('قصف في الحديدة', ['ميناء الحديدة'])).toEqual(['الحديدة']);
    expect(marked('the port of Hodeidah', ['port of call'])).toEqual(['port']);
    expect(marked('جاء من هناك', ['من هناك جاء'])).toEqual(['جاء']);
  });

  it('keeps combining marks with their letter and handles astral characters', () => {
    const text = 'قالَ 😀 مصرُ';
    const segments = highlight(text, ['مصر']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['مصرُ']);
  });

  it('returns the text unmarked for no terms, and nothing for no text', () => {
    expect(highlight('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    expect(highlight('', ['a'])).toEqual([]);
    expect(marked('a b', ['a'])).toEqual([]); // one-letter terms are too noisy to mark
  });

  // How long it takes belongs in a benchmark; here, that every one of the 1,000 repeats is found and kept whole.
  it('stays correct on a 10,000-character title', () => {
    const text = 'سد النهضة '.repeat(1000);
    const segments = highlight(text, ['سد النهضة', 'النهضه']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.hit).map((s) => s.text.trim())).toEqual(Array(1000).fill('سد النهضة'));
  });
});

describe('queryTerms', () => {
  it('splits a query on spaces and punctuation', () => {
    expect(queryTerms('  سد النهضة، إثيوبيا  ')).toEqual(['سد', 'النهضة', 'إثيوبيا']);
  });
});
