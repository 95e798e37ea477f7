/**
 * Publication dates as outlets write them, turned into ISO 8601. Metadata usually carries an ISO string already;
 * this is for pages that only print the date: "25th, March 2024 GMT", "الاثنين 25 مارس 2024", "٢٥ آذار ٢٠٢٤",
 * "25 آذار/مارس 2024 - 10:30", "2024/03/25", "March 25, 2024 10:30 AM".
 *
 * Output: "2024-03-25" when only the day is known; "2024-03-25T10:30:00Z" (or with the stated offset) when the
 * time and zone are given; "2024-03-25T10:30:00" when the time is given without a zone.
 */
import { foldForMatch } from './text-utils';

const MONTHS: Record<string, number> = {
  // Egyptian / Gulf (transliterated Latin names)
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, ابريله: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  // Levantine / Iraqi (Syriac names)
  'كانون الثاني': 1, شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
  // Maghrebi (French / Moroccan)
  جانفي: 1, فيفري: 2, افريل: 4, ماي: 5, جوان: 6, جويليه: 7, جويليت: 7, اوت: 8, يوليوز: 7, غشت: 8, شتنبر: 9,
  نونبر: 11, دجنبر: 12,
  // English
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};

// Letters, spelled out: the "u" flag and \p{L} make regexes several times slower to compile and run.
const LETTER = 'A-Za-z\\u00C0-\\u024F\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF';
const L = `(?<![${LETTER}])`;
const R = `(?![${LETTER}])`;
/** Words and numbers of a folded line; month names are looked up in MONTHS rather than matched by one huge regex. */
const WORD = /[0-9]+|[a-z\u0621-\u064A]+/g;
const YEAR = /(?:19|20)\d\d/;
const ISO_LIKE = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const YMD_SLASH = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const DMY_SLASH = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const TIME = new RegExp(`(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|صباحا|مساء|ص|م)?${R}`, 'i');
const ZONE = new RegExp(`${L}(?:(gmt|utc|z|ت\\s*غ|غرينتش|جرينتش)(?:\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?)?|([+-])(\\d{2}):?(\\d{2}))${R}`, 'i');

/**
 * "25 مارس 2024", "25th, March 2024", "25 آذار/مارس 2024", "March 25, 2024", "12 تشرين الأول 2021":
 * [year, month, day, end offset] or null.
 */
function monthNameDate(text: string): [number, number, number, number] | null {
  const words: string[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = WORD.exec(text)) !== null && words.length < 80) {
    words.push(w[0]);
    ends.push(w.index + w[0].length);
  }
  const isNum = (i: number, max: number) => i >= 0 && i < words.length && /^[0-9]+$/.test(words[i]) && words[i].length <= max;
  const ordinal = (i: number) => i < words.length && /^(st|nd|rd|th)$/.test(words[i]);
  for (let i = 0; i < words.length; i++) {
    let month = 0;
    let span = 1;
    if (i + 1 < words.length && MONTHS[words[i] + ' ' + words[i + 1]]) {
      month = MONTHS[words[i] + ' ' + words[i + 1]];
      span = 2;
    } else month = MONTHS[words[i]] || 0;
    if (!month) continue;
    let after = i + span;
    // The same month named twice: "آذار/مارس", "أكتوبر/ تشرين الأول".
    if (after + 1 < words.length && MONTHS[words[after] + ' ' + words[after + 1]] === month) after += 2;
    else if (after < words.length && MONTHS[words[after]] === month) after++;
    // day month year
    let dayAt = i - 1;
    if (dayAt >= 0 && words[dayAt] === 'من') dayAt--;
    if (dayAt >= 0 && ordinal(dayAt)) dayAt--;
    if (isNum(dayAt, 2) && isNum(after, 4) && words[after].length === 4) return [+words[after], month, +words[dayAt], ends[after]];
    // month day year
    let yearAt = after + 1;
    if (ordinal(yearAt)) yearAt++;
    if (isNum(after, 2) && isNum(yearAt, 4) && words[yearAt].length === 4) return [+words[yearAt], month, +words[after], ends[yearAt]];
  }
  return null;
}

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits to ASCII. */
export function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

const pad = (n: number) => (n < 10 ? '0' : '') + n;

function valid(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function withTime(date: string, rest: string): string {
  const t = TIME.exec(rest);
  if (!t) return date;
  let h = Number(t[1]);
  const min = Number(t[2]);
  const sec = t[3] ? Number(t[3]) : 0;
  const mer = (t[4] || '').toLowerCase();
  if (/^(pm|p\.m\.|م|مساء)$/.test(mer) && h < 12) h += 12;
  if (/^(am|a\.m\.|ص|صباحا)$/.test(mer) && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) return date;
  const base = `${date}T${pad(h)}:${pad(min)}:${pad(sec)}`;
  const z = ZONE.exec(rest.slice(t.index));
  if (!z) return base;
  if (z[1]) {
    if (!z[2]) return base + 'Z';
    return `${base}${z[2]}${pad(Number(z[3]))}:${z[4] || '00'}`;
  }
  return `${base}${z[5]}${z[6]}:${z[7]}`;
}

/**
 * The first date found in a short piece of text, as ISO 8601, or null.
 * @example parseDateText('تاريخ النشر: 25th, March 2024 GMT') // "2024-03-25"
 * @example parseDateText('الاثنين ٢٥ آذار ٢٠٢٤') // "2024-03-25"
 */
export function parseDateText(input: string): string | null {
  if (typeof input !== 'string' || input.length === 0) return null;
  const digits = asciiDigits(input.length > 300 ? input.slice(0, 300) : input);
  if (!YEAR.test(digits)) return null; // every form below has a four-digit year: most lines end here, cheaply
  const text = foldForMatch(digits);

  let m = ISO_LIKE.exec(text);
  if (m && valid(+m[1], +m[2], +m[3])) {
    const date = `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
    if (!m[4]) return date;
    const h = +m[4];
    const min = +m[5];
    const sec = m[6] ? +m[6] : 0;
    if (h > 23 || min > 59 || sec > 59) return date;
    const zone = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : '';
    return `${date}T${pad(h)}:${pad(min)}:${pad(sec)}${zone}`;
  }
  let y = 0;
  let mo = 0;
  let d = 0;
  let end = 0;
  const named = monthNameDate(text);
  if (named) {
    [y, mo, d, end] = named;
  } else if ((m = YMD_SLASH.exec(text))) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
    end = m.index + m[0].length;
  } else if ((m = DMY_SLASH.exec(text))) {
    // Arab and British outlets write day first; a second field above 12 can only be a day.
    const a = +m[1];
    const b = +m[2];
    if (b > 12 && a <= 12) {
      mo = a;
      d = b;
    } else {
      d = a;
      mo = b;
    }
    y = +m[3];
    end = m.index + m[0].length;
  }
  if (!valid(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const rest = text.slice(end, end + 60);
  const timed = withTime(date, rest);
  if (timed !== date) return timed;
  // "GMT" right after a date with no time says nothing about the hour: keep the day.
  return date;
}

const STRICT_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A metadata date (ISO, near-ISO, RFC 2822 or a printed date) as ISO 8601, or null. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v.length === 0 || v.length > 300) return null;
  if (STRICT_ISO.test(v)) {
    const y = +v.slice(0, 4);
    const mo = +v.slice(5, 7);
    const d = +v.slice(8, 10);
    return valid(y, mo, d) ? v : null;
  }
  return parseDateText(v);
}
