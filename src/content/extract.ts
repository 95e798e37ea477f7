/**
 * extractSnapshot(document, url): what the page the user reads is, as an ArticleSnapshot.
 * Pure DOM code (browser, linkedom, jsdom), never throws, bounded work on any page:
 * metadata first (metadata.ts), then the main text (body-text.ts), then the verdict "article or not".
 *
 * @example
 *   const snap = extractSnapshot(document, location.href);
 *   if (snap.isArticle) console.log(snap.title, snap.text.length);
 */
import type { ArticleSnapshot } from '../lib/types';
import { LIMITS } from '../messages';
import {
  boundedText, heldChars, isProse, leadParas, mainText, MAX_NODES, pickContainer, scoreAncestors, scriptText, walkParagraphs, type Deadline,
  type Held,
  type MainText, type Para,
} from './body-text';
import { normalizeDate, parseDateText } from './dates';
import { absoluteHttpUrl, normalizeLang, readMeta, type PageMeta } from './metadata';
import { siblingParas } from './siblings';
import { withoutTeasers } from './teasers';
import { cleanLine, dominantScript, titleSimilarity } from './text-utils';

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'ckb', 'dv', 'sd', 'ug', 'ku']);
/** Nodes read around the title when the page was too big to walk whole within the budget. */
const NEAR_TITLE_NODES = 10_000;
/**
 * Share of the budget that metadata, title and the first walk may use. What follows a walk stopped by the clock
 * (the re-read around the title, scoring, the main text, the date) took 3–6 ms in Chromium on the hostile-huge-dom
 * and -text fixtures, mostly compiling the date / "read also" / boilerplate regexps on their first use; with the
 * whole budget given to the walk those pages took 27 and 39 ms for a 20 ms budget.
 */
const WALK_SHARE = 0.6;
const SEARCH_PARAMS = ['q', 'query', 's', 'search', 'keyword', 'keywords', 'term', 'text'];

/** Home pages and search pages, judged from the URL alone. */
export function isHomeOrSearchUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const path = u.pathname.toLowerCase();
  if (/^\/(?:(?:ar|en|fr|arabic|english|news|index|home|default)(?:\.\w{2,5})?\/?)?$/.test(path) && !/[?&]p=\d/.test(u.search)) {
    return true;
  }
  if (/(?:^|\/)(?:search|بحث|%d8%a8%d8%ad%d8%ab)(?:\/|$|\.)/i.test(path)) return true;
  for (let i = 0; i < SEARCH_PARAMS.length; i++) if (u.searchParams.has(SEARCH_PARAMS[i]) && path.split('/').length <= 3) return true;
  return false;
}

/**
 * The cheap first look the content script takes on every page: false when the page is plainly not an article
 * (not http(s), a home or search URL, no article metadata and hardly any paragraphs). Touches no layout and parses
 * nothing; a page it lets through gets the full extraction.
 */
export function quickLook(doc: Document, url: string): boolean {
  try {
    if (!/^https?:/i.test(url) || !doc.body || isHomeOrSearchUrl(url)) return false;
    // querySelector stops at the first match (in <head>); a tag collection would be built over the whole page.
    const og = doc.querySelector('meta[property="og:type" i]');
    const ogType = og ? (og.getAttribute('content') || '').trim().toLowerCase() : '';
    if (ogType === 'article') return true;
    let listing = false;
    const scripts = doc.getElementsByTagName('script');
    for (let i = 0, seen = 0; i < scripts.length && seen < 20; i++) {
      if ((scripts[i].getAttribute('type') || '').toLowerCase().indexOf('ld+json') < 0) continue;
      seen++;
      const t = scriptText(scripts[i], 50_000);
      if (/Article|BlogPosting|SocialMediaPosting|"Report"/.test(t)) return true;
      if (/CollectionPage|SearchResultsPage|ItemList|VideoObject|ProfilePage/.test(t)) listing = true;
    }
    if (listing) return false;
    const cards = doc.getElementsByTagName('article').length;
    if (cards >= 5) return false; // a grid of cards, and nothing says "article"
    // The page names itself something else (website, video, product, profile) and has no <article>: a front page,
    // a section, a shop, a social profile. Article pages that mislabel themselves nearly always carry JSON-LD.
    if (ogType && cards === 0 && !doc.querySelector('[itemtype*="Article"]') && !titledByHeading(doc)) return false;
    // Paragraphs, or the <pre> blocks of a plain-text document (RFCs and Internet-Drafts are one <pre> per page).
    return (
      doc.getElementsByTagName('p').length >= 3 || cards > 0 || doc.getElementsByTagName('br').length >= 6 ||
      doc.getElementsByTagName('pre').length >= 3
    );
  } catch {
    return true;
  }
}

