/**
 * Latin names to their Arabic spelling in the archive (issue 18: "Ronaldo", "Khashoggi", "Trump" found
 * nothing). A general rule, no table of names: both scripts are reduced to a consonant skeleton of sound
 * classes (vowels, long vowels, hamza, ع, w and y dropped; letters a transliteration confuses share a class:
 * ك/ق/k/q/c, ج/غ/g/j, س/ص/ش/s, ت/ط/ث/t, د/ض/ذ/d, ز/ظ/z, ه/ح/h, ب/b/p, ف/f/v; kh → خ, sh → ش…; a repeated class
 * counts once). A Latin word's Arabic candidates are the archive's terms with the same skeleton, or one class
 * apart for long skeletons; the caller ranks them by document frequency.
 */

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

/** The sound-class skeleton of an Arabic term: ترامب → TRMB, خاشقجي → XSKG (ق ج both heard as "gg"). */
export function arabicSkeleton(term: string): string {
  let out = '';
  for (const ch of term) {
    const c = ARABIC_CLASS[ch];
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

/** The sound-class skeleton of a Latin word: Trump → TRMB, Khashoggi → XSG, Ronaldo → RNLD. */
export function latinSkeleton(word: string): string {
  const w = word.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = LATIN_DIGRAPHS[w.slice(i, i + 2)] ?? LATIN_CLASS[w[i]];
    if (LATIN_DIGRAPHS[w.slice(i, i + 2)]) i++;
    if (!c) continue;
    for (const k of c) if (!out.endsWith(k)) out += k;
  }
  return out;
}

/** True when skeletons a and b are equal, or (both 4+ classes) one insertion, deletion or substitution apart. */
export function skeletonsMatch(a: string, b: string): boolean {
  if (a === b) return a.length >= 2;
  if (Math.min(a.length, b.length) < 3 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

export const LATIN_WORD = /^[a-z\u00c0-\u024f']+$/i;

/**
 * Arabic terms of `vocabulary` that may spell the Latin `word`: exact skeletons first, then one class apart, each
 * by `df` (a common word one class away must not beat the name itself).
 * @example latinToArabic('Trump', [['ترامب', 1994], ['ترم', 3]], (t) => df) // ['ترامب']
 */
export function latinToArabic(word: string, vocabulary: Iterable<[term: string, df: number]>, limit = 3): string[] {
  const skeleton = latinSkeleton(word);
  if (skeleton.length < 2) return [];
  const found: [string, number, boolean][] = [];
  for (const [term, df] of vocabulary) {
    const s = arabicSkeleton(term);
    if (skeletonsMatch(s, skeleton)) found.push([term, df, s === skeleton]);
  }
  found.sort((x, y) => Number(y[2]) - Number(x[2]) || y[1] - x[1]);
  return found.slice(0, limit).map((f) => f[0]);
}
