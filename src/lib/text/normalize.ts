/**
 * Character normalisation for Arabic-first search: one pass, one table lookup per character, no regexes on
 * the text itself, so it is linear on any input and fast on a whole corpus.
 *
 * What it does, and why:
 * - NFKC (per character): presentation forms and lam-alef ligatures (ﻻ ﻷ ﷲ) become plain letters;
 *   full-width Latin and digits become ASCII.
 * - Alef with hamza or madda (أ إ آ ٱ) → ا, like Lucene's ArabicNormalizer: writers drop these freely.
 * - Hamza on a seat (ؤ ئ) → ء. Writers disagree on the seat (مسؤول / مسئول, شؤون / شئون), never on the
 *   hamza, so the seat is what we drop. (Dropping the hamza instead, ؤ → و, would keep مسوول / مسيول apart.)
 * - ى → ي, ة → ه (Lucene), and the Persian/Urdu look-alikes seen on Arabic pages (ک ی ہ ە ۀ ھ ے …).
 * - Harakat, superscript alef (U+0670), Quranic annotation marks, Hebrew points and combining accents:
 *   removed. Latin and Greek accents go too (é → e), so typed queries without accents match. Letters of
 *   other scripts keep their marks (Cyrillic й, Devanagari vowel signs): there they are spelling.
 * - Tatweel (ـ): removed inside a word (الـــعربية → العربية) but a word break otherwise, because news
 *   writes "الـ20" and "بـ" + Latin; there the tatweel separates a prefix from a number or foreign word.
 * - Zero-width characters, bidi controls (LRM RLM ALM, U+202A–U+202E, U+2066–U+2069), soft hyphen, BOM
 *   and other format characters: removed, so a word with an invisible character inside stays one word.
 * - Arabic-Indic and Persian digits → ASCII; Arabic decimal/thousands separators → "." and ",".
 * - Latin (and every cased script) is lower-cased.
 * - Lone surrogates become a space (they cannot be part of a word, and must not break anything).
 *
 * Idempotent by construction: every character the table outputs is a fixed point of the table (checked
 * when an entry is first computed, see resolve()), and the context rules (tatweel, combining hamza) only
 * remove characters that are never output.
 */

const UNKNOWN = -2;
const DELETE = -1;
/** Table values ≥ MULTI index into `multiOut` (a character that becomes several, e.g. ﷲ → الله). */
const MULTI = 0x10000;

const TATWEEL = 0x0640;
const HAMZA_ABOVE = 0x0654;
const HAMZA_BELOW = 0x0655;

/** Arabic-script letters that must map to a specific letter (checked before NFKC decomposition). */
const EXPLICIT = new Map<number, string>();
function setAll(codes: number[], to: string): void {
  for (const c of codes) EXPLICIT.set(c, to);
}
setAll([0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675], '\u0627'); // alef forms → ا
setAll([0x0624, 0x0626, 0x0676, 0x0677, 0x0678], '\u0621'); // hamza on waw/yeh seats → ء
setAll([0x0649, 0x06cc, 0x06cd, 0x06ce, 0x06d0, 0x06d1, 0x06d2, 0x06d3, 0x0620, 0x063d, 0x063e, 0x063f], '\u064a'); // yeh forms → ي
setAll([0x0629, 0x06c0, 0x06c1, 0x06c2, 0x06c3, 0x06d5, 0x06be, 0x06ff], '\u0647'); // teh marbuta, heh forms → ه
setAll([0x06a9, 0x06aa, 0x06ab, 0x063b, 0x063c], '\u0643'); // keheh, swash kaf → ك
setAll([0x06c4, 0x06c5, 0x06c6, 0x06c7, 0x06c8, 0x06c9, 0x06ca, 0x06cb, 0x06cf], '\u0648'); // waw variants → و
setAll([TATWEEL, 0x0674, 0x06e5, 0x06e6, HAMZA_ABOVE, HAMZA_BELOW], ''); // tatweel, high hamza, small waw/yeh
for (let d = 0; d < 10; d++) {
  EXPLICIT.set(0x0660 + d, String(d)); // Arabic-Indic digits
  EXPLICIT.set(0x06f0 + d, String(d)); // Extended (Persian, Urdu) digits
}
EXPLICIT.set(0x066b, '.'); // Arabic decimal separator
EXPLICIT.set(0x066c, ','); // Arabic thousands separator
EXPLICIT.set(0x066a, '%'); // Arabic percent sign

