/**
 * Opening the side panel from the popup. Both browsers accept it only during a user gesture, so the click
 * handler must call the API synchronously: the window id Chrome needs is looked up when the popup opens.
 * Firefox: sidebarAction.open(), "only from inside the handler for a user action" (MDN).
 * Chrome: sidePanel.open({ windowId }) (Chrome 116+, needs the "sidePanel" permission; user gesture only).
 */
import browser from 'webextension-polyfill';
import { afterNextPaint } from '../ui/after-paint';

interface SidePanelApis {
  sidebarAction?: { open?: () => Promise<void> };
}
interface ChromeSidePanel {
  sidePanel?: { open?: (options: { windowId: number }) => Promise<void> };
}

/** A function that opens the panel and closes the popup, or null when this browser has no side panel. */
export function sidePanelOpener(): (() => void) | null {
  const firefox = (browser as unknown as SidePanelApis).sidebarAction;
  if (typeof firefox?.open === 'function') {
    return () => {
      void firefox.open!().then(() => window.close(), () => undefined);
    };
  }
  const chromeApi = (globalThis as unknown as { chrome?: ChromeSidePanel }).chrome?.sidePanel;
  if (typeof chromeApi?.open !== 'function') return null;
  let windowId: number | undefined;
  // After the first paint: the first use of `windows` in a page sets up its bindings (5–15 ms measured in a new
  // popup), and nobody clicks before the popup shows.
  void afterNextPaint()
    .then(() => browser.windows.getCurrent())
    .then((w) => (windowId = w.id), () => undefined);
  return () => {
    if (windowId === undefined) return;
    void chromeApi.open!({ windowId }).then(() => window.close(), () => undefined);
  };
}
