/**
 * Latin names to their Arabic spelling in the archive ("Ronaldo", "Khashoggi", "Trump" found
 * nothing). No hand-made table of names; two general rules, checked against the archive's own vocabulary:
 *
 * - Candidates: both scripts are reduced to a consonant skeleton of sound classes (vowels, long vowels, hamza,
 *   ع, w and y dropped; letters a transliteration confuses share a class: ك/ق/k/q/c, ج/غ/g/j, س/ص/ش/s, ت/ط/ث/t,
 *   د/ض/ذ/d, ز/ظ/z, ه/ح/h, ب/b/p, ف/f/v; kh → خ, sh → ش…; a repeated class counts once). A term is a candidate
 *   when its skeleton equals the word's, or is one class longer or shorter (both 3+), or one class different
 *   (both 4+): Khashoggi (XSG) meets خاشقجي (XSKG), Oprah (BRH) does not meet أبرز (BRZ).
 * - Ranking: the word is also spelt out letter by letter the way Arabic news writes foreign names (a → ا,
 *   o/u → و, e/i → ي, final e silent, c before e/i → س…), and candidates are ranked by a weighted edit
 *   distance to that spelling (a vowel letter or a same-class letter costs less than another letter), then by
 *   document frequency. A candidate further than `maxDistance` (per letter) is no answer.
 */
import { analyze } from '../text/index';

const ARABIC_CLASS: Record<string, string> = {
  ب: 'B', ت: 'T', ث: 'T', ط: 'T', ج: 'G', غ: 'G', ح: 'H', ه: 'H', خ: 'X', د: 'D', ذ: 'D', ض: 'D', ر: 'R', ز: 'Z', ظ: 'Z',
  س: 'S', ص: 'S', ش: 'S', ف: 'F', ق: 'K', ك: 'K', ل: 'L', م: 'M', ن: 'N',
};

/** Latin digraphs first (read greedily), then single letters; a, e, i, o, u, w, y and apostrophes are dropped. */
const LATIN_DIGRAPHS: Record<string, string> = { kh: 'X', sh: 'S', ch: 'S', gh: 'G', th: 'T', dh: 'D', ph: 'F', ck: 'K' };
const LATIN_CLASS: Record<string, string> = {
  b: 'B', p: 'B', t: 'T', g: 'G', j: 'G', h: 'H', d: 'D', r: 'R', z: 'Z', s: 'S', f: 'F', v: 'F', q: 'K', k: 'K', c: 'K',
  l: 'L', m: 'M', n: 'N', x: 'KS',
};

/** A Latin word reduced to a–z, lower case, accents dropped (Erdoğan → erdogan). */
export function latinLetters(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
}

