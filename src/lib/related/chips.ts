/**
 * The "why related" chips: per result, 2–4 of the terms it shares with the page that a reader
 * recognises and that set it apart from the other results.
 *
 * - Name-like: a term's share of title appearances (titleDf / df, smoothed toward the corpus mean) is high for
 *   names, places, organisations and an event's key words (خاشقجي 0.63, صلاح 0.42, مصر 0.38, اختفاء 0.19) and low
 *   for the words that explained nothing (يوم 0.028, الشوط 0.014, «59» 0.010, الأيسر 0). A term below the corpus
 *   mean share, one with no letter (a number alone) or a two-letter particle («بن») is never a chip; in Latin
 *   script a capitalised word or an acronym counts as a name whatever its titles say.
 * - Apart: a term every result shares says nothing about one result; its weight shrinks with the share of the
 *   page's results that match it, and again each time an earlier card already showed it, so neighbouring cards
 *   show different words (a name that is the whole story still leads when nothing else comes close).
 * - Readable: a chip is written as in the page or the result's title (the more frequent spelling), without a clitic prefix (و ف ب ل ك) when the rest of the word
 *   analyses to the same term («لمروان» → «مروان», «للرئيس» → «الرئيس»; «لبنان» stays).
 */
import { analyzeTokens } from '../text';

/** How each shared term is judged (see the module comment). */
export interface ChipTerm {
  /** The term's weight in the page's query (its strength). */
  weight: number;
  /** Smoothed share of the term's documents that have it in their title. */
  titleShare: number;
  /** Readable surface (see readableSurface), or '' when the page gave none. */
  surface: string;
}

export interface ChipOptions {
  /** At most this many chips per result. */
  max: number;
  /** Terms whose titleShare is below this are not shown (the corpus mean share). */
  minTitleShare: number;
  /** A term matched by every result keeps (1 − sharedDiscount) of its weight; by one result, all of it. */
  sharedDiscount: number;
  /** Each earlier card (in list order) that showed the term multiplies its weight by this. */
  repeatFactor: number;
}

const LETTER = /\p{L}/u;
const CAPITALISED = /^[A-Z][a-z]/;
const ACRONYM = /^[A-Z]{2,}$/;

/** Whether a term may be a chip at all: it has a letter and is name-like. */
export function chipEligible(t: ChipTerm, minTitleShare: number): boolean {
  if (!t.surface || !LETTER.test(t.surface)) return false;
  // Two-letter words are particles («بن», «عن») unless an acronym («UN», «EU»).
  if ([...t.surface].length < 3 && !ACRONYM.test(t.surface)) return false;
  return t.titleShare >= minTitleShare || CAPITALISED.test(t.surface) || ACRONYM.test(t.surface);
}

/**
 * Chips of each result: `matched[i]` are the terms result i shares with the page (any order). Best first by
 * weight × titleShare × the cross-result discount; a surface is shown once per result.
 */
export function chooseChips(
  matched: number[][],
  info: (term: number) => ChipTerm,
  o: ChipOptions,
  spell: (result: number, term: number, surface: string) => string = (_r, _t, surface) => surface,
): string[][] {
  const cards = new Map<number, number>();
  for (const terms of matched) for (const t of new Set(terms)) cards.set(t, (cards.get(t) ?? 0) + 1);
  const n = matched.length;
  const shown = new Map<number, number>();
  return matched.map((terms, result) => {
    const scored: { surface: string; key: number; term: number }[] = [];
    for (const term of new Set(terms)) {
      const t = info(term);
      if (!chipEligible(t, o.minTitleShare)) continue;
      const spread = n > 1 ? (cards.get(term)! - 1) / (n - 1) : 0;
      const repeats = o.repeatFactor ** (shown.get(term) ?? 0);
      scored.push({ surface: spell(result, term, t.surface), key: t.weight * Math.max(t.titleShare, o.minTitleShare) * (1 - o.sharedDiscount * spread) * repeats, term });
    }
    scored.sort((a, b) => b.key - a.key || a.term - b.term);
    const out: string[] = [];
    for (const s of scored) {
      if (out.length >= o.max) break;
      if (out.includes(s.surface)) continue;
      out.push(s.surface);
      shown.set(s.term, (shown.get(s.term) ?? 0) + 1);
    }
    return out;
  });
}