/**
 * Positive evidence of a story on a page that calls itself a website: a heading of three words or more that names
 * the page's title (a blog post, a product tour: "Friday Facts #282 - 0.17 in sight | Factorio" over its <h2>). A
 * front page or a section ("World news" over "World news | Site") has none; the full read then judges the text.
 */
function titledByHeading(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:title" i]');
  const titles = [og ? og.getAttribute('content') || '' : '', cleanLine(titleOf(doc), LIMITS.titleChars)];
  // The page's first two <h1>s and <h2>s only: this look runs on every such page, and a story's title comes first.
  for (const tag of ['h1', 'h2']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < hs.length && i < 2; i++) {
      if (tag === 'h1' && isSiteLogo(hs[i])) continue;
      const t = headingText(hs[i]);
      if (t.split(' ').length < 3) continue;
      for (let j = 0; j < titles.length; j++) if (titles[j] && titleSimilarity(t, titles[j]) > 0.6) return true;
    }
  }
  return false;
}

/** A heading's text as the reader sees it: script, style and hidden parts left out, a bounded read. */
function headingText(el: Element): string {
  // A documentation heading ends in its permalink's glyph ("Evolve: Shared Mutable History¶"): not the title's.
  return cleanLine(boundedText(el, 2000, LIMITS.titleChars), LIMITS.titleChars).replace(/\s*[¶§#🔗]$/u, '');
}

/** Where to read again when the page was too big to walk whole: the title's <article>/<main>, else 3 levels up. */
function rootNearTitle(heading: Element, body: Element): Element | null {
  let el: Element | null = heading;
  let third: Element | null = null;
  for (let level = 0; el && el !== body && level < 30; level++) {
    const name = el.localName;
    if (name === 'article' || name === 'main' || /Article/.test(el.getAttribute('itemtype') || '')) return el;
    if (level === 3) third = el;
    el = el.parentElement;
  }
  return third;
}

/**
 * The lowest ancestor of the title heading holding real prose (two paragraphs, 300 characters): the story the
 * title belongs to, when the best container found elsewhere does not hold the title.
 */
function storyAroundTitle(heading: Element, score: Map<Element, Held>, scope: Element): Element | null {
  let el: Element | null = heading.parentElement;
  for (let level = 0; el && level < 12; level++) {
    const held = score.get(el);
    if (held && held.paras >= 2 && held.chars >= 300) return el;
    if (el === scope) return null;
    el = el.parentElement;
  }
  return null;
}

/**
 * An <h1> that is the site's logo, not a headline: its text is a link to the site's home page ("h1 > a[href=/]").
 * Many sites mark their name up so on every page; the story's own headline never links home.
 */
function isSiteLogo(h: Element): boolean {
  const links = h.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const href = (links[0].getAttribute('href') || '').trim();
  if (!/^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.\w{2,5})?$/i.test(href) && href !== './') return false;
  const own = (h.textContent || '').replace(/\s+/g, '');
  return own.length > 0 && (links[0].textContent || '').replace(/\s+/g, '').length >= own.length * 0.5;
}

/** The visible heading that titles the page's article: the one matching the metadata title, else the first <h1>. */
export function findTitleHeading(doc: Document, metaTitles: string[]): Element | null {
  const candidates: Element[] = [];
  const h1All = doc.getElementsByTagName('h1');
  const h1: Element[] = [];
  for (let i = 0; i < h1All.length && i < 20; i++) if (!isSiteLogo(h1All[i])) h1.push(h1All[i]);
  for (let i = 0; i < h1.length; i++) candidates.push(h1[i]);
  let h2Read = false;
  let best: Element | null = null;
  let bestSim = 0.6;
  for (let m = 0; m < metaTitles.length; m++) {
    if (!metaTitles[m]) continue;
    for (let i = 0; ; i++) {
      if (i === candidates.length) {
        // The <h2>s are read only when needed (each tag list costs a pass over the whole page): similarity is at
        // most 1, so no <h2> can beat an <h1> matching above 0.95 by the 0.05 it would need.
        if (h2Read || bestSim > 0.95) break;
        h2Read = true;
        const h2 = doc.getElementsByTagName('h2');
        for (let j = 0; j < h2.length && j < 40; j++) candidates.push(h2[j]);
        if (i === candidates.length) break;
      }
      const sim = titleSimilarity(headingText(candidates[i]), metaTitles[m]);
      if (sim > bestSim + 0.05 || (sim > bestSim && best === null)) {
        best = candidates[i];
        bestSim = sim;
      }
    }
    if (best) return best;
  }
  for (let i = 0; i < h1.length; i++) {
    const t = headingText(h1[i]);
    if (t.length >= 15 && t.split(' ').length >= 3) return h1[i];
  }
  return null;
}

/** A title line is at most this long: a sentence-long paragraph is text, not a headline. */
const TITLE_LINE_CHARS = 200;
/** How many paragraphs from the top of the page a title line is looked for in. */
const TITLE_LINE_SEARCH = 300;

/**
 * Whether `line` is `title` or the part of it before or after a separator ("Headline　＜Site＞", "Site | Headline"):
 * any punctuation or symbol set off by a space, so the brackets and marks of every script count, not only " | " and
 * " - "; not a colon that follows a word ("Project: Better journalism" is one title with its subtitle).
 */
export function isTitlePart(line: string, title: string): boolean {
  return isNormTitlePart(normTitle(line), normTitle(title));
}

function isNormTitlePart(l: string, t: string): boolean {
  if (!l || l.length > t.length) return false;
  if (l === t) return true;
  return (
    (t.startsWith(l) && /^\s+[\p{P}\p{S}]/u.test(t.slice(l.length))) ||
    (t.endsWith(l) && /\s[\p{P}\p{S}]+\s+$/u.test(t.slice(0, t.length - l.length)))
  );
}

/**
 * A headline written as a plain line rather than a heading (old and hand-made pages: a centred line between <br>s,
 * a <font> or <b>): the first short line above the story's prose that is one of `titles`, or its headline part, and
 * neither a link nor the site's name. Its block must hold no prose, since the title's block is left out of the
 * text. Looked for only when no <h1>/<h2> titles the page; bounded: TITLE_LINE_SEARCH paragraphs, one match checked.
 */
export function findTitleLine(paras: Para[], titles: string[], siteName: string | null): { block: Element; text: string } | null {
  const site = siteName ? normTitle(siteName) : '';
  const norm: string[] = [];
  for (let t = 0; t < titles.length; t++) if (titles[t]) norm.push(normTitle(titles[t]));
  if (norm.length === 0) return null;
  for (let i = 0; i < paras.length && i < TITLE_LINE_SEARCH; i++) {
    const p = paras[i];
    if (p.text.length > TITLE_LINE_CHARS) {
      if (isProse(p)) return null; // the story began without a title line
      continue;
    }
    if (p.linkChars > 0) continue;
    const l = normTitle(p.text);
    if (l === site) continue;
    let matches = false;
    for (let t = 0; t < norm.length && !matches; t++) matches = isNormTitlePart(l, norm[t]);
    if (!matches) continue;
    // The first line that matches decides, so that a page repeating its title cannot make this quadratic.
    for (let j = 0; j < paras.length; j++) {
      if (j !== i && isProse(paras[j]) && (paras[j].block === p.block || p.block.contains(paras[j].block))) return null;
    }
    return { block: p.block, text: p.text };
  }
  return null;
}

/** "Headline - Sky News Arabia" → "Headline". */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|\-–—:»]{1,2}\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  const first = parts[0];
  const site = (siteName || '').toLowerCase();
  if ((site && last.toLowerCase() === site) || (last.length <= 30 && last.split(' ').length <= 4 && first.length > last.length)) {
    return parts.slice(0, -1).join(' - ');
  }
  if (site && first.toLowerCase() === site) return parts.slice(1).join(' - ');
  return title;
}

