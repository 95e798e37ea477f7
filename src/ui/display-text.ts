/**
 * Titles and snippets come from pages and from the corpus: they are data, rendered only as text nodes. This
 * makes them pleasant and harmless to show: bidi embedding/override/isolate controls are removed (they could
 * flip the surrounding interface; each title is isolated with dir="auto" instead), other control characters and
 * runs of white space collapse to one space, and very long text is cut at a word boundary (CSS clamps lines too).
 */

// U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates, C0/C1 controls, zero-width no-break space (BOM).
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F\uFEFF]/g;

export function displayText(value: unknown, maxChars = 600): string {
  if (typeof value !== 'string') return '';
  // Cut before cleaning so a 10 MB string costs no more than a short one.
  let text = value.length > maxChars * 4 ? value.slice(0, maxChars * 4) : value;
  text = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const ARABIC_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

export interface TextLanguage {
  lang: 'ar' | 'en';
  dir: 'rtl' | 'ltr';
}

/**
 * The language and direction of a piece of text from the majority of its letters, not its first one: a CNN
 * Arabic snippet opening with "(CNN)--" or a title opening with «FBI» is Arabic, and dir="auto" (first strong
 * letter) would lay it out left to right. Ties go to right-to-left when any Arabic letter is present, as the
 * archive is Arabic. Undefined when there is no letter at all (the caller keeps dir="auto").
 */
export function languageOfText(...texts: string[]): TextLanguage | undefined {
  let rtl = 0;
  let ltr = 0;
  for (const text of texts) {
    const sample = text.slice(0, 400);
    rtl += sample.match(ARABIC_LETTER)?.length ?? 0;
    ltr += sample.match(LATIN_LETTER)?.length ?? 0;
  }
  if (rtl === 0 && ltr === 0) return undefined;
  return rtl >= ltr ? { lang: 'ar', dir: 'rtl' } : { lang: 'en', dir: 'ltr' };
}

/** The language to announce a piece of text in (a screen reader set to English would read Arabic wrongly). */
export function langOfText(text: string): 'ar' | 'en' | undefined {
  return languageOfText(text)?.lang;
}
