/**
 * Starts an extension page (popup, side panel, options): loads the settings before the first paint (so the
 * language, direction and theme are right from the first frame), renders, and re-renders at once whenever the
 * settings change, here or in another page or device.
 */
import browser from 'webextension-polyfill';
import { render, type ComponentChildren } from 'preact';
import { loadSettings, onSettingsChanged, saveSettings, type Settings } from '../settings';
import type { SilaClient } from './client';
import { UiContext, type UiContextValue } from './context';
import { createI18n, preloadLocaleData, type BrowserI18n, type MessageKey } from '../i18n';

export interface BootOptions {
  root: HTMLElement;
  client: SilaClient;
  /** Document title, as a message key. */
  titleKey: MessageKey;
  app: () => ComponentChildren;
  /** Defaults to browser.i18n; the preview passes its own. */
  browserI18n?: BrowserI18n | null;
  openSettings?: (() => void) | null;
  openSidePanel?: (() => void) | null;
  /** Anything else the first paint needs, read in parallel with the settings. */
  ready?: Promise<unknown>;
  /** The settings, when the page has already started reading them (default: read here). */
  settings?: Promise<Settings>;
}

export function applyTheme(doc: Document, theme: Settings['theme']): void {
  if (theme === 'auto') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}

/**
 * The last language, direction and theme, kept in localStorage so the page starts in them before storage.sync
 * answers (no flash of a light, left-to-right page for a dark, Arabic interface).
 */
const LOOK_KEY = 'sila:look';

function applyCachedLook(doc: Document): void {
  try {
    const look = JSON.parse(localStorage.getItem(LOOK_KEY) ?? 'null') as { lang?: string; dir?: string; theme?: string } | null;
    if (!look) return;
    if (look.lang === 'ar' || look.lang === 'en') doc.documentElement.lang = look.lang;
    if (look.dir === 'rtl' || look.dir === 'ltr') doc.documentElement.dir = look.dir;
    if (look.theme === 'light' || look.theme === 'dark' || look.theme === 'auto') applyTheme(doc, look.theme);
  } catch {
    // No localStorage (or a damaged entry): the settings arrive a moment later anyway.
  }
}

export async function boot(options: BootOptions): Promise<void> {
  applyCachedLook(document);
  // In a task of its own, once this one has sent its storage reads: Intl's data loads while they are answered.
  setTimeout(() => preloadLocaleData(document.documentElement.lang), 0);
  const browserI18n = options.browserI18n === undefined ? (browser.i18n as BrowserI18n) : options.browserI18n;
  const openSettings =
    options.openSettings === undefined ? () => void browser.runtime.openOptionsPage().then(() => window.close()) : options.openSettings ?? undefined;

  const paint = (settings: Settings) => {
    const i18n = createI18n({ language: settings.language, digits: settings.digits, browserI18n });
    i18n.applyToDocument(document);
    applyTheme(document, settings.theme);
    document.title = i18n.t(options.titleKey);
    try {
      localStorage.setItem(LOOK_KEY, JSON.stringify({ lang: i18n.lang, dir: i18n.dir, theme: settings.theme }));
    } catch {
      // Not worth failing a paint over.
    }
    const value: UiContextValue = {
      client: options.client,
      i18n,
      settings,
      openSettings,
      openSidePanel: options.openSidePanel ?? undefined,
      async updateSettings(next) {
        // Paint at once; the storage event then confirms it (and reaches the other pages).
        paint(await saveSettings(next));
      },
    };
    render(<UiContext.Provider value={value}>{options.app()}</UiContext.Provider>, options.root);
  };

  const [settings] = await Promise.all([options.settings ?? loadSettings(), options.ready]);
  paint(settings);
  onSettingsChanged(paint);
}
