/**
 * Content-script side of "Remember what I read": once the page is an article, count the time its tab is
 * visible; after DWELL_MS of it, tell the background once per URL. The background decides whether to keep it
 * (remembering on, not private, not silenced): the page learns nothing of the answer.
 */
import browser from 'webextension-polyfill';
import type { Envelope } from '../messages';
import { DWELL_MS } from './dwell-time';

export { DWELL_MS };

let current: { url: string; visibleMs: number; since: number | null; timer: ReturnType<typeof setTimeout> | undefined } | null = null;
const told = new Set<string>();

function tick(): void {
  if (!current) return;
  const now = performance.now();
  if (current.since !== null) current.visibleMs += now - current.since;
  current.since = document.visibilityState === 'visible' ? now : null;
  clearTimeout(current.timer);
  if (current.visibleMs >= DWELL_MS) {
    const url = current.url;
    current = null;
    told.add(url);
    const message: Envelope<'library/remember'> = { sila: 1, name: 'library/remember', payload: { url } };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  } else if (current.since !== null) {
    current.timer = setTimeout(tick, DWELL_MS - current.visibleMs);
  }
}

/** The page now shows the article at `url` (or no article: null); the visible-time count starts again. */
export function watchDwell(url: string | null): void {
  if (current?.url === url) return;
  if (current) clearTimeout(current.timer);
  current = url && !told.has(url) ? { url, visibleMs: 0, since: null, timer: undefined } : null;
  tick();
}

document.addEventListener('visibilitychange', tick);
