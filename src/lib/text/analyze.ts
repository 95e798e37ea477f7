/**
 * The one analyzer Sila uses for indexing and for querying, so the two can never drift apart:
 * normalize → tokenize → stopwords (and default boilerplate) → stem (Arabic light stemmer, English Porter).
 */
import { stemmer } from 'stemmer';
import { normalize, normalizeWithOffsets, SourceMap } from './normalize';
import { scanTokens } from './tokenize';
import { TermCache } from './term-cache';
import { ARABIC_STOPWORDS, BOILERPLATE_DROPPED_BY_DEFAULT, ENGLISH_STOPWORDS, PRONOUN_HOSTS } from './stopwords';
import { keepsPrefix, stemArabic, stripSuffixes } from './arabic-stem';

export { normalize };

export interface AnalyzedToken {
  term: string;
  surface: string;
  position: number;
}

export interface AnalyzerOptions {
  /** Drop the single reporting words of BOILERPLATE_DROPPED_BY_DEFAULT (قال، أضاف، أكد …). Default true. */
  dropBoilerplate?: boolean;
}

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;

function isArabicToken(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x0600 && c <= 0x08ff;
}

function isAsciiWord(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/**
 * True when an Arabic token is a function word, possibly behind clitics: وهذا, فإن, بأن, ولكن, لذلك;
 * with `dropBoilerplate`, also a word of the learned boilerplate list (alone or behind و/ف).
 */
function isArabicStop(t: string, dropBoilerplate: boolean): boolean {
  if (ARABIC_STOPWORDS.has(t) || (dropBoilerplate && BOILERPLATE_DROPPED_BY_DEFAULT.has(t))) return true;
  let c = t.charCodeAt(0);
  // وأوضحت is always و + أوضحت, even where the learner saw it more often than أوضحت alone.
  if (dropBoilerplate && (c === WAW || c === FEH) && BOILERPLATE_DROPPED_BY_DEFAULT.has(t.slice(1))) return true;
  if (keepsPrefix(t)) return false; // ولاية is not و + لا + ية, ولي is not و + لي
  let s = t;
  if ((c === WAW || c === FEH) && s.length >= 3) {
    s = s.slice(1);
    if (ARABIC_STOPWORDS.has(s)) return true;
    c = s.charCodeAt(0);
  }
  if ((c === BEH || c === LAM || c === KAF) && s.length >= 3) {
    s = s.slice(1);
    if (ARABIC_STOPWORDS.has(s)) return true;
  }
  return false;
}

/** The term for one normalised token, or null when the token is dropped. */
function termOf(token: string, dropBoilerplate: boolean): string | null {
  if (isArabicToken(token)) {
    if (token.length < 2 || isArabicStop(token, dropBoilerplate)) return null;
    const stem = stemArabic(token);
    // خلالها, نفسه, بعضهم: a function word + pronoun.
    return PRONOUN_HOSTS.has(stem) || PRONOUN_HOSTS.has(stripSuffixes(token)) ? null : stem;
  }
  if (isAsciiWord(token)) {
    if (token.length < 2 || ENGLISH_STOPWORDS.has(token)) return null;
    return stemmer(token);
  }
  // Numbers, Latin with digits (g20), other scripts: as they are, but no lone letters.
  if (token.length === 1 && !(token >= '0' && token <= '9')) return null;
  return token;
}

/** Build an analyzer with non-default options (for the relevance eval); analyze() uses the defaults. */
export function createAnalyzer(options: AnalyzerOptions = {}): {
  analyze(text: string): string[];
  analyzeTokens(text: string): AnalyzedToken[];
} {
  const dropBoilerplate = options.dropBoilerplate ?? true;
  // Millions of token occurrences, a few hundred thousand distinct tokens: stem each distinct one once.
  const cache = new TermCache((tok) => termOf(tok, dropBoilerplate));
  return {
    analyze(text: string): string[] {
      const out: string[] = [];
      const norm = normalize(text);
      scanTokens(norm, (s, e, joined) => {
        const term = joined === null ? cache.termOfSpan(norm, s, e) : cache.termOfSpan(joined, 0, joined.length);
        if (term !== null) out.push(term);
      });
      return out;
    },
    analyzeTokens(text: string): AnalyzedToken[] {
      const map = new SourceMap();
      const norm = normalizeWithOffsets(text, map);
      const out: AnalyzedToken[] = [];
      let position = 0;
      scanTokens(norm, (s, e, joined) => {
        const term = joined === null ? cache.termOfSpan(norm, s, e) : cache.termOfSpan(joined, 0, joined.length);
        if (term !== null) out.push({ term, surface: text.slice(map.from[s], map.endOf(text, e - 1)), position });
        position++;
      });
      return out;
    },
  };
}

const defaultAnalyzer = createAnalyzer();

/**
 * Terms for indexing/querying: normalised, tokenised, stopwords removed, stemmed.
 * @example analyze('وأكدت وزارة الخارجية') // ['وزار', 'خارج']
 */
export function analyze(text: string): string[] {
  return defaultAnalyzer.analyze(text);
}

/**
 * Same terms, each with the word as written in the text (for showing "shared terms") and its token
 * position (counting every token, dropped ones included, so positions reflect distance in the text).
 * @example analyzeTokens('الجامعات')[0] // { term: 'جامع', surface: 'الجامعات', position: 0 }
 */
export function analyzeTokens(text: string): AnalyzedToken[] {
  return defaultAnalyzer.analyzeTokens(text);
}
