/**
 * Tokeniser over NORMALISED text (see normalize.ts). Linear, one lookup per character, no regexes on input.
 *
 * Rules, and why:
 * - A token is a run of letters and digits. Everything else splits: Arabic ، ؛ ؟ « », Latin punctuation,
 *   hyphens, symbols, emoji. So "كوفيد-19" gives كوفيد + 19, the same as a query typed "كوفيد 19".
 * - Arabic script and anything else never share a token: "بالiPhone" → بال + iphone, "ال20" → ال + 20.
 *   Latin letters and digits do share one ("G20" → g20, "mp3"), because that is how such names are written.
 * - Digit groups: "2,000" → 2000 (a comma followed by exactly three digits is a thousands separator), and
 *   "3.5" stays 3.5, so numbers written either way meet.
 * - English apostrophes: "Trump's" → trump (possessive dropped), "don't" → dont.
 * - Tokens longer than MAX_TOKEN code units are dropped: no real word is that long, and junk (base64, hashes)
 *   should not reach the index.
 */

export const MAX_TOKEN = 48;

const SEP = 1;
const ARABIC = 2;
const OTHER = 3; // Latin, digits and letters of other scripts
const UNSET = 0;

const cls = new Uint8Array(0x10000);
const WORDISH = /[\p{L}\p{N}\p{Mc}\p{Mn}]/u; // Mn: vowel signs of scripts whose marks normalize keeps

function classify(c: number): number {
  let v = cls[c];
  if (v !== UNSET) return v;
  if (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9)
  ) {
    v = ARABIC;
  } else if (c >= 0xd800 && c <= 0xdfff) {
    return SEP; // not cached: surrogate pairs are classified by classAt
  } else {
    v = WORDISH.test(String.fromCharCode(c)) ? OTHER : SEP;
  }
  cls[c] = v;
  return v;
}

const astralCls = new Map<number, number>();

/** Class of the code unit at i; a surrogate pair is a word character only if its code point is a letter. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return classify(c);
  const cp = s.codePointAt(c >= 0xdc00 && i > 0 ? i - 1 : i)!;
  if (cp < 0x10000) return SEP; // lone surrogate
  let v = astralCls.get(cp);
  if (v === undefined) {
    v = WORDISH.test(String.fromCodePoint(cp)) ? OTHER : SEP;
    astralCls.set(cp, v);
  }
  return v;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/** Called for each token: [start, end) in the normalised text and the token's text. */
export type TokenSink = (start: number, end: number, text: string) => void;

/**
 * Split normalised text into tokens.
 * @example tokenize(normalize('قمة G20 في «الرياض»، 2,000 مشارك'), (s, e, t) => out.push(t))
 *   // out: قمه g20 في الرياض 2000 مشارك
 */
export function tokenize(norm: string, sink: TokenSink): void {
  scanTokens(norm, (s, e, joined) => sink(s, e, joined ?? norm.slice(s, e)));
}

/**
 * tokenize() without creating strings for plain tokens: `joined` is null when the token's text is exactly
 * norm[start, end), and the text otherwise (2,000 → 2000, don't → dont). analyze() looks plain tokens up
 * in its term cache straight from the span.
 */
export function scanTokens(norm: string, sink: (start: number, end: number, joined: string | null) => void): void {
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const k = classAt(norm, i);
    if (k === SEP) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let joined = false;
    let pieceStart = i;
    i++;
    while (i < n) {
      const c = norm.charCodeAt(i);
      const kc = classAt(norm, i);
      if (kc === k) {
        i++;
        continue;
      }
      if (k === OTHER && i + 1 < n) {
        const prev = norm.charCodeAt(i - 1);
        const next = norm.charCodeAt(i + 1);
        if (isDigit(prev) && isDigit(next) && (c === 0x2e || c === 0x2c)) {
          if (c === 0x2e) {
            i++; // decimal point: keep it in the token
            continue;
          }
          if (isThousands(norm, i + 1)) {
            joined = true;
            text += norm.slice(pieceStart, i);
            pieceStart = ++i;
            continue;
          }
        }
        if (isApostrophe(c) && isLatin(prev) && isLatin(next)) {
          joined = true;
          text += norm.slice(pieceStart, i);
          if (next === 0x73 && (i + 2 >= n || classAt(norm, i + 2) !== OTHER)) {
            i += 2; // possessive 's: drop it, end the token
            pieceStart = i;
            break;
          }
          pieceStart = ++i; // don't → dont
          continue;
        }
      }
      break;
    }
    if (!joined) {
      if (i - start <= MAX_TOKEN) sink(start, i, null);
    } else {
      text += norm.slice(pieceStart, i);
      if (text.length <= MAX_TOKEN) sink(start, i, text);
    }
  }
}

/** A comma at i-1 is a thousands separator when exactly three digits follow it (then no digit). */
function isThousands(s: string, i: number): boolean {
  return (
    i + 2 < s.length &&
    isDigit(s.charCodeAt(i + 1)) &&
    isDigit(s.charCodeAt(i + 2)) &&
    (i + 3 >= s.length || !isDigit(s.charCodeAt(i + 3)))
  );
}
