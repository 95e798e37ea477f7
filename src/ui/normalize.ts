/**
 * Highlighting must agree with the engine on what counts as the same word (hamza forms, diacritics, tatweel,
 * ى/ي, ة/ه, case). The shared analyzer lives in src/lib/text; until it exports `normalize`, this local copy
 * applies the same Arabic rules. TODO(2026-11-29): import { normalize } from '../lib/text' once it lands.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel

export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/\u0626/g, '\u064A'); // ئ → ي
}