const PROCLITIC = /^[وفبلك]/;

/**
 * stripClitics' answers by term and spelling: each chip of each result asks again about the page's spellings
 * of its term, and each ask analyses the word. Pure, so kept; forgotten at once past STRIPPED_KEPT.
 */
const stripped = new Map<string, string>();
const STRIPPED_KEPT = 20_000;

/** The word without its clitic prefixes, when what is left still analyses to `term` (see the module comment). */
export function stripClitics(surface: string, term: string): string {
  // The prefixes are single letters: a word not starting with one is its own answer, no lookup needed.
  if (!PROCLITIC.test(surface)) return surface;
  const key = `${term}\u0000${surface}`;
  let word = stripped.get(key);
  if (word === undefined) {
    word = stripOnce(surface, term);
    if (stripped.size >= STRIPPED_KEPT) stripped.clear();
    stripped.set(key, word);
  }
  return word;
}

function stripOnce(surface: string, term: string): string {
  let word = surface;
  for (let i = 0; i < 2 && PROCLITIC.test(word); i++) {
    // ل before the article drops the article's alef: «للرئيس» = ل + «الرئيس».
    const rest = word.startsWith('لل') ? `ا${word.slice(1)}` : word.slice(1);
    if ([...rest].length < 3) break;
    const tokens = analyzeTokens(rest);
    if (tokens.length !== 1 || tokens[0].term !== term) break;
    word = rest;
  }
  return word;
}

/**
 * The most frequent readable spelling of a term in the page and, when given, the result's title (`title`, its
 * spellings with their counts), clitic prefixes stripped. Ties go to the title's spelling, the one the card
 * shows just above the chip (a page writing «الحديده» once beside a title's «الحديدة»), then to the one seen first.
 */
export function readableSurface(surfaces: Map<string, number>, term: string, title?: Map<string, number>): string {
  const counts = new Map<string, number>();
  const inTitle = new Set<string>();
  for (const [from, isTitle] of [[title, true], [surfaces, false]] as const) {
    for (const [surface, count] of from ?? []) {
      const word = stripClitics(surface, term);
      counts.set(word, (counts.get(word) ?? 0) + count);
      if (isTitle) inTitle.add(word);
    }
  }
  let best = '';
  let bestCount = 0;
  for (const [word, count] of counts) {
    if (count > bestCount || (count === bestCount && inTitle.has(word) && !inTitle.has(best))) [best, bestCount] = [word, count];
  }
  return best;
}

/**
 * Smoothed title share of every term: (titleDf + prior·mean) / (df + prior), where mean is the corpus-wide
 * share of term occurrences in titles; a rare term's share stays near the mean until its titles say otherwise.
 */
export function titleShares(df: ArrayLike<number>, titleDf: ArrayLike<number>, prior = 10): { shares: Float32Array; mean: number } {
  let sumTitle = 0;
  let sumDf = 0;
  for (let t = 0; t < df.length; t++) {
    sumTitle += titleDf[t];
    sumDf += df[t];
  }
  const mean = sumDf > 0 ? sumTitle / sumDf : 0;
  const shares = new Float32Array(df.length);
  for (let t = 0; t < df.length; t++) shares[t] = (titleDf[t] + prior * mean) / (df[t] + prior);
  return { shares, mean };
}

/** Sum of `weights[i]` over the bits i set in `mask` (the query terms a candidate matched). */
export function nameCover(mask: number, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length && i < 32; i++) if (mask & (1 << i)) sum += weights[i];
  return sum;
}
