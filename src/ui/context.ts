/** What every component may need: the client, the strings and formats, and the current settings. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SilaClient } from './client';
import type { I18n } from '../i18n';
import type { Settings } from '../settings';

export interface UiContextValue {
  client: SilaClient;
  i18n: I18n;
  settings: Settings;
  /** Stores new settings (the change comes back through onSettingsChanged to every open page). */
  updateSettings(next: Settings): Promise<void>;
  /** Opens the options page (absent where there is none, e.g. on the options page itself). */
  openSettings?: () => void;
  /** Opens Sila in the browser's side panel / sidebar (absent where unsupported, and in the panel itself). */
  openSidePanel?: () => void;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('UiContext missing: render inside <UiContext.Provider>');
  return value;
}
