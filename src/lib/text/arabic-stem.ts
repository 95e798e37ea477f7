/**
 * Arabic light stemmer (light10 family: strip clitics and inflectional suffixes, never look for roots),
 * with one difference that matters: a prefix or suffix is stripped only when it is not part of the word.
 *
 * Every light stemmer we measured (Lucene, Snowball, lunr, Xapian) reads the first letter of وكالة and
 * وزارة as "and" and indexes كال and زار. Here the decision comes from exception sets learned from the
 * corpus (scripts/learn-stem-exceptions.ts → arabic-stem-exceptions.ts) plus a curated list:
 * - KEEP_PREFIX holds CORES (a word after suffix stripping) whose leading و ف ب ل ك or ال belongs to the
 *   word. Storing cores means one entry protects every inflection: وزار covers وزارة, وزارات, وزارتها.
 * - KEEP_SUFFIX holds words whose final ون ان ين ات ه ي … belongs to the word (تعاون, قانون, لبنان).
 *
 * Input must be normalize()d (ة → ه, ى → ي, أ إ آ → ا, ؤ ئ → ء). Output is at least 2 letters.
 */
import { normalize } from './normalize';
import { LEARNED_KEEP_PREFIX, LEARNED_KEEP_SUFFIX } from './arabic-stem-exceptions';
import { CURATED_KEEP_PREFIX, CURATED_KEEP_SUFFIX, CURATED_STRIP_PREFIX } from './arabic-stem-curated';

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const ALEF = 0x0627;
const TEH = 0x062a;

/** Pronoun suffixes (his, her, their, our), longest first. Second-person forms are too rare in news to be
 * worth the false hits (محاكم → محا). */
const PRONOUNS = ['هما', 'هم', 'ها', 'نا', 'ه'];
/**
 * Plural, dual, feminine and nisba endings, longest first (normalised: ية → يه, ة → ه), plus the alef of
 * country names and of the accusative (فرنسا/فرنسي → فرنس, روسيا/روسي → روس, سابقا → سابق).
 */
const ENDINGS = ['يين', 'يون', 'يات', 'يه', 'ات', 'ون', 'ين', 'ان', 'يا', 'ه', 'ي', 'ا'];
/** Endings allowed to leave a two-letter stem: قوة/قوات → قو, مرة/مرات → مر. Others need three letters. */
const SHORT_OK = new Set(['ه', 'ات']);

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean).map((w) => normalize(w));
}

/** Word lists that steer the stemmer (normalised or not; normalize() is applied). */
export interface StemExceptions {
  /** Words whose leading و ف ب ل ك / ال belong to the word; stored as their cores. */
  keepPrefix: Iterable<string>;
  /** Words whose trailing ون ان ين … belong to the word. */
  keepSuffix: Iterable<string>;
  /** Words removed from keepPrefix (curated overrides of the learner). */
  stripPrefix?: Iterable<string>;
}

/**
 * Before a pronoun or a dual ending ة is written ت: حكومتها, وزارته, ساعتين → حكومت, وزارت, ساعت → حكوم,
 * وزار, ساع (as حكومة, وزارة, ساعة). Not after ا (قوات+ها keeps its plural ات) and not when only three
 * letters are left (بيت, وقت, صوت).
 */
function dropTehMarbuta(s: string): string {
  return s.length >= 4 && s.charCodeAt(s.length - 1) === TEH && s.charCodeAt(s.length - 2) !== ALEF
    ? s.slice(0, -1)
    : s;
}

export interface ArabicStemmer {
  stem(word: string): string;
  stripPrefixes(word: string): string;
  stripSuffixes(word: string): string;
  /** True when the word's leading و ف ب ل ك / ال are its own letters, not clitics. */
  keepsPrefix(word: string): boolean;
}