const normTitle = (s: string): string => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();
const TITLE_SEPARATOR = /^\s*(?:[-|·:–—»~/]|::)/;

/**
 * The title shown for the story: the publisher's headline (JSON-LD `headline`, else the meta title: `og:title`,
 * Dublin Core…), as Readability and trafilatura take the metadata title first; the visible heading is often a
 * shortened or restyled variant of it, or an older one. The visible heading instead when it is that headline with a site name added at a separator, when
 * `<title>` names the heading's story rather than the metadata's (a generic or stale og:title), or when there is no
 * metadata headline. Without a heading: the metadata headline, else `<title>` cut as Readability cuts it.
 */
export function chooseTitle(heading: string, published: string, docTitle: string, siteName: string | null): string {
  const pub = cleanLine(published || '', LIMITS.titleChars);
  if (!heading) return pub ? stripKnownSite(pub, siteName) : titleFromDocTitle(docTitle, siteName);
  if (!pub) return heading;
  // A stale or generic og:title ("Yahoo News - Latest News & Headlines") is told by <title>, which then names the
  // heading's story and not the metadata's.
  const doc = cleanLine(docTitle || '', LIMITS.titleChars);
  if (doc && titleSimilarity(doc, heading) >= 0.6 && titleSimilarity(doc, pub) < 0.6) return heading;
  const h = normTitle(heading);
  const p = normTitle(pub);
  if (p === h) return heading;
  if (p.startsWith(h) && TITLE_SEPARATOR.test(p.slice(h.length))) return heading;
  if (p.endsWith(h) && TITLE_SEPARATOR.test(p.slice(0, p.length - h.length).split('').reverse().join(''))) return heading;
  return stripKnownSite(pub, siteName);
}