/**
 * Marks removed wherever they appear: combining diacritics (Latin/Greek accents), Hebrew points, Arabic
 * harakat, superscript alef and Quranic annotation signs, and all format characters (ZWNJ, ZWJ, bidi
 * controls, soft hyphen, BOM). Vowel signs of other scripts (Devanagari, Thai) and letters such as
 * Cyrillic й are left alone: there they are spelling, not optional accents.
 */
const STRIPPED =
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\p{Cf}\p{Me}]/gu;

/** Latin and Greek letters lose their accents (é → e, ά → α): people type them without. */
function foldsAccents(cp: number): boolean {
  return (
    cp < 0x0250 ||
    (cp >= 0x0370 && cp <= 0x03ff) ||
    (cp >= 0x1e00 && cp <= 0x1fff) ||
    (cp >= 0x2c60 && cp <= 0x2c7f) ||
    (cp >= 0xa720 && cp <= 0xa7ff)
  );
}

/** One character's mapping before closure: NFKC, explicit Arabic map, then case fold and mark removal. */
function mapOne(ch: string): string {
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    const cp = c.codePointAt(0)!;
    const explicit = EXPLICIT.get(cp);
    if (explicit !== undefined) {
      out += explicit;
    } else if (foldsAccents(cp)) {
      // NFKD splits é into e + U+0301 so the accent can go; NFC puts back whatever is left.
      out += c.normalize('NFKD').toLowerCase().replace(STRIPPED, '').normalize('NFC');
    } else {
      out += c.toLowerCase().replace(STRIPPED, '');
    }
  }
  return out;
}

const table = new Int32Array(0x10000).fill(UNKNOWN);
const multiOut: string[] = [];
const astral = new Map<number, string>();

function lookup(cp: number, depth: number): string {
  if (cp < 0x10000) {
    let v = table[cp];
    if (v === UNKNOWN) v = fill(cp, depth);
    return v === DELETE ? '' : v >= MULTI ? multiOut[v - MULTI] : String.fromCharCode(v);
  }
  let s = astral.get(cp);
  if (s === undefined) {
    s = resolve(cp, depth);
    astral.set(cp, s);
  }
  return s;
}

/** The closure of mapOne: re-map every output character until each one maps to itself. */
function resolve(cp: number, depth: number): string {
  const self = String.fromCodePoint(cp);
  const raw = mapOne(self);
  if (raw === self || depth > 4) return raw;
  let out = '';
  for (const c of raw) out += c === self ? c : lookup(c.codePointAt(0)!, depth + 1);
  return out;
}

function fill(cp: number, depth: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return (table[cp] = 0x20); // lone surrogate (pairs never get here)
  const s = resolve(cp, depth);
  let v: number;
  if (s.length === 0) v = DELETE;
  else if (s.length === 1) v = s.charCodeAt(0);
  else {
    v = MULTI + multiOut.length;
    multiOut.push(s);
  }
  table[cp] = v;
  return v;
}

/** A BMP character normalisation deletes outright (harakat, marks, ZWNJ …), tatweel aside. */
function isSilentMark(c: number): boolean {
  if (c === TATWEEL || (c >= 0xd800 && c <= 0xdfff)) return false;
  let v = table[c];
  if (v === UNKNOWN) v = fill(c, 0);
  return v === DELETE;
}

