/**
 * Small string helpers shared by the extractor. The page controls every string that reaches them, so each one is
 * bounded and none throws. Built-ins the extractor relies on are captured once at load: in the browser the content
 * script runs in an isolated world, but the pure functions are also tested against a page that overwrote them.
 */

export const jsonParse: (text: string) => unknown = JSON.parse;
export const isArray: (value: unknown) => value is unknown[] = Array.isArray;

/** Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and C0 controls except newline. */
const UNSAFE_CHARS = /[\u202A-\u202E\u2066-\u2069\u0000-\u0009\u000B-\u001F\u007F]/g;
/**
 * Whitespace runs other than a lone space: replacing these with ' ' gives what /\s+/g would, but a line of plain
 * words has no match at all. /\s+/g matched every space, and V8's replace costs 0.25–1 µs per match: 5–20 ms in
 * Chromium for the 100,000-character paragraph of hostile-huge-text (20,000 words), 0.2 ms with this one.
 */
const SPACES = /[^\S ]\s*| \s+/g;

/** One line of text: controls removed, whitespace collapsed, trimmed, cut at `max` characters. */
export function cleanLine(value: string, max = 2000): string {
  const cut = value.length > max * 4 ? value.slice(0, max * 4) : value;
  const line = cut.replace(UNSAFE_CHARS, '').replace(SPACES, ' ').trim();
  return line.length > max ? line.slice(0, max).trim() : line;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

/** The dominant script of a sample of text: "arabic", "latin" or "" when neither has a clear majority. */
export function dominantScript(text: string): 'arabic' | 'latin' | '' {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const arabic = (sample.match(ARABIC) || '').length;
  const latin = (sample.match(LATIN) || '').length;
  if (arabic + latin < 20) return '';
  if (arabic > latin * 1.5) return 'arabic';
  if (latin > arabic * 1.5) return 'latin';
  return '';
}

/** Arabic letter variants that outlets spell differently, folded for comparisons only (never for output). */
export function foldForMatch(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** Han, kana and Hangul: scripts written without spaces, where one character carries about a word. */
const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/g;

/** CJK characters in a string (see CJK). */
export function cjkCount(value: string): number {
  return (value.match(CJK) || '').length;
}

/** Word tokens of a string, folded, at most `max` of them; each CJK character is a token of its own. */
export function tokens(value: string, max = 400): string[] {
  const out: string[] = [];
  const re =
    /[0-9A-Za-z\u00C0-\u024F\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06F0-\u06FF\u0750-\u077F\u08A0-\u08FF]+|[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/g;
  const folded = foldForMatch(value.length > 20000 ? value.slice(0, 20000) : value);
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null && out.length < max) out.push(m[0]);
  return out;
}

/** Share of a's tokens found in b (0..1). */
export function containment(a: string, b: string): number {
  const ta = tokens(a, 80);
  if (ta.length === 0) return 0;
  const tb = new Set(tokens(b, 200));
  let hit = 0;
  for (let i = 0; i < ta.length; i++) if (tb.has(ta[i])) hit++;
  return hit / ta.length;
}

/** Symmetric title similarity: the smaller of the two containments. */
export function titleSimilarity(a: string, b: string): number {
  return Math.min(containment(a, b), containment(b, a));
}

/** "Read also" / "read more" labels that introduce links to other stories, Arabic and English. */
export const READ_ALSO = new RegExp(
  '^\\s*(?:' +
    [
      '[اإأ]قر[اأ]\\s*(?:[اأ]يض[اًا]*|كذلك|المزيد)',
      'طالع\\s*(?:[اأ]يض[اًا]*|المزيد)',
      'شاهد\\s*(?:[اأ]يض[اًا]*|المزيد)',
      'ذات\\s*صل[ةه]',
      'مواضيع\\s*ذات\\s*صل[ةه]',
      'قد\\s*يهمك',
      'اخترنا\\s*لك',
      'الأكثر\\s*(?:قراءة|مشاهدة)',
      'read\\s*(?:also|more)',
      'also\\s*read',
      'see\\s*also',
      'related(?:\\s*(?:stories|articles|topics|coverage))?\\s*:',
      'more\\s*on\\s*this\\s*story',
      'most\\s*read',
    ].join('|') +
    ')',
  'i',
);

/** Lines that belong to the page chrome even when they sit inside the article container. */
export const BOILERPLATE = new RegExp(
  '^\\s*(?:' +
    [
      'تابع(?:وا)?\\s*(?:أحدث|آخر|اخر|احدث)\\s*الأخبار',
      'تابعونا\\s*على',
      'تابع(?:وا)?\\s*.{0,20}\\s*على\\s*(?:تطبيق|جوجل|تلغرام|تيليجرام|فيسبوك|تويتر|واتساب)',
      'كلمات\\s*(?:دلالية|مفتاحية)',
      'الكلمات\\s*(?:الدلالية|المفتاحية)',
      'الوسوم',
      'وسوم\\s*:',
      'شارك(?:وا)?\\s*(?:هذا|المقال|الخبر|على)',
      'مشاركة\\s*:',
      'إعلان$',
      'advertisement$',
      'share\\s*(?:this|on|via)',
      'follow\\s*us',
      'sign\\s*up\\s*(?:to|for)',
      'subscribe\\s*to',
      'tags?\\s*:',
      'topics\\s*:',
      'copyright',
      '©',
      'جميع\\s*الحقوق',
    ].join('|') +
    ')',
  'i',
);

/** Lines that carry the publication date ("تاريخ النشر: ...", "Published: ..."). */
export const DATE_LINE = /^\s*(?:تاريخ\s*النشر|نشر\s*(?:في|بتاريخ)|تم\s*النشر|آخر\s*تحديث|اخر\s*تحديث|تحديث|published|updated|posted|first\s*published|last\s*updated)\s*[:：]?/i;

/** Bylines: "By Jane Example, BBC News", "كتب أحمد محمود", "بقلم: …" (only short lines are treated so). */
export const BYLINE = /^\s*(?:by|written\s*by|reporting\s*by|بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تحرير|تقرير|مراسل|مراسلة)\s*[:：]?\s/i;