/** "Headline | Site" → "Headline", only when "Site" is the page's known site name (a headline may hold " - "). */
function stripKnownSite(title: string, siteName: string | null): string {
  const site = (siteName || '').trim().toLowerCase();
  if (!site) return title;
  const parts = title.split(/\s+[|\-–—:»·]{1,2}\s+/);
  if (parts.length < 2) return title;
  if (parts[parts.length - 1].trim().toLowerCase() === site) return parts.slice(0, -1).join(' - ');
  if (parts[0].trim().toLowerCase() === site) return parts.slice(1).join(' - ');
  return title;
}

/**
 * `<title>` of a page with neither heading nor metadata headline: the known site name stripped, else everything
 * before the last " | " / " - " / " » " when that keeps three words or more (Readability's _getArticleTitle rule:
 * the site's name and section come last), else the whole.
 */
export function titleFromDocTitle(docTitle: string, siteName: string | null): string {
  const known = stripKnownSite(docTitle, siteName);
  if (known !== docTitle) return known;
  const m = /^(.*\S)\s+[|\-–—»·]\s+\S.*$/.exec(docTitle);
  if (m && m[1].split(/\s+/).length >= 3) return m[1];
  return stripSiteName(docTitle, siteName);
}

/** "Headline | RT Arabic" → "RT Arabic": the outlet name as the last short segment of <title>. */
function siteFromTitle(docTitle: string): string | null {
  const parts = docTitle.split(/\s+[|\-–—»]\s+/);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1].trim();
  return last.length > 0 && last.length <= 30 && last.split(' ').length <= 4 ? last : null;
}

