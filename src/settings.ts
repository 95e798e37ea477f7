/**
 * Sila's user settings: one typed object stored under one key in `storage.sync`, so they follow the user across
 * devices and survive restarts. Everything read from storage goes through `validateSettings`, because storage
 * can hold values from an older version, another device, or a hand-edited profile.
 *
 * The popup, side panel and options page read them; the background uses `badge`, `minConfidence`,
 * `isSilentSite` and `resultCount`.
 *
 * @example
 * const settings = await loadSettings();
 * const off = onSettingsChanged((next) => render(next));
 * await saveSettings({ ...settings, theme: 'dark' });
 */
import browser from 'webextension-polyfill';

export type InterfaceLanguage = 'auto' | 'ar' | 'en';
export type Digits = 'latn' | 'arab';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  /** How many related articles the popup and side panel list (1–20). */
  resultCount: number;
  /**
   * Minimum confidence (0–1) for a related article to count in the toolbar badge. The options page offers three
   * levels (`CONFIDENCE_LEVELS`); the background compares it with its own calibrated confidence.
   */
  minConfidence: number;
  /** Hosts where Sila neither reads the page nor shows a badge. A host also silences its subdomains. */
  silentSites: string[];
  language: InterfaceLanguage;
  digits: Digits;
  /** Show the count of confident related articles on the toolbar icon. */
  badge: boolean;
  theme: Theme;
  /**
   * Remember what I read (src/library): 'unasked' until the user answers the popup's one-time card or sets the
   * switch in settings; only 'on' remembers anything.
   */
  rememberReads: RememberReads;
  /** Schema version of this object (SETTINGS_VERSION); older stored objects are migrated by validateSettings. */
  version: number;
}

export type RememberReads = 'unasked' | 'on' | 'off';

/**
 * 1: the settings before the library (no version field). 2: `rememberReads` and `version`. A stored object of
 * version 1 keeps every field it had and gets rememberReads 'unasked', so the popup asks once.
 */
export const SETTINGS_VERSION = 2;

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  resultCount: 8,
  minConfidence: 0.5,
  silentSites: [],
  language: 'auto',
  digits: 'latn',
  badge: true,
  theme: 'auto',
  rememberReads: 'unasked',
  version: SETTINGS_VERSION,
});

export const RESULT_COUNT_RANGE = { min: 1, max: 20 } as const;
export const MAX_SILENT_SITES = 200;

/** The three levels the options page offers for `minConfidence`. */
export const CONFIDENCE_LEVELS = { low: 0.3, medium: 0.5, high: 0.7 } as const;
export type ConfidenceLevel = keyof typeof CONFIDENCE_LEVELS;

/** The level closest to a stored confidence (a value from another version may sit between two levels). */
export function confidenceLevel(value: number): ConfidenceLevel {
  let best: ConfidenceLevel = 'medium';
  for (const level of Object.keys(CONFIDENCE_LEVELS) as ConfidenceLevel[]) {
    if (Math.abs(CONFIDENCE_LEVELS[level] - value) < Math.abs(CONFIDENCE_LEVELS[best] - value)) best = level;
  }
  return best;
}

/**
 * Turns what a user typed or pasted ("https://www.BBC.com/arabic", "bbc.com.", "*.bbc.com") into a bare host
 * ("bbc.com"), or null when it is not a plausible host name.
 */
export function normalizeHost(input: string): string | null {
  let s = String(input).trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/^\*\./, '');
  s = s.split(/[/?#]/, 1)[0];
  s = s.replace(/^[^@]*@/, '');
  s = s.replace(/:\d+$/, '');
  s = s.replace(/\.$/, '');
  s = s.replace(/^www\./, '');
  if (s.length === 0 || s.length > 253) return null;
  // Letters of any script are allowed (internationalised domain names as typed), but no spaces or punctuation
  // beyond what host names use.
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(s)) return null;
  try {
    // Converts an IDN to punycode, the form `URL.hostname` (and so the background) sees.
    return new URL(`http://${s}/`).hostname;
  } catch {
    return null;
  }
}

/** Whether Sila should stay silent on a page, given its URL. */
export function isSilentSite(settings: Pick<Settings, 'silentSites'>, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return settings.silentSites.some((site) => host === site || host.endsWith(`.${site}`));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * A complete, valid `Settings` from anything: missing or wrong fields take their default, numbers are clamped,
 * the site list is cleaned. Never throws.
 */
export function validateSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;

  let resultCount = d.resultCount;
  if (typeof r.resultCount === 'number' && Number.isFinite(r.resultCount)) {
    resultCount = Math.min(RESULT_COUNT_RANGE.max, Math.max(RESULT_COUNT_RANGE.min, Math.round(r.resultCount)));
  }

  let minConfidence = d.minConfidence;
  if (typeof r.minConfidence === 'number' && Number.isFinite(r.minConfidence)) {
    minConfidence = Math.min(1, Math.max(0, r.minConfidence));
  }

  const silentSites: string[] = [];
  if (Array.isArray(r.silentSites)) {
    for (const entry of r.silentSites) {
      if (typeof entry !== 'string' || entry.length > 2048) continue;
      const host = normalizeHost(entry);
      if (host && !silentSites.includes(host)) silentSites.push(host);
      if (silentSites.length >= MAX_SILENT_SITES) break;
    }
  }

  return {
    resultCount,
    minConfidence,
    silentSites,
    language: oneOf(r.language, ['auto', 'ar', 'en'] as const, d.language),
    digits: oneOf(r.digits, ['latn', 'arab'] as const, d.digits),
    badge: typeof r.badge === 'boolean' ? r.badge : d.badge,
    theme: oneOf(r.theme, ['auto', 'light', 'dark'] as const, d.theme),
    // Version 1 had no such field: its users have not been asked yet.
    rememberReads: oneOf(r.rememberReads, ['unasked', 'on', 'off'] as const, d.rememberReads),
    version: SETTINGS_VERSION,
  };
}

/** The part of `storage.StorageArea` Sila uses; tests pass an in-memory one. */
export interface SettingsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

function syncArea(): SettingsArea {
  return browser.storage.sync;
}

/** The stored settings, validated; the defaults when nothing is stored or storage fails. */
export async function loadSettings(area: SettingsArea = syncArea()): Promise<Settings> {
  try {
    const stored = await area.get(SETTINGS_KEY);
    return validateSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS, silentSites: [] };
  }
}

/** Validates and stores the settings; returns what was stored. */
export async function saveSettings(settings: Settings, area: SettingsArea = syncArea()): Promise<Settings> {
  const clean = validateSettings(settings);
  await area.set({ [SETTINGS_KEY]: clean });
  return clean;
}

/** Removes the stored settings, so every context falls back to the defaults. */
export async function resetSettings(area: SettingsArea = syncArea()): Promise<Settings> {
  await area.remove(SETTINGS_KEY);
  return { ...DEFAULT_SETTINGS, silentSites: [] };
}

/**
 * Calls `listener` with the new, validated settings whenever they change (in this context, another one, or on
 * another device). Returns a function that stops listening.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'sync' || !(SETTINGS_KEY in changes)) return;
    listener(validateSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
