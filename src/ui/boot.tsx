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
import { createI18n, type BrowserI18n, type MessageKey } from './i18n';

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
}

export function applyTheme(doc: Document, theme: Settings['theme']): void {
  if (theme === 'auto') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}

export async function boot(options: BootOptions): Promise<void> {
  const browserI18n = options.browserI18n === undefined ? (browser.i18n as BrowserI18n) : options.browserI18n;
  const openSettings =
    options.openSettings === undefined ? () => void browser.runtime.openOptionsPage().then(() => window.close()) : options.openSettings ?? undefined;

  const paint = (settings: Settings) => {
    const i18n = createI18n({ language: settings.language, digits: settings.digits, browserI18n });
    i18n.applyToDocument(document);
    applyTheme(document, settings.theme);
    document.title = i18n.t(options.titleKey);
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

  paint(await loadSettings());
  onSettingsChanged(paint);
}
