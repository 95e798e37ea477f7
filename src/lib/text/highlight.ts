/**
 * Highlighting by splitting strings, never by building markup: `highlight()` returns plain segments that the
 * <Highlighted> component renders as text nodes and <mark> elements.
 *
 * Matching ignores what the search engine ignores (hamza forms, diacritics, tatweel, ى/ي, ة/ه, case, Arabic-Indic
 * digits: the analyzer's own character normalisation), so a term typed "اسرائيل" lights up "إسرائيل". A match
 * must start a word, after optional Arabic proclitics (و ف ب ك ل and the article ال: "والحكومة" matches
 * "حكومة"), and the whole word is marked so highlights never cut a word in two. Stopwords of a query are not
 * marked, so the pages carry the stopword lists; they do not carry the stemmer.
 *
 * @example
 * highlight('قال رئيس الوزراء إنّ…', ['الوزراء'])
 * // [{ text: 'قال رئيس ', hit: false }, { text: 'الوزراء', hit: true }, { text: ' إنّ…', hit: false }]
 */
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';
import { normalize } from './normalize';

export interface Segment {
  text: string;
  hit: boolean;
}

export interface HighlightOptions {
  /** Accept a term as the start of a longer word ("ترا" marks "ترامب"), as when the user is still typing. */
  prefix?: boolean;
  /** Without `prefix`, how many letters may follow a term in the same word (plural and case endings). */
  maxSuffix?: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const TRAILING = /[\p{M}\u0640\u200C\u200D]/u;
const PROCLITICS = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)$/;

interface Mapped {
  norm: string;
  /** For each normalised code unit: the start and end (exclusive) of the original character it came from. */
  start: number[];
  end: number[];
}

function mapNormalized(text: string): Mapped {
  const start: number[] = [];
  const end: number[] = [];
  let norm = '';
  let i = 0;
  for (const ch of text) {
    const n = normalize(ch);
    for (let k = 0; k < n.length; k += 1) {
      start.push(i);
      end.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, start, end };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

export function highlight(text: string, terms: readonly string[], options: HighlightOptions = {}): Segment[] {
  if (!text) return [];
  const { prefix = false, maxSuffix = 3 } = options;
  const wanted = [...new Set(terms.flatMap((t) => withWords(normalize(String(t)).replace(/\s+/g, ' ').trim())))]
    .filter((t) => t.length >= 2 || (t.length === 1 && /\p{N}/u.test(t)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 32);
  if (wanted.length === 0) return [{ text, hit: false }];

  const { norm, start, end } = mapNormalized(text);
  const marked: [number, number][] = [];
  for (const term of wanted) {
    let from = 0;
    for (;;) {
      const at = norm.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      let wordStart = at;
      while (wordStart > 0 && isWordChar(norm[wordStart - 1])) wordStart -= 1;
      if (wordStart < at && !PROCLITICS.test(norm.slice(wordStart, at))) continue;
      let wordEnd = at + term.length;
      while (wordEnd < norm.length && isWordChar(norm[wordEnd])) wordEnd += 1;
      if (!prefix && wordEnd - (at + term.length) > maxSuffix) continue;
      // Combining marks and tatweel normalise to nothing; keep those that follow the word inside the mark, so
      // a vowel sign is never split from its letter.
      let e = end[wordEnd - 1];
      while (e < text.length && TRAILING.test(text[e])) e += 1;
      marked.push([start[wordStart], e]);
    }
  }
  if (marked.length === 0) return [{ text, hit: false }];

  marked.sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [s, e] of marked) {
    if (e <= cursor) continue;
    const from = Math.max(s, cursor);
    if (from > cursor) segments.push({ text: text.slice(cursor, from), hit: false });
    const last = segments[segments.length - 1];
    if (last?.hit && from === cursor) last.text += text.slice(from, e);
    else segments.push({ text: text.slice(from, e), hit: true });
    cursor = e;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), hit: false });
  return segments;
}

/**
 * A phrase ("ميناء الحديدة") and its telling words on their own, since a related article often has the words
 * but not the phrase. Short words and stopwords are left out: they would light up everywhere.
 */
function withWords(term: string): string[] {
  if (!term.includes(' ')) return [term];
  const words = term.split(' ').filter((w) => w.length >= 3 && !ARABIC_STOPWORDS.has(w) && !ENGLISH_STOPWORDS.has(w));
  return [term, ...words];
}

/** Words of a search query worth highlighting (the engine's own matched terms are added to these). */
export function queryTerms(query: string): string[] {
  return query.split(/[\s\p{P}]+/u).filter((w) => w.length > 0);
}
