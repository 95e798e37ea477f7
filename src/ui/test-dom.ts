/**
 * A DOM for component tests, from linkedom (already a dev dependency): enough for Preact to render and for
 * assertions on the resulting elements. Not a browser: no layout, no focus management.
 */
import { parseHTML } from 'linkedom';

export function installDom(): Document {
  const { window, document } = parseHTML('<!doctype html><html><head></head><body><div id="root"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'SVGElement', 'Text']) {
    g[key] = key === 'window' ? window : key === 'document' ? document : (window as unknown as Record<string, unknown>)[key];
  }
  g.requestAnimationFrame ??= (cb: () => void) => setTimeout(cb, 0);
  return document;
}

/** Lets effects, promises and the memory client's timers settle. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