/** Build a stemmer over given exception lists (the learner script builds several; Sila uses one). */
export function createArabicStemmer(ex: StemExceptions): ArabicStemmer {
  const keepSuffix = new Set<string>();
  for (const w of ex.keepSuffix) keepSuffix.add(normalize(w));

  /** Strip inflectional suffixes from a word that has no prefixes left. */
  function stripSuffixes(word: string): string {
    let s = word;
    if (keepSuffix.has(s)) return s;
    let pronoun = '';
    for (const p of PRONOUNS) {
      if (s.length - p.length >= 3 && s.endsWith(p)) {
        pronoun = p;
        s = dropTehMarbuta(s.slice(0, -p.length));
        if (keepSuffix.has(s)) return s;
        break;
      }
    }
    for (const e of ENDINGS) {
      // ة + pronoun is written ته, never هه: in مواجهة/وجهه only the last ه is a suffix.
      if (e === 'ه' && pronoun === 'ه') continue;
      if (s.endsWith(e) && s.length - e.length >= (SHORT_OK.has(e) ? 2 : 3)) {
        s = s.slice(0, -e.length);
        if (keepSuffix.has(s)) return s;
        if (e === 'ين' || e === 'ان') s = dropTehMarbuta(s); // dual of a ة word: ساعتين → ساعت → ساع
        // A nisba ي left under a plural: عمليات → عملي → عمل, like ارهابيين → ارهاب.
        if ((e === 'ات' || e === 'ون' || e === 'ين' || e === 'ان') && s.length >= 4 && s.endsWith('ي')) {
          s = s.slice(0, -1);
        }
        break;
      }
    }
    return s;
  }

  // Cores protect every inflection of a word, but a short core that still starts with ال is ambiguous
  // (ألبان → الب would also protect البيان → الب; ألقوا → القو, القوات): those words are kept as written.
  const keepCores = new Set<string>();
  const keepWords = new Set<string>();
  const isShortAlefLam = (c: string): boolean => c.length < 5 && c.startsWith('ال');
  for (const w of ex.keepPrefix) {
    const word = normalize(w);
    const c = stripSuffixes(word);
    keepWords.add(word);
    if (!isShortAlefLam(c)) keepCores.add(c);
  }
  for (const w of ex.stripPrefix ?? []) {
    keepWords.delete(normalize(w));
    keepCores.delete(stripSuffixes(normalize(w)));
  }

  /** True when the leading letters of `s` belong to the word (it or its core is a known word). */
  function keepsPrefix(s: string): boolean {
    if (keepWords.has(s)) return true;
    const c = stripSuffixes(s);
    return keepCores.has(c) && !isShortAlefLam(c);
  }

  /**
   * Strip clitics in their fixed order: conjunction (و ف), then preposition (ب ل ك), then article (ال;
   * لل after ل). Each is stripped only if it leaves at least 3 letters (2 after the article) and the word
   * as it stands is not a known word whose first letters are its own.
   */
  function stripPrefixes(word: string): string {
    let s = word;
    if (keepsPrefix(s)) return s;
    let c = s.charCodeAt(0);
    if ((c === WAW || c === FEH) && s.length >= 4) {
      s = s.slice(1);
      if (keepsPrefix(s)) return s;
      c = s.charCodeAt(0);
    }
    if ((c === BEH || c === LAM || c === KAF) && s.length >= 4) {
      const rest = s.slice(1);
      if (keepsPrefix(rest)) return rest;
      // ل + ال writes لل (the alef drops): للمحافظة = ل + المحافظة.
      if (c === LAM && rest.charCodeAt(0) === LAM && rest.length >= 3) return rest.slice(1);
      s = rest;
    }
    if (s.length >= 4 && s.charCodeAt(0) === ALEF && s.charCodeAt(1) === LAM) return s.slice(2);
    return s;
  }

  function stem(word: string): string {
    // A final hamza is written on the line after ي or on a yeh seat (شيء / شئ, شاطيء / شاطئ): after
    // normalisation that is يء against ء, so the ي goes.
    const w = word.length >= 3 && word.endsWith('يء') ? word.slice(0, -2) + 'ء' : word;
    const out = stripSuffixes(stripPrefixes(w));
    return out.length >= 2 ? out : w;
  }

  return { stem, stripPrefixes, stripSuffixes, keepsPrefix };
}

const sila = createArabicStemmer({
  keepPrefix: [...words(LEARNED_KEEP_PREFIX), ...words(CURATED_KEEP_PREFIX)],
  keepSuffix: [...words(LEARNED_KEEP_SUFFIX), ...words(CURATED_KEEP_SUFFIX)],
  stripPrefix: words(CURATED_STRIP_PREFIX),
});

export const stripPrefixes = sila.stripPrefixes;
export const stripSuffixes = sila.stripSuffixes;
export const keepsPrefix = sila.keepsPrefix;

/**
 * Stem one normalised Arabic word.
 * @example stemArabic(normalize('والمحافظة')) === 'محافظ'; stemArabic(normalize('وكالة')) === 'وكال'
 */
export const stemArabic: (word: string) => string = sila.stem;
