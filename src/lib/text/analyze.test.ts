import { describe, expect, it } from 'vitest';
import { analyze, analyzeTokens, createAnalyzer, normalize } from './index';

/** The single term of a one-word text. */
const term = (w: string): string => {
  const t = analyze(w);
  expect(t, w).toHaveLength(1);
  return t[0];
};

describe('nine reference words, stemmed as the Lucene Arabic analyzer does (its stems in comments)', () => {
  it.each([
    ['الإرهابيين', 'ارهاب'], // Lucene ارهاب
    ['والمحافظة', 'محافظ'], // Lucene محافظ
    ['بالتعاون', 'تعاون'], // Lucene بالتعا (wrong)
    ['الجامعات', 'جامع'], // Lucene جامع
    ['وكالة', 'وكال'], // Lucene كال (wrong)
    ['الفضاء', 'فضاء'], // Lucene فضاء
    ['مستشار', 'مستشار'], // Lucene مستشار
    ['التغيرات', 'تغير'], // Lucene تغير
    ['المناخية', 'مناخ'], // Lucene مناخ
  ])('%s → %s', (word, expected) => {
    expect(term(word)).toBe(expected);
  });
});

describe('inflections of one word meet', () => {
  it.each([
    ['جامعة', 'الجامعات', 'والجامعة', 'جامعتها', 'الجامعتين'],
    ['وزارة', 'الوزارة', 'بوزارة', 'وزارات', 'وزارتها', 'ووزارة'],
    ['محافظة', 'المحافظة', 'والمحافظات', 'للمحافظة'],
    ['وكالة', 'الوكالة', 'بالوكالة', 'وكالات', 'ووكالة'],
    ['وزير', 'الوزير', 'ووزير', 'لوزير'],
    ['الإرهاب', 'إرهابي', 'الإرهابيين', 'الإرهابية', 'إرهابيون'],
    ['حكومة', 'الحكومات', 'حكومتها', 'الحكومية', 'بالحكومة'],
    ['لبنان', 'للبنان', 'اللبناني', 'اللبنانيين', 'ولبنان'],
    ['إيران', 'الإيرانية', 'الإيرانيين', 'وإيران'],
    ['فرنسا', 'الفرنسي', 'الفرنسية', 'وفرنسا'],
    ['روسيا', 'الروسي', 'الروسية', 'بروسيا'],
    ['ألمانيا', 'الألمانية', 'وألمانيا', 'ألماني'],
    ['إلغاء', 'الإلغاء', 'وإلغاء', 'لإلغاء'],
    ['تعاون', 'التعاون', 'بالتعاون', 'وتعاون'],
    ['قانون', 'القانون', 'قانونية'],
    ['بيان', 'البيان', 'بيانات', 'والبيان'],
    ['واشنطن', 'بواشنطن', 'لواشنطن'],
    ['فلسطين', 'الفلسطينية', 'فلسطينيين', 'وفلسطين'],
    ['عملية', 'العمليات', 'عمليات'],
    ['ساعة', 'ساعتين', 'الساعات'],
    ['انتخابات', 'الانتخابات', 'الانتخابية'],
    ['الاقتصاد', 'الاقتصادي', 'الاقتصادية', 'اقتصاديا'],
    ['الشركة', 'الشركات', 'شركتها', 'بالشركة'],
    ['اللاعب', 'اللاعبين', 'لاعبون'],
    ['الوقت', 'وقتها', 'ووقت'],
    ['التغير', 'التغيرات', 'تغيرات'],
    ['مناخ', 'المناخية', 'المناخي'],
    ['مسؤول', 'مسئول', 'المسؤولين', 'مسؤولون'],
    ['شؤون', 'الشئون'],
    ['الشاطئ', 'شاطيء', 'شاطئ'],
    ['بطيء', 'بطئ'],
    ['شيء', 'شئ'],
    ['القدس', 'بالقدس', 'للقدس'],
    ['ترامب', 'وترامب', 'لترامب'],
  ])('%s', (...forms) => {
    const terms = new Set(forms.map(term));
    expect([...terms], forms.join(' ')).toHaveLength(1);
  });
});

describe('different words stay apart', () => {
  it.each([
    ['وكالة', 'كالة'],
    ['وزارة', 'زيارة'],
    ['وزير', 'زير'],
    ['ولاية', 'لاية'],
    ['فريق', 'ريق'],
    ['بيان', 'يان'],
    ['تعاون', 'تعا'],
    ['لبنان', 'لبن'],
    ['البيان', 'ألبان'],
    ['الغاء', 'غاء'],
    ['ولي', 'لي'],
    ['بحث', 'حث'],
    ['جامعة', 'مجمع'],
    ['سوريا', 'سوق'],
  ])('%s ≠ %s', (a, b) => {
    expect(analyze(a)).not.toEqual(analyze(b));
  });
});

