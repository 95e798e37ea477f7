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

const FIRST_STRONG = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Latin}]/u;

/**
 * The language to announce a piece of text in, from its first letter: a screen reader set to English would
 * otherwise read an Arabic title with English rules (and the reverse). Undefined when there is no letter.
 */
export function langOfText(text: string): 'ar' | 'en' | undefined {
  const m = FIRST_STRONG.exec(text.slice(0, 200));
  if (!m) return undefined;
  return /\p{Script=Latin}/u.test(m[0]) ? 'en' : /\p{Script=Arabic}/u.test(m[0]) ? 'ar' : undefined;
}