/** The story root on pages holding several <article>s with real text: the one with the title heading, else the first. */
function storyScope(doc: Document, score: Map<Element, Held>, titleHeading: Element | null, body: Element): Element {
  const found = doc.querySelectorAll('article, [itemtype*="Article"]');
  const substantial: Element[] = [];
  for (let i = 0; i < found.length && i < 30; i++) if (heldChars(score, found[i]) >= 300) substantial.push(found[i]);
  const innermost: Element[] = [];
  for (let i = 0; i < substantial.length; i++) {
    let holdsAnother = false;
    for (let j = 0; j < substantial.length; j++) if (i !== j && substantial[i].contains(substantial[j])) holdsAnother = true;
    if (!holdsAnother) innermost.push(substantial[i]);
  }
  if (innermost.length === 0) return body;
  const total = heldChars(score, body);
  if (innermost.length === 1) return heldChars(score, innermost[0]) >= total * 0.4 ? innermost[0] : body;
  if (titleHeading) {
    for (let i = 0; i < innermost.length; i++) if (innermost[i].contains(titleHeading)) return innermost[i];
  }
  return innermost[0];
}

function printedDate(doc: Document, scope: Element, main: MainText): string | null {
  const times = scope.getElementsByTagName('time');
  for (let i = 0; i < times.length && i < 10; i++) {
    const d = normalizeDate(times[i].getAttribute('datetime')) || parseDateText(boundedText(times[i], 50, 300));
    if (d) return d;
  }
  for (let i = 0; i < main.dateLines.length; i++) {
    const d = parseDateText(main.dateLines[i]);
    if (d) return d;
  }
  const roots: ParentNode[] = scope.localName === 'body' ? [doc] : [scope, doc];
  for (let r = 0; r < roots.length; r++) {
    const els = roots[r].querySelectorAll(
      'time, [class*="date"], [class*="Date"], [class*="time"], [class*="publish"], [class*="posted"], [id*="date"], [class*="meta"], [class*="info"]',
    );
    for (let i = 0; i < els.length && i < 30; i++) {
      const text = boundedText(els[i], 60, 300);
      if (text.length > 250) continue;
      const d = normalizeDate(els[i].getAttribute('datetime')) || parseDateText(text);
      if (d) return d;
    }
  }
  return null;
}

function guessLang(text: string): string {
  const script = dominantScript(text);
  if (script === 'arabic') return 'ar';
  if (script === 'latin') {
    const sample = ' ' + text.slice(0, 3000).toLowerCase() + ' ';
    const hits = (sample.match(/ (?:the|and|of|to|in|is|that|was|for) /g) || '').length;
    const words = sample.split(' ').length;
    if (hits / words > 0.06) return 'en';
  }
  return '';
}

/**
 * `soleArticle`: the text lies in the page's only <article> element, which says "this is the story" as a headline
 * does (a page of cards has many; a page without a story has none).
 */
function verdict(meta: PageMeta, main: MainText, url: string, titleHeading: Element | null, soleArticle: boolean): boolean {
  if (isHomeOrSearchUrl(url)) return false;
  const kinds = meta.ldKinds;
  const metaArticle = kinds.has('article') || meta.ogType === 'article' || meta.microdataArticle;
  if (kinds.has('listing') && !kinds.has('article')) return false;
  const perPara = main.proseChars / Math.max(1, main.proseCount);
  // A listing looks like one: many short items that are mostly links. Subheadings alone are an article's outline
  // (Wikipedia, documentation, long reads), so headings count toward a listing only when link lines are as many
  // as the prose paragraphs.
  const listingShape =
    (main.headingCount >= 6 && perPara < 220 && main.linkLines >= main.proseCount) ||
    (main.linkLines >= 10 && main.linkLines > 2 * main.proseCount);
  if (listingShape) return false;
  const video = meta.ogType.indexOf('video') === 0 || (kinds.has('video') && !kinds.has('article'));
  if (video && main.proseChars < 600) return false;
  if (metaArticle) return main.proseChars >= 250;
  // A headline above 450 characters of prose, however many paragraphs hold them (a fable, a brief, a story written
  // as one block: the listing shape above already turned away a headline over many short items), or the page's only
  // <article> around two paragraphs of it.
  if (main.proseChars >= 450 && (titleHeading !== null || (soleArticle && main.proseCount >= 2))) return true;
  // No metadata and no headline found (documents, old pages, a CJK or one-word title): the text must then speak
  // for itself: several paragraphs of prose, long on average (a to-do list or a feed is many short items), that
  // outweigh the links around them.
  return main.proseChars >= 1500 && main.proseCount >= 4 && perPara >= 140 && main.linkLines <= main.proseCount;
}