describe('stopwords and boilerplate', () => {
  it('drops Arabic function words, also behind a conjunction and after normalising', () => {
    expect(analyze('فإن هذا من الذي على إلى وهذا ولكن فقد بأن لذلك')).toEqual([]);
  });
  it('keeps words that only look like clitic + stopword', () => {
    expect(analyze('ولي العهد ولاية')).toEqual(['ولي', 'عهد', 'ولا']);
  });
  it('drops English stopwords', () => {
    expect(analyze("The president said that it wasn't ended")).toEqual(['presid', 'end']);
  });
  it('drops single-word reporting boilerplate by default, keeps it on request', () => {
    expect(analyze('وقال وأضاف مؤكدا وأوضحت مشيرا')).toEqual([]);
    expect(createAnalyzer({ dropBoilerplate: false }).analyze('قال')).toEqual(['قال']);
  });
  it('keeps topic words that appear in boilerplate phrases', () => {
    expect(analyze('وكالة الأنباء')).toEqual(['وكال', 'انباء']);
  });
});

describe('normalisation variants meet', () => {
  it.each([
    ['أحمد', 'احمد', 'إحمد'],
    ['مُسْتَشَارٌ', 'مستشار'],
    ['الـــعربية', 'العربية'],
    ['مستشفى', 'مستشفي'],
    ['مدرسة', 'مدرسه'],
    ['الامارات', 'الإمارات', 'ال\u200Fإمارات', 'الإ\u200Bمارات'],
    ['القرآن', 'القران', 'القرءان'.replace('ء', '')],
    ['الرحمٰن', 'الرحمن'],
    ['كتاب', 'ﻛﺘﺎﺏ'],
    ['سلام', 'ﺳﻼﻡ'],
    ['کتاب', 'كتاب'],
    ['یوم', 'يوم'],
    ['ہدف', 'هدف'],
  ])('%s', (...forms) => {
    const terms = new Set(forms.map((f) => analyze(f).join(' ')));
    expect([...terms], forms.join(' | ')).toHaveLength(1);
  });
});

describe('numbers, Latin and mixed tokens', () => {
  it('splits كوفيد-19 like the query كوفيد 19', () => {
    expect(analyze('كوفيد-19')).toEqual(analyze('كوفيد 19'));
    expect(analyze('كوفيد-19')).toEqual(['كوفيد', '19']);
  });
  it('keeps G20 and numbers', () => {
    expect(analyze('قمة G20')).toEqual(['قم', 'g20']);
    expect(analyze('٢٠١٨ ۲۰۱۸ 2018')).toEqual(['2018', '2018', '2018']);
    expect(analyze('2,000 و 3.5 و ٣٫٥')).toEqual(['2000', '3.5', '3.5']);
  });
  it('separates an article written with tatweel from a number or a Latin word', () => {
    expect(analyze('الـ20')).toEqual(['20']);
    expect(analyze('بـiPhone')).toEqual(['iphon']);
  });
  it('stems English with Porter', () => {
    expect(analyze('Running runs RUNNER')).toEqual(['run', 'run', 'runner']);
    expect(analyze("Trump's elections")).toEqual(['trump', 'elect']);
    expect(analyze('Café CAFÉ')).toEqual(['cafe', 'cafe']);
  });
});

describe('analyzeTokens', () => {
  it('gives the word as written and its position among all tokens', () => {
    const toks = analyzeTokens('وأكدت وزارةُ الخارجيّة في G20');
    expect(toks.map((t) => t.term)).toEqual(['وزار', 'خارج', 'g20']);
    expect(toks.map((t) => t.surface)).toEqual(['وزارةُ', 'الخارجيّة', 'G20']);
    expect(toks.map((t) => t.position)).toEqual([1, 2, 4]);
  });
  it('agrees with analyze()', () => {
    const text = 'أعلنت الحكومة الـــمصرية، اليوم، عن ٣ مشاريع جديدة بقيمة 2,000 مليون دولار (G20).';
    expect(analyzeTokens(text).map((t) => t.term)).toEqual(analyze(text));
  });
  it('maps surfaces through ligatures and surrogate pairs', () => {
    const toks = analyzeTokens('😀 ﻻعب 𝐀𝐁𝐂');
    expect(toks.map((t) => [t.term, t.surface])).toEqual([
      ['لاعب', 'ﻻعب'],
      ['abc', '𝐀𝐁𝐂'],
    ]);
  });
  it('normalize is the same function analyze uses', () => {
    expect(normalize('أحمد')).toBe('احمد');
  });
});
