/**
 * Interface strings, numbers and dates in the user's language. Strings live only in public/_locales (the same
 * files the browser reads for the manifest). In "auto" mode they come from `browser.i18n.getMessage`, so Sila
 * follows the browser's language; when the user picks a language in the settings, the bundled copy of that
 * locale answers instead, so the switch happens at once without a restart.
 *
 * @example
 * const i18n = createI18n({ language: 'ar', digits: 'arab' });
 * i18n.t('relatedHeading');              // "تغطيات ذات صلة"
 * i18n.plural('articleCount', 3);        // "٣ مقالات"
 * i18n.applyToDocument(document);        // <html lang="ar" dir="rtl">
 */
import ar from '../public/_locales/ar/messages.json';
import en from '../public/_locales/en/messages.json';
import type { Digits, InterfaceLanguage } from './settings';
import { calendarDaysApart } from './calendar-days';

export type Lang = 'ar' | 'en';
export type MessageKey = keyof typeof en;

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type LocaleFile = Record<string, LocaleEntry>;

const BUNDLED: Record<Lang, LocaleFile> = { ar, en };
const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

/** The subset of `browser.i18n` used here (so tests and the preview can pass their own). */
export interface BrowserI18n {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

export interface I18nOptions {
  language: InterfaceLanguage;
  digits: Digits;
  browserI18n?: BrowserI18n | null;
  /** For tests: what "now" is when formatting relative dates. */
  now?: () => number;
  /** For tests: the reader's time zone (calendar days in "2 days earlier"); the system's when undefined. */
  timeZone?: string;
}

export interface I18n {
  readonly lang: Lang;
  readonly dir: 'rtl' | 'ltr';
  /** The BCP 47 tag used for Intl, with the numbering system (e.g. "ar-u-nu-arab"). */
  readonly locale: string;
  t(key: MessageKey, ...substitutions: (string | number)[]): string;
  /** A count with its noun, in the language's plural form: `plural('articleCount', 3)`. */
  plural(key: PluralBase, count: number): string;
  number(n: number): string;
  /** A number that names something (a line of a file): the interface's digits, never grouped ("line 1234"). */
  identifier(n: number): string;
  /** "3 days ago" for recent dates, "12 Mar 2018" for older ones; "" for missing or invalid dates. */
  date(iso: string | null | undefined): string;
  /** Always relative ("8 years ago"). */
  relative(iso: string | null | undefined): string;
  /** A full date for tooltips and <time> titles ("Monday, 12 March 2018"). */
  fullDate(iso: string | null | undefined): string;
  monthYear(iso: string): string;
  /** When an article ran compared with the one being read: "2 days earlier", "Same day"; "" if unknown or far. */
  apart(iso: string | null | undefined, reference: string | null | undefined): string;
  list(items: string[]): string;
  applyToDocument(doc: Document): void;
}

export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_other` ? B : never;
}[MessageKey];

/** "ar" for an Arabic browser or setting, otherwise "en" (the default locale). */
export function resolveLang(language: InterfaceLanguage, uiLanguage: string | undefined): Lang {
  if (language === 'ar' || language === 'en') return language;
  return (uiLanguage ?? '').toLowerCase().split(/[-_]/)[0] === 'ar' ? 'ar' : 'en';
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}

/** Chrome's messages.json substitution rules: named placeholders ($NAME$) → their content ($1…$9) → values. */
export function formatMessage(entry: LocaleEntry | undefined, substitutions: string[]): string {
  if (!entry) return '';
  let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : whole;
  });
  // One pass, so a substituted value containing "$1" is not substituted again.
  text = text.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
  return text;
}

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.348],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** Relative time between two instants, in the largest unit that fits ("3 days ago", "قبل ٣ أيام"). */
export function formatRelative(date: Date, now: number, locale: string | Intl.RelativeTimeFormat): string {
  let value = (date.getTime() - now) / 1000;
  const rtf = typeof locale === 'string' ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }) : locale;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size || unit === 'year') return rtf.format(Math.round(value), unit);
    value /= size;
  }
  return '';
}

/** Dates older than this are shown as a date rather than "n months ago", which says little in an archive. */
const RELATIVE_LIMIT_MS = 14 * 24 * 3600 * 1000;

/** Beyond a month, "47 days later" says less than the date itself. */
const APART_MAX_DAYS = 31;

/**
 * Each Intl object is made on first use, then kept. They are slow to make: in a new extension process the first
 * one loads the locale data (13–36 ms measured in the popup, whichever kind comes first), and the popup used to
 * make two DateTimeFormats per result, 5–14 ms more over a list of ten.
 */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Loads the locale data Intl needs, by formatting one date: the first Intl object in a new page takes 13–36 ms
 * (measured in the popup), so a page starts this while it waits for its settings rather than in its first render.
 */
export function preloadLocaleData(lang: string): void {
  try {
    new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(0);
  } catch {
    // An odd language tag: the render will format with the settings' own locale anyway.
  }
}

export function createI18n(options: I18nOptions): I18n {
  const browserI18n = options.browserI18n ?? null;
  const lang = resolveLang(options.language, browserI18n?.getUILanguage());
  // Only "auto" defers to the browser's own lookup; an explicit choice uses the bundled file of that language.
  const useBrowser = options.language === 'auto' && browserI18n !== null;
  const locale = `${lang}-u-nu-${options.digits}`;
  const now = options.now ?? (() => Date.now());
  const numberFormat = once(() => new Intl.NumberFormat(locale));
  const identifierFormat = once(() => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 }));
  const pluralRules = once(() => new Intl.PluralRules(lang));
  const relativeFormat = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const dayMonth = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: options.timeZone }));
  const dayMonthYear = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: options.timeZone }));
  const fullDate = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: options.timeZone }));
  const monthYear = once(() => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: options.timeZone }));
  const listFormat = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));

  const t = (key: MessageKey, ...subs: (string | number)[]) => {
    const strings = subs.map((s) => (typeof s === 'number' ? numberFormat().format(s) : s));
    if (useBrowser) {
      const text = browserI18n!.getMessage(key, strings);
      if (text) return text;
    }
    return formatMessage(BUNDLED[lang][key] ?? BUNDLED.en[key], strings);
  };

  return {
    lang,
    dir: dirOf(lang),
    locale,
    t,
    plural(key, count) {
      // Arabic distinguishes zero; English wording is the same as "other".
      const category = count === 0 && lang === 'ar' ? 'zero' : pluralRules().select(count);
      return t(`${key}_${category}` as MessageKey, count);
    },
    number: (n) => numberFormat().format(n),
    identifier: (n) => identifierFormat().format(n),
    date(iso) {
      const d = parseDate(iso);
      if (!d) return '';
      if (Math.abs(now() - d.getTime()) < RELATIVE_LIMIT_MS) return formatRelative(d, now(), relativeFormat());
      const sameYear = new Date(now()).getFullYear() === d.getFullYear();
      return (sameYear ? dayMonth() : dayMonthYear()).format(d);
    },
    relative(iso) {
      const d = parseDate(iso);
      return d ? formatRelative(d, now(), relativeFormat()) : '';
    },
    fullDate(iso) {
      const d = parseDate(iso);
      return d ? fullDate().format(d) : '';
    },
    monthYear(iso) {
      const d = parseDate(iso);
      return d ? monthYear().format(d) : '';
    },
    apart(iso, reference) {
      const d = parseDate(iso);
      const r = parseDate(reference);
      if (!d || !r) return '';
      // Calendar days in the reader's zone, as the dates beside it are shown, not elapsed hours rounded.
      const days = calendarDaysApart(d, r, options.timeZone);
      if (days === 0) return t('sameDay');
      if (Math.abs(days) > APART_MAX_DAYS) return '';
      return this.plural(days < 0 ? 'daysEarlier' : 'daysLater', Math.abs(days));
    },
    list(items) {
      return listFormat().format(items);
    },
    applyToDocument(doc) {
      doc.documentElement.lang = lang;
      doc.documentElement.dir = dirOf(lang);
    },
  };
}