/** The sound-class skeleton of an Arabic term: ترامب → TRMB, خاشقجي → XSKG (ق ج both heard as "gg"). */
export function arabicSkeleton(term: string): string {
  let out = '';
  for (const ch of term) {
    const c = ARABIC_CLASS[ch];
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

/** The sound-class skeleton of a Latin word: Trump → TRMB, Khashoggi → XSG, Ronaldo → RNLD, Macron → MKRN. */
export function latinSkeleton(word: string): string {
  const w = latinLetters(word);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const digraph = LATIN_DIGRAPHS[w.slice(i, i + 2)];
    // A c before e, i or y sounds s (Facebook, Mercedes).
    const c = digraph ?? (w[i] === 'c' && 'eiy'.includes(w[i + 1] ?? '') ? 'S' : LATIN_CLASS[w[i]]);
    if (digraph) i++;
    if (!c) continue;
    for (const k of c) if (!out.endsWith(k)) out += k;
  }
  return out;
}

/**
 * True when skeletons a and b are equal (2+ classes), one class inserted or deleted (the shorter 3+ classes),
 * or one class substituted (both 4+ classes: a substitution in three classes joins too many common words).
 */
export function skeletonsMatch(a: string, b: string): boolean {
  if (a === b) return a.length >= 2;
  const shorter = Math.min(a.length, b.length);
  if (Math.abs(a.length - b.length) > 1 || shorter < 3 || (a.length === b.length && shorter < 4)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

export const LATIN_WORD = /^[a-z\u00c0-\u024f']+$/i;

const SPELL_DIGRAPHS: Record<string, string> = {
  kh: 'خ', sh: 'ش', ch: 'تش', gh: 'غ', th: 'ث', dh: 'ذ', ph: 'ف', ck: 'ك', qu: 'كو', oo: 'و', ou: 'و', ee: 'ي', ea: 'ي', ie: 'ي',
  ai: 'اي', ay: 'اي', ei: 'اي', ey: 'اي',
};
const SPELL_LETTER: Record<string, string> = {
  a: 'ا', e: 'ي', i: 'ي', o: 'و', u: 'و', y: 'ي', w: 'و', b: 'ب', p: 'ب', t: 'ت', d: 'د', r: 'ر', z: 'ز', s: 'س', f: 'ف',
  v: 'ف', q: 'ق', k: 'ك', c: 'ك', g: 'غ', j: 'ج', h: 'ه', l: 'ل', m: 'م', n: 'ن', x: 'كس',
};

/**
 * The Latin word spelt in Arabic letters the way news transcribes foreign names, before analysis: Trump → تروم ب
 * (ترومب), Ronaldo → رونالدو, Merkel → ميركل, Google → غوغل (final e silent, a doubled letter written once).
 */
export function arabicSpelling(word: string): string {
  const w = latinLetters(word).replace(/(.)\1+/g, '$1');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const pair = w.slice(i, i + 2);
    if (i === 0 && 'aei'.includes(w[0]) && !SPELL_DIGRAPHS[pair]) {
      out += 'ا'; // an initial a, e or i is carried by alif (Erdogan → اردوغان, Iran → ايران)
      continue;
    }
    if (i === 0 && 'ou'.includes(w[0])) {
      out += 'او';
      if (SPELL_DIGRAPHS[pair]) i++;
      continue;
    }
    if (SPELL_DIGRAPHS[pair]) {
      out += SPELL_DIGRAPHS[pair];
      i++;
      continue;
    }
    if (w[i] === 'e' && i === w.length - 1 && i > 2) continue; // silent final e
    out += w[i] === 'c' && 'eiy'.includes(w[i + 1] ?? '') ? 'س' : (SPELL_LETTER[w[i]] ?? '');
  }
  return out;
}

const VOWEL_LETTERS = new Set(['ا', 'و', 'ي', 'ء', 'ى', 'ع']);

/**
 * Edit distance between two Arabic strings where a vowel letter (ا و ي ء ع) in or out costs 0.5, a letter of
 * the same sound class (ق/ك, ج/غ, س/ص/ش…) or one vowel for another costs 0.4, any other edit 1; divided by the
 * longer length. 0 for the same string.
 */
export function spellingDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (!n || !m) return 1;
  const indel = (ch: string) => (VOWEL_LETTERS.has(ch) ? 0.5 : 1);
  const sub = (x: string, y: string) => {
    if (x === y) return 0;
    if (VOWEL_LETTERS.has(x) && VOWEL_LETTERS.has(y)) return 0.4;
    const cx = ARABIC_CLASS[x];
    return cx !== undefined && cx === ARABIC_CLASS[y] ? 0.4 : 1;
  };
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indel(b[j - 1]);
  for (let i = 1; i <= n; i++) {
    row[0] = prev[0] + indel(a[i - 1]);
    for (let j = 1; j <= m; j++) {
      row[j] = Math.min(prev[j] + indel(a[i - 1]), row[j - 1] + indel(b[j - 1]), prev[j - 1] + sub(a[i - 1], b[j - 1]));
    }
    [prev, row] = [row, prev];
  }
  return prev[m] / Math.max(n, m);
}

/** The spelling as an analysed term (normalised and stemmed like the index's terms), or '' when none. */
function spellingTerm(word: string): string {
  return analyze(arabicSpelling(word))[0] ?? '';
}

/** Farthest a rule-based candidate may be from the word's spelling, per letter. */
export const maxSpellingDistance = 0.3;

/**
 * Arabic terms of `vocabulary` that may spell the Latin `word`, best first: nearest to its rule-based spelling,
 * then commonest. Only terms whose skeleton matches are considered.
 * @example latinToArabic('Trump', [['ترامب', 1994], ['ترم', 3]]) // ['ترامب']
 */
export function latinToArabic(
  word: string,
  vocabulary: Iterable<[term: string, df: number]>,
  limit = 3,
  maxDistance = maxSpellingDistance,
): string[] {
  const skeleton = latinSkeleton(word);
  if (skeleton.length < 2) return [];
  const spelt = spellingTerm(word);
  const found: [string, number, number][] = [];
  for (const [term, df] of vocabulary) {
    if (!skeletonsMatch(arabicSkeleton(term), skeleton)) continue;
    const distance = spellingDistance(spelt, term);
    if (distance <= maxDistance) found.push([term, df, Math.round(distance * 10)]);
  }
  found.sort((x, y) => x[2] - y[2] || y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return found.slice(0, limit).map((f) => f[0]);
}

/**
 * Latin → Arabic over a fixed vocabulary, for run time: the skeletons are computed once, on first use, and each
 * word's answer is kept.
 */
export class Transliterator {
  private skeletons: string[] | null = null;
  private readonly answers = new Map<string, string | null>();

  constructor(
    private readonly terms: readonly string[],
    private readonly df: (i: number) => number,
  ) {}

  /** The Arabic term for a Latin word (as analysed: lower case, stemmed), or null. */
  arabicFor(word: string): string | null {
    const key = latinLetters(word);
    let answer = this.answers.get(key);
    if (answer !== undefined) return answer;
    answer = this.lookUp(key);
    if (this.answers.size > 512) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  private lookUp(word: string): string | null {
    const skeleton = latinSkeleton(word);
    if (skeleton.length < 2) return null;
    this.skeletons ??= this.terms.map(arabicSkeleton);
    const skeletons = this.skeletons;
    const terms = this.terms;
    const df = this.df;
    function* candidates(): Generator<[string, number]> {
      for (let i = 0; i < terms.length; i++) if (skeletonsMatch(skeletons[i], skeleton)) yield [terms[i], df(i)];
    }
    return latinToArabic(word, candidates(), 1)[0] ?? null;
  }
}