/** The direction declared nearest the article's text: `<body dir=rtl>` inside `<html dir=ltr>` is right to left. */
function declaredDir(container: Element): 'rtl' | 'ltr' | '' {
  let el: Element | null = container;
  for (let level = 0; el && level < 200; level++, el = el.parentElement) {
    const d = (el.getAttribute('dir') || '').toLowerCase();
    if (d === 'rtl' || d === 'ltr') return d;
  }
  return '';
}

/** The story's scope and main text from the paragraphs walked under `root`. */
function readStory(
  doc: Document,
  paras: Para[],
  root: Element,
  titleHeading: Element | null,
  body: Element,
): { scope: Element; container: Element; main: MainText } {
  paras = withoutTeasers(paras);
  const score = scoreAncestors(paras, root);
  const scope = root === body ? storyScope(doc, score, titleHeading, body) : root;
  let container = pickContainer(score, scope);
  if (titleHeading && !container.contains(titleHeading)) {
    const story = storyAroundTitle(titleHeading, score, scope);
    if (story && !story.contains(container)) container = pickContainer(score, story);
  }
  const lead = leadParas(paras, container, titleHeading);
  const siblings = siblingParas(paras, container, score, scope);
  const extra = lead && siblings ? new Set([...lead, ...siblings]) : lead || siblings;
  return { scope, container, main: mainText(paras, container, titleHeading, LIMITS.textChars, extra) };
}

/** document.title without building a huge string: the <title> element's text is read as it is, then cut. */
function titleOf(doc: Document): string {
  const el = doc.querySelector('title'); // the first in document order, without listing every one
  if (!el) return '';
  return scriptText(el, LIMITS.titleChars * 4);
}

function emptySnapshot(doc: Document | null, url: string): ArticleSnapshot {
  let title = '';
  let lang = '';
  let dir: 'rtl' | 'ltr' = 'ltr';
  try {
    title = doc ? cleanLine(titleOf(doc), LIMITS.titleChars) : '';
    const html = doc && doc.documentElement;
    lang = html ? normalizeLang(html.getAttribute('lang') || '') : '';
    dir = html && (html.getAttribute('dir') || '').toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    /* keep the defaults */
  }
  const safeUrl = typeof url === 'string' ? url.slice(0, LIMITS.urlChars) : '';
  return { isArticle: false, title, text: '', lang, dir, url: safeUrl, canonicalUrl: null, published: null, siteName: null };
}

/** The snapshot of a page the cheap look already judged not to be an article: no walk, no parsing. */
export function notArticleSnapshot(doc: Document, url: string): ArticleSnapshot {
  return emptySnapshot(doc, url);
}

export interface ExtractOptions {
  /**
   * Wall-clock budget for the extraction (metadata, title, body walk), in ms: a walk cut short by it reads again
   * around the title, at most 10,000 nodes. The content script passes one so that no
   * page, however big, is slowed by much more than that; without it the result depends only on the page, as
   * tests need.
   */
  budgetMs?: number;
  now?: () => number;
}

export function extractSnapshot(doc: Document, url: string, options: ExtractOptions = {}): ArticleSnapshot {
  try {
    return extractUnsafe(doc, url, options);
  } catch {
    return emptySnapshot(doc, url);
  }
}

/**
 * doc.body, or the <body> that holds the page when the first one is empty: a browser merges a second <body> tag into
 * the first, but DOM libraries (linkedom, as the tests use) may keep an empty <body> before the real one.
 */
function bodyOf(doc: Document): HTMLElement | null {
  const body = doc.body;
  if (!body || body.firstElementChild) return body;
  const root = doc.documentElement;
  for (let el = root ? root.firstElementChild : null; el; el = el.nextElementSibling) {
    if (el !== body && el.localName === 'body' && el.firstElementChild) return el as HTMLElement;
  }
  return body;
}