/** True for the Arabic letters left after normalisation (for the tatweel rule and the tokenizer). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9)
  );
}

/** Where each normalised code unit came from in the input (analyzeTokens shows terms as written). */
export class SourceMap {
  /** from[i]: index in the input of the character that produced output unit i. */
  from = new Int32Array(256);
  length = 0;
  push(i: number, count: number): void {
    if (this.length + count > this.from.length) {
      const grown = new Int32Array(Math.max(this.from.length * 2, this.length + count));
      grown.set(this.from);
      this.from = grown;
    }
    this.from.fill(i, this.length, this.length + count);
    this.length += count;
  }
  /** count units copied unchanged from input start, start + 1, … */
  pushRun(start: number, count: number): void {
    this.push(start, count);
    for (let k = 1; k < count; k++) this.from[this.length - count + k] = start + k;
  }
  /**
   * End (exclusive) in `text` of the input character that produced output unit i, extended over the
   * marks that follow it (وزارةُ keeps its damma when shown as written).
   */
  endOf(text: string, i: number): number {
    const f = this.from[i];
    const c = text.charCodeAt(f);
    let end = c >= 0xd800 && c <= 0xdbff && f + 1 < text.length ? f + 2 : f + 1;
    while (end < text.length && isSilentMark(text.charCodeAt(end))) end++;
    return end;
  }
}

/**
 * Normalise `text`, optionally recording in `offsets` where each output code unit came from. Linear time.
 */
export function normalizeWithOffsets(text: string, offsets?: SourceMap): string {
  const parts: string[] = [];
  let runStart = 0; // start of a run of input copied unchanged
  let outLen = 0;
  let lastOut = 0; // last code unit written (for the tatweel and combining-hamza rules)
  let pendingTatweel = false;
  const n = text.length;

  const flushRun = (to: number): void => {
    if (to > runStart) {
      parts.push(text.slice(runStart, to));
      outLen += to - runStart;
      if (offsets) offsets.pushRun(runStart, to - runStart);
    }
  };
  const emit = (s: string, from: number): void => {
    if (pendingTatweel) {
      pendingTatweel = false;
      if (!(isArabicLetter(lastOut) && isArabicLetter(s.charCodeAt(0)))) emitRaw(' ', from);
    }
    emitRaw(s, from);
  };
  const emitRaw = (s: string, from: number): void => {
    parts.push(s);
    outLen += s.length;
    lastOut = s.charCodeAt(s.length - 1);
    if (offsets) offsets.push(from, s.length);
  };

  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      }
    }
    if (width === 1 && cp !== TATWEEL && !pendingTatweel) {
      let v = table[cp];
      if (v === UNKNOWN) v = fill(cp, 0);
      if (v === cp) {
        lastOut = cp; // unchanged: extend the current run, no allocation
        continue;
      }
    }
    flushRun(i);
    if (cp === TATWEEL) {
      pendingTatweel = true;
    } else if ((cp === HAMZA_ABOVE || cp === HAMZA_BELOW) && (lastOut === 0x0648 || lastOut === 0x064a)) {
      // و or ي followed by a combining hamza is a decomposed ؤ / ئ: make it ء like the precomposed letter.
      replaceLast('\u0621');
    } else {
      const s = lookup(cp, 0);
      if (s.length > 0) emit(s, i);
    }
    i += width - 1;
    runStart = i + 1;
  }
  flushRun(n);
  return parts.join('');

  function replaceLast(s: string): void {
    // The last output unit is the final character of parts[parts.length - 1] in every case.
    const p = parts.length - 1;
    if (p < 0) return;
    const last = parts[p];
    parts[p] = last.slice(0, -1) + s;
    lastOut = s.charCodeAt(0);
  }
}

/**
 * Normalisation only (what analyze applies before tokenising); idempotent.
 * @example normalize('الإمارات') === 'الامارات'; normalize('مسئولة') === normalize('مسؤولة')
 */
export function normalize(text: string): string {
  return normalizeWithOffsets(text);
}
