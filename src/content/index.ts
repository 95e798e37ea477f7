/**
 * The content script, bundled into every http(s) page: take a cheap look, extract the article only when the page
 * may hold one, send the snapshot to the background, and do it again when a single-page site moves to another
 * URL or when the first look found nothing and the page was still filling itself in.
 *
 * Runs at document_idle in the top frame only (no all_frames in the manifest), in the isolated world: the page
 * cannot reach this code or its copies of the built-ins. Frames, shadow roots and closed-shadow text are skipped.
 */
import browser from 'webextension-polyfill';
import type { Envelope } from '../messages';
import type { ArticleSnapshot } from '../lib/types';
import { extractSnapshot, notArticleSnapshot, quickLook } from './extract';
import { watchDwell } from '../library/dwell';

/**
 * Wall-clock budget for one look: the quick look, then metadata, title and body walk within 60% of what is left,
 * and in the rest at most 10,000 nodes around the title when the page was too big, and the text and date.
 */
const BUDGET_MS = 20;
/** How long after a URL change the page gets to render the new article before we look. */
const SETTLE_MS = 700;
/** One second look when the first found no article: pages that render their text after load. */
const RECHECK_MS = 2500;
const POLL_MS = 1000;

let lastKey = '';
let lastUrl = location.href;
let timer: ReturnType<typeof setTimeout> | undefined;
let rechecked = false;
let alive = true;

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 50);

function look(): ArticleSnapshot {
  const url = location.href;
  const t0 = performance.now();
  if (!quickLook(document, url)) return notArticleSnapshot(document, url);
  // The quick look (1–2 ms cold) counts against the same budget.
  return extractSnapshot(document, url, { budgetMs: BUDGET_MS - (performance.now() - t0) });
}

async function send(snapshot: ArticleSnapshot): Promise<void> {
  // Same page, same verdict, same title: the background already knows.
  const key = `${snapshot.url}\u0000${snapshot.isArticle}\u0000${snapshot.title}\u0000${snapshot.text.length}`;
  if (key === lastKey) return;
  lastKey = key;
  const message: Envelope<'page/snapshot'> = { sila: 1, name: 'page/snapshot', payload: { snapshot } };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The extension was reloaded or updated under this page: this copy of the script is orphaned; stop quietly.
    alive = false;
  }
}

function run(): void {
  if (!alive) return;
  const snapshot = look();
  void send(snapshot);
  watchDwell(snapshot.isArticle ? snapshot.url : null);
  if (!snapshot.isArticle && !rechecked) {
    rechecked = true;
    setTimeout(() => idle(run), RECHECK_MS);
  }
}

/** Debounced: a burst of pushState calls (or the poll and popstate both noticing) costs one look. */
function schedule(delay: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    idle(run);
  }, delay);
}

function onMaybeNavigated(): void {
  if (!alive || location.href === lastUrl) return;
  lastUrl = location.href;
  rechecked = false;
  schedule(SETTLE_MS);
}

/** The background dropped this tab's snapshot to make room in storage and asks for it again when it is needed. */
function onMessage(message: unknown, sender: { id?: string }): Promise<boolean> | undefined {
  const m = message as { sila?: unknown; name?: unknown } | null;
  if (sender.id !== browser.runtime.id || !m || m.sila !== 1 || m.name !== 'page/resend') return undefined;
  lastKey = '';
  idle(run);
  return Promise.resolve(true);
}

function start(): void {
  if (window.top !== window || !/^https?:$/.test(location.protocol)) return;
  browser.runtime.onMessage.addListener(onMessage);
  idle(run);
  // history.pushState called by the page happens in the page's world and cannot be wrapped from here; popstate
  // covers back/forward, and a one-string comparison per second covers the rest at no measurable cost.
  addEventListener('popstate', onMaybeNavigated);
  // The Navigation API (Chromium) reports same-document navigations to every world, ours included.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('navigatesuccess', onMaybeNavigated);
  setInterval(() => {
    if (document.visibilityState !== 'hidden') onMaybeNavigated();
  }, POLL_MS);
}

start();