function extractUnsafe(doc: Document, url: string, options: ExtractOptions): ArticleSnapshot {
  const body = bodyOf(doc);
  if (!body) return emptySnapshot(doc, url);
  // One budget for the whole extraction: reading the metadata and finding the title count against the walk's time,
  // and the work after the walk gets the last 40% of it.
  const now = options.now ?? (() => performance.now());
  const deadline: Deadline | undefined = options.budgetMs === undefined ? undefined : { at: now() + options.budgetMs * WALK_SHARE, now };
  const meta = readMeta(doc, url);
  const ld = meta.ldArticle;
  const docTitle = cleanLine(titleOf(doc), LIMITS.titleChars);
  const siteName = meta.ogSiteName || (ld && ld.publisher) || meta.applicationName || siteFromTitle(docTitle);
  const metaTitles = [ld ? ld.headline : '', meta.metaTitle, docTitle];
  let titleHeading = findTitleHeading(doc, metaTitles);

  let walk = walkParagraphs(body, deadline, undefined, titleHeading);
  let root: Element = body;
  if (walk.truncated && titleHeading) {
    // Too big to read whole: read again around the title only, bounded by a node count rather than the clock, so
    // that a busy machine cannot cut it short (on a 5,000-deep page, which browsers flatten, the title's root holds
    // thousands of nodes; 10,000 take a few ms).
    const near = rootNearTitle(titleHeading, body);
    if (near) {
      walk = walkParagraphs(near, undefined, NEAR_TITLE_NODES, titleHeading);
      root = near;
    }
  }
  let titleText = titleHeading ? headingText(titleHeading) : '';
  if (!titleHeading) {
    const line = findTitleLine(walk.paras, metaTitles, siteName);
    if (line) {
      titleHeading = line.block;
      titleText = line.text;
    }
  }
  let { scope, main, container } = readStory(doc, walk.paras, root, titleHeading, body);
  const articles = doc.getElementsByTagName('article');
  const soleArticle = (el: Element) => articles.length === 1 && articles[0].contains(el);
  let isArticle = verdict(meta, main, url, titleHeading, soleArticle(container));
  const metaArticle = meta.ldKinds.has('article') || meta.ogType === 'article' || meta.microdataArticle;
  if (!isArticle && !walk.truncated && walk.guessed > 0 && (metaArticle || titleHeading)) {
    // The page says it is an article, or has a headline, yet the class-name guesses left too little prose: read it
    // again trusting only tags, roles and never-article classes ("div#Blog1.widget.Blog" holds a blog's posts,
    // "div#evolve-shared-mutable-history" a documentation section). Within what is left of the same budget.
    const again = walkParagraphs(root, deadline, root === body ? MAX_NODES : NEAR_TITLE_NODES, titleHeading, true);
    if (!again.truncated) {
      const story = readStory(doc, again.paras, root, titleHeading, body);
      if (verdict(meta, story.main, url, titleHeading, soleArticle(story.container))) {
        scope = story.scope;
        container = story.container;
        main = story.main;
        isArticle = true;
      }
    }
  }
  const title = chooseTitle(titleText, ld && ld.headline ? ld.headline : meta.metaTitle, docTitle, siteName);
  const lang = meta.lang || guessLang(main.text || title);
  const primary = lang.split('-')[0];
  const dir: 'rtl' | 'ltr' = declaredDir(container) || meta.dir || (RTL_LANGS.has(primary) ? 'rtl' : lang ? 'ltr' : dominantScript(main.text || title) === 'arabic' ? 'rtl' : 'ltr');
  const canonicalUrl = meta.canonicalUrl || meta.ogUrl || absoluteHttpUrl(ld ? ld.url : null, url);
  const published = meta.published || printedDate(doc, scope, main);

  return {
    isArticle,
    title: cleanLine(title, LIMITS.titleChars),
    text: isArticle ? main.text : '',
    lang,
    dir,
    url: url.slice(0, LIMITS.urlChars),
    canonicalUrl: canonicalUrl && canonicalUrl.length <= LIMITS.urlChars ? canonicalUrl : null,
    published,
    siteName: siteName ? cleanLine(siteName, 200) : null,
  };
}
