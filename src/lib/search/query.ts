/**
 * From what the user typed to index terms. The last word is "being typed" unless the query ends with a space
 * or punctuation: it becomes a prefix term, everything before it ordinary terms.
 */
import { analyze } from '../text/index';

export interface ParsedQuery {
  /** Terms of the complete words, deduplicated, in typed order. */
  terms: string[];
  /** Term of the word still being typed (matched as a prefix), or null. */
  partial: string | null;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * @example parseQuery('وزارة الخارج') // { terms: ['وزار'], partial: 'خارج' }
 * @example parseQuery('وزارة الخارجية ') // { terms: ['وزار', 'خارج'], partial: null }
 */
export function parseQuery(raw: string, limits: { maxChars: number; maxTerms: number }): ParsedQuery {
  const text = typeof raw === 'string' ? raw.slice(0, limits.maxChars) : '';
  // Walk back over the trailing word by hand: a `[…]+$` regex is quadratic on a long run of letters.
  let start = text.length;
  while (start > 0) {
    let from = start - 1;
    const c = text.charCodeAt(from);
    if (c >= 0xdc00 && c <= 0xdfff && from > 0) {
      const high = text.charCodeAt(from - 1);
      if (high >= 0xd800 && high <= 0xdbff) from--; // a surrogate pair: test the whole code point
    }
    const ch = text.slice(from, start);
    if (!WORD_CHAR.test(ch)) break;
    start = from;
  }
  const typing = start < text.length ? text.slice(start) : '';
  const terms = unique(analyze(typing ? text.slice(0, start) : text));
  let partial: string | null = null;
  if (typing) {
    const typed = analyze(typing);
    // "كوفيد19" analyses to two terms: the earlier ones are complete, only the last is still being typed.
    for (let i = 0; i < typed.length - 1; i++) if (!terms.includes(typed[i])) terms.push(typed[i]);
    partial = typed.length ? typed[typed.length - 1] : null;
    if (partial !== null && terms.includes(partial)) partial = null;
  }
  if (terms.length > limits.maxTerms) terms.length = limits.maxTerms;
  return { terms, partial };
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
