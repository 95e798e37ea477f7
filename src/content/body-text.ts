/**
 * The main text of a page, without navigation, "read also" boxes, comments or footers.
 *
 * One bounded walk over the body (no recursion, so a 100,000-deep DOM cannot overflow the stack) cuts the page
 * into paragraphs, skipping subtrees that are never article text (nav, aside, footer, forms, comments, share bars,
 * related boxes…). Each paragraph of real prose adds its length to its ancestors; the article container is the
 * deepest element holding at least 80% of the prose of its story (ancestors holding more than half form a chain,
 * so "deepest" is well defined). When the page holds several <article> elements with real text (an infinite-
 * scroll page, a page with two stories), the story is the one holding the title heading, else the first.
 */
import { BOILERPLATE, BYLINE, DATE_LINE, READ_ALSO, cjkCount, cleanLine } from './text-utils';
import { parseDateText } from './dates';

export const MAX_NODES = 40_000;
export const MAX_CHARS = 1_000_000;
export const MAX_PARAS = 4_000;
const MAX_NODE_CHARS = 100_000;
/** What flush() keeps of one paragraph (cleanLine(…, 50,000) reads at most 200,000 characters of it). */
const PARA_CHARS = 50_000;
const PARA_BUF_CHARS = PARA_CHARS * 4;
const MAX_CLIMB = 25;
/** Work units between two looks at the clock (see walkParagraphs). */
const CHECK_EVERY = 128;
/** A paragraph of prose: at least this many characters outside links. */
export const PROSE_CHARS = 30;

export interface Para {
  text: string;
  linkChars: number;
  /** Of linkChars, those in links to a place on the same page (href="#…"): a table of contents, a back-link. */
  anchorChars: number;
  block: Element;
  /** 1–6 inside <h1>–<h6>, else 0. */
  heading: number;
  /**
   * Inside a <figure> or <figcaption>: a caption, kept where it stands (Readability and trafilatura keep captions)
   * but never prose: a gallery's captions must not vote for the container nor make a page an article.
   */
  caption?: boolean;
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'frame', 'object', 'embed', 'video', 'audio',
  'select', 'button', 'input', 'textarea', 'form', 'nav', 'footer', 'aside', 'header',
  'menu', 'dialog', 'math', 'head', 'link', 'meta', 'picture', 'img', 'map',
  'amp-ad', 'amp-sidebar', 'amp-analytics', 'amp-sticky-ad', 'amp-social-share', 'amp-iframe', 'amp-video', 'amp-img',
]);
/**
 * Skipped elements that sit inside a line of text rather than between blocks: a <style> or <link> that a wiki puts
 * in each citation, an emoji <img>, an inline icon. Skipping one does not end the paragraph around it.
 */
const INLINE_SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'img', 'picture', 'svg', 'math', 'button', 'input',
  'select', 'textarea', 'map', 'amp-img',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'pre', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'address', 'center', 'br', 'hr', 'body',
  'figure', 'figcaption',
]);
const SKIP_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
  'toolbar', 'tablist', 'form',
]);
/** Never article text, whatever else the class says. */
const STRONG_NEGATIVE = /comment|disqus|related|read-?also|readalso|also-?read|sharing|share-|-share|social|outbrain|taboola|newsletter|breadcrumb|most-?read|most-?popular|most-?viewed|advert|sponsor|cookie|popup|modal|subscribe|recommend|more-?news|more-?stories|newsticker|ticker/;
/** Usually chrome, unless the same element also says it is the content. */
const WEAK_NEGATIVE = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'header', 'sidebar', 'side', 'widget', 'widgets', 'banner', 'promo',
  'toolbar', 'pagination', 'pager', 'breaking', 'hidden', 'caption', 'byline', 'share', 'tags', 'keywords', 'ad',
  'ads', 'adv', 'masthead', 'topbar', 'latest', 'trending', 'teaser', 'teasers', 'meta', 'author', 'print', 'sr',
  'visually', 'skip', 'logo', 'search', 'login', 'signup', 'video', 'player', 'gallery', 'slider', 'carousel',
]);
const POSITIVE = new Set(['article', 'content', 'story', 'body', 'main', 'entry', 'post', 'text', 'detail', 'details']);

/**
 * `keepPath`: the title heading and its ancestors, which no class-name guess may drop. `lenient`: the second read
 * of a page the first one found no article on; only the tag, role, hidden state and a never-article class
 * (comments, related, share…) drop a subtree, not ids nor the usually-chrome words ("widget", "sidebar", "meta").
 * GUESS: dropped on such a guess, which the lenient read would keep.
 */
type Skip = typeof KEEP | typeof SKIP | typeof GUESS;
const KEEP = 0;
const SKIP = 1;
const GUESS = 2;

/**
 * An id that names a component ("sidebar", "ad-portal"), or null for one that is a heading's slug: documentation
 * and wikis give every section the id of its title ("sharing-with-a-single-developer"), which says nothing of what
 * the section is. A slug is told by its length in words (four or more).
 */
function componentId(id: string | null): string | null {
  if (!id) return null;
  let words = 1;
  for (let i = 0; i < id.length && words < 4; i++) if (id[i] === '-' || id[i] === '_') words++;
  return words >= 4 ? null : id;
}

function skipElement(el: Element, name: string, keepPath: Set<Element> | null, lenient: boolean): Skip {
  // A <header> holding the headline is the story's own (headline, standfirst, byline), not the site's masthead.
  if (SKIP_TAGS.has(name) && !(name === 'header' && keepPath && keepPath.has(el))) return SKIP;
  // Most elements of a page carry no attribute at all: one DOM call instead of six for them.
  if (!el.hasAttributes()) return KEEP;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return SKIP;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.toLowerCase())) return SKIP;
  // Positive evidence outweighs class-name guesses: the page says this is its main content or the article's body
  // ("main[role=main].commented", "div[itemprop=articleBody].gigya-share-btns").
  if (name === 'main' || name === 'article' || role === 'main' || role === 'article') return KEEP;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /articlebody|\btext\b/i.test(itemprop)) return KEEP;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return SKIP;
  // A link's class says how the link looks ("a.popup" opening a gloss), not that its text is not the story's: a
  // share or related box is the block around its links, judged as a block. Readability never drops an <a> either.
  if (name === 'a') return KEEP;
  const cls = el.getAttribute('class');
  const id = lenient ? null : componentId(el.getAttribute('id'));
  if (!cls && !id) return KEEP;
  // The title's position outweighs a class-name guess: what holds the headline is not a sidebar or a share bar
  // ("div.panel-two-col-sidebar-right", "#ad-portal", "div.site_header" wrapping the whole page).
  if (keepPath && keepPath.has(el)) return KEEP;
  const names = ((cls || '') + ' ' + (id || '')).slice(0, 300).toLowerCase();
  if (STRONG_NEGATIVE.test(names)) return lenient || (cls && STRONG_NEGATIVE.test(cls.toLowerCase())) ? SKIP : GUESS;
  // A figure's class describes the figure ("figure.caption", "figcaption.media-caption", "figure.video"): its
  // caption is read as one (see Para.caption), not dropped for being a caption.
  if (lenient || name === 'figure' || name === 'figcaption') return KEEP;
  const parts = names.split(/[\s_-]+/);
  let negative = false;
  for (let i = 0; i < parts.length; i++) {
    if (POSITIVE.has(parts[i])) return KEEP;
    if (WEAK_NEGATIVE.has(parts[i])) negative = true;
  }
  return negative ? GUESS : KEEP;
}

/** A link to a place on the same page ("#section-2"), not to another page. */
function isAnchorLink(a: Element): boolean {
  const href = a.getAttribute('href');
  return href !== null && href.length > 1 && href[0] === '#';
}

/** A wall-clock limit for the walk: checked every 128 nodes, or sooner when the nodes carry long text. */
export interface Deadline {
  at: number;
  now: () => number;
}

/**
 * Cut the subtree under `root` into paragraphs, in document order, within the node, character and paragraph
 * budgets, and before `deadline` when one is given (the content script gives one; tests do not, to stay exact).
 */
export function walkParagraphs(
  root: Element,
  deadline?: Deadline,
  maxNodes = MAX_NODES,
  keep: Element | null = null,
  lenient = false,
): { paras: Para[]; truncated: boolean; guessed: number } {
  const paras: Para[] = [];
  // A set of the title's ancestors, built once: a contains() per classed element would cost the DOM's depth each.
  let keepPath: Set<Element> | null = null;
  if (keep) {
    keepPath = new Set();
    for (let a: Element | null = keep; a && keepPath.size < 10_000; a = a.parentElement) keepPath.add(a);
  }
  const blocks: Element[] = [root];
  let buf: string[] = [];
  let bufChars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  let anchorDepth = 0;
  let figureDepth = 0;
  let anchorChars = 0;
  let heading = 0;
  let nodes = 0;
  let chars = 0;
  let truncated = false;
  /** Subtrees dropped on a guess the lenient read would not make: without any, a lenient read finds the same. */
  let guessed = 0;

  const flush = () => {
    if (bufChars === 0) return;
    const text = cleanLine(buf.join(''), PARA_CHARS);
    if (text.length > 0) {
      const links = Math.min(linkChars, text.length);
      const para: Para = { text, linkChars: links, anchorChars: Math.min(anchorChars, links), block: blocks[blocks.length - 1], heading };
      if (figureDepth > 0) para.caption = true;
      paras.push(para);
    }
    buf = [];
    bufChars = 0;
    linkChars = 0;
    anchorChars = 0;
  };
  const enter = (el: Element, name: string) => {
    if (BLOCK_TAGS.has(name)) {
      if (name === 'figure' || name === 'figcaption') figureDepth++;
      flush();
      blocks.push(el);
      if (name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') heading = +name[1];
    } else if (name === 'a') {
      linkDepth++;
      if (isAnchorLink(el)) anchorDepth++;
    }
  };
  const exit = (el: Element) => {
    const name = el.localName;
    if (BLOCK_TAGS.has(name)) {
      flush();
      if ((name === 'figure' || name === 'figcaption') && figureDepth > 0) figureDepth--;
      if (blocks.length > 1) blocks.pop();
      if (heading && name.length === 2 && name[0] === 'h') heading = 0;
    } else if (name === 'a' && linkDepth > 0) {
      linkDepth--;
      if (anchorDepth > 0 && isAnchorLink(el)) anchorDepth--;
    }
  };

  // Work done since the start, in node visits plus one per 256 characters read; the deadline is looked at every
  // 128 units, so a page of a few huge text nodes is checked as often as a page of many small ones. Not 512: cold
  // (interpreted) code visits ~3 µs per node in Chromium, so 512 units could overrun the deadline by 1.5 ms.
  let work = 0;
  let nextCheck = CHECK_EVERY;
  let n: Node | null = root.firstChild;
  let skip: Skip = KEEP;
  while (n) {
    if (++nodes > maxNodes || chars > MAX_CHARS || paras.length >= MAX_PARAS) {
      truncated = true;
      break;
    }
    if (++work >= nextCheck) {
      nextCheck = work + CHECK_EVERY;
      if (deadline && deadline.now() > deadline.at) {
        truncated = true;
        break;
      }
    }
    let descend = false;
    if (n.nodeType === 3) {
      // Only what the paragraph can still keep is copied out of the DOM (substringData, not .data, which would copy
      // a 10 MB text node whole); the character budget counts the whole node all the same. One DOM call for a
      // node read whole, two for a node longer than what was taken.
      const room = Math.min(MAX_NODE_CHARS, PARA_BUF_CHARS - bufChars);
      const data = room > 0 ? (n as Text).substringData(0, room) : '';
      const length = data.length < room ? data.length : Math.min((n as Text).length, MAX_NODE_CHARS);
      if (data.length > 0) {
        buf.push(data);
        bufChars += data.length;
        if (linkDepth > 0) {
          const t = data.trim().length;
          linkChars += t;
          if (anchorDepth > 0) anchorChars += t;
        }
        work += data.length >> 8;
      }
      chars += length;
    } else if (n.nodeType === 1) {
      const el = n as Element;
      const name = el.localName || '';
      if (name === 'br' || name === 'hr') flush();
      else if ((skip = skipElement(el, name, keepPath, lenient)) !== KEEP) {
        if (skip === GUESS) guessed++;
        if (BLOCK_TAGS.has(name) || (SKIP_TAGS.has(name) && !INLINE_SKIP_TAGS.has(name))) flush();
      } else if (el.firstChild) {
        enter(el, name);
        descend = true;
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== root && n.nodeType === 1) exit(n as Element);
    }
    if (!n || n === root) break;
    n = n.nextSibling;
  }
  flush();
  return { paras, truncated, guessed };
}

/** The visible text of a small element (a heading, a date line), reading at most `maxNodes` nodes of it. */
export function boundedText(el: Element, maxNodes = 300, maxChars = 2000): string {
  const { paras } = walkParagraphs(el, undefined, maxNodes);
  let out = '';
  for (let i = 0; i < paras.length && out.length < maxChars; i++) out += (out ? ' ' : '') + paras[i].text;
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}

/** A <script>'s text without copying a huge one: the single text child's data is read as it is. */
export function scriptText(el: Element, maxChars: number): string {
  const first = el.firstChild;
  const t = first && first.nodeType === 3 && !first.nextSibling ? (first as Text).data : el.textContent || '';
  return t.length > maxChars ? t.slice(0, maxChars) : t;
}

export function isProse(p: Para): boolean {
  return p.heading === 0 && !p.caption && p.text.length - p.linkChars >= PROSE_CHARS && p.linkChars <= p.text.length * 0.35;
}

/** Prose held by an element: characters and number of prose paragraphs. */
export interface Held {
  chars: number;
  paras: number;
}

/** Prose held by each ancestor (up to MAX_CLIMB levels) of every prose paragraph. */
export function scoreAncestors(paras: Para[], root: Element): Map<Element, Held> {
  const score = new Map<Element, Held>();
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!isProse(p)) continue;
    const weight = p.text.length - p.linkChars;
    let el: Element | null = p.block;
    for (let level = 0; el && level < MAX_CLIMB; level++) {
      const held = score.get(el);
      if (held) {
        held.chars += weight;
        held.paras++;
      } else score.set(el, { chars: weight, paras: 1 });
      if (el === root) break;
      el = el.parentElement;
    }
  }
  return score;
}

export function heldChars(score: Map<Element, Held>, el: Element): number {
  const held = score.get(el);
  return held ? held.chars : 0;
}

/**
 * The deepest element inside `scope` holding at least 80% of the prose under `scope`, and at least two prose
 * paragraphs when the scope has two (one long paragraph must not stand for the article).
 */
export function pickContainer(score: Map<Element, Held>, scope: Element): Element {
  const total = score.get(scope);
  if (!total) return scope;
  const minParas = Math.min(2, total.paras);
  let best = scope;
  let bestChars = total.chars;
  for (const [el, held] of score) {
    if (held.chars < total.chars * 0.8 || held.paras < minParas || el === best || !scope.contains(el)) continue;
    // A tie goes to the deeper element: a wrapper holding exactly the same prose also holds the sidebar's headings.
    if (held.chars < bestChars || (held.chars === bestChars && best.contains(el))) {
      best = el;
      bestChars = held.chars;
    }
  }
  return best;
}

/** A lead is one paragraph of at least this many characters: shorter lines there are bylines, dates, badges. */
const LEAD_CHARS = 80;

/**
 * The lead: the first prose paragraph of LEAD_CHARS or more after the title heading and before the container, in
 * their lowest common ancestor (an RT-style "div.article__summary" above "div.article__text", a standfirst); none
 * when the container holds the title.
 */
export function leadParas(paras: Para[], container: Element, titleHeading: Element | null): Set<Para> | null {
  if (!titleHeading || container.contains(titleHeading)) return null;
  let story: Element | null = container.parentElement;
  for (let level = 0; story && !story.contains(titleHeading); level++) story = level < 12 ? story.parentElement : null;
  if (!story) return null;
  const lead = new Set<Para>();
  let afterTitle = false;
  for (let i = 0; i < paras.length && lead.size === 0; i++) {
    const p = paras[i];
    if (p.block === titleHeading || titleHeading.contains(p.block)) afterTitle = true;
    else if (container.contains(p.block)) break;
    else if (afterTitle && story.contains(p.block) && isProse(p) && p.text.length >= LEAD_CHARS) lead.add(p);
  }
  return lead.size ? lead : null;
}

/**
 * Blocks that may hold a sentence with links in it: a paragraph, a list item, a table cell (a wiki's table of films
 * describes each in a sentence dense with links), a definition.
 */
const SENTENCE_BLOCKS = new Set(['p', 'li', 'td', 'dd']);
/** A linked list item of this many words or more may be a sentence of the story (see mainText). */
const LIST_SENTENCE_WORDS = 6;
const MAX_PENDING = 200;

function wordCount(t: string): number {
  let n = 1;
  for (let i = 0; i < t.length && n < LIST_SENTENCE_WORDS; i++) if (t.charCodeAt(i) === 32) n++;
  return n;
}

/**
 * A control, not an item of a list: a link line of one or two short words ("Next", "Learn more", "اقرأ المزيد",
 * "下一页"), a button written as a link. A listing's items are headlines, longer than that; a CJK character counts
 * as two, so a Chinese headline, written without spaces, is not taken for one.
 */
export function isControlLine(t: string): boolean {
  if (t.length + cjkCount(t) > 20) return false;
  let spaces = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 32 && ++spaces > 1) return false;
  return true;
}

/** The table row a cell (<td>, <th>) is in, or null for any other block. */
function rowOf(block: Element): Element | null {
  const name = block.localName;
  if (name !== 'td' && name !== 'th') return null;
  const row = block.parentElement;
  return row && row.localName === 'tr' ? row : null;
}


/** The list (<ul>, <ol>) a list item is in, or null for any other block. */
function listOf(block: Element): Element | null {
  if (block.localName !== 'li') return null;
  const list = block.parentElement;
  return list && (list.localName === 'ul' || list.localName === 'ol') ? list : null;
}

/**
 * The groups of `container` (table rows by rowOf, lists by listOf) with a member of prose. A table row is one
 * record, so its cells that are links (a film's title, a person's name) belong with the description beside them; a
 * list mixing sentences and links is the story's own notes (a changelog's "Bug 123 – Fix …" items beside its prose
 * items), so its linked items are kept with the rest. A list of links beside the story (related stories, an
 * unlabelled "read also") has no item of prose.
 */
function groupsWithProse(paras: Para[], container: Element, groupOf: (block: Element) => Element | null): Set<Element> {
  const groups = new Set<Element>();
  for (let i = 0; i < paras.length; i++) {
    const group = groupOf(paras[i].block);
    if (group && isProse(paras[i]) && container.contains(group)) groups.add(group);
  }
  return groups;
}

export interface MainText {
  text: string;
  /** Prose paragraphs kept. */
  proseCount: number;
  proseChars: number;
  /** Headings (h2–h4) and link-heavy lines seen in the container: many of them means a listing. */
  headingCount: number;
  linkLines: number;
  /** Short lines of the container carrying a date ("تاريخ النشر: …"). */
  dateLines: string[];
}

/**
 * The article text of `container`: its paragraphs minus the title heading, link lists, "read also" labels,
 * boilerplate and date lines; stops at a second story (another <h1> linking elsewhere, or a "read also" label followed
 * by a heading). `lead`: paragraphs outside the container that belong to the story (the lead, sibling parts).
 */
export function mainText(
  paras: Para[],
  container: Element,
  titleHeading: Element | null,
  maxChars: number,
  lead: Set<Para> | null = null,
): MainText {
  const out: string[] = [];
  let chars = 0;
  let proseCount = 0;
  let proseChars = 0;
  let headingCount = 0;
  let linkLines = 0;
  let afterReadAlso = false;
  /** The rank of the "See also"-style section heading that opened the page's appendix, 0 before one. */
  let appendixLevel = 0;
  const dateLines: string[] = [];
  /** Linked list items and paragraphs waiting for the prose that would make them part of the story. */
  const pending: string[] = [];
  /** Where in `out` the captions since the last prose paragraph are. */
  const captionsSinceProse: number[] = [];
  const rows = groupsWithProse(paras, container, rowOf);
  const lists = groupsWithProse(paras, container, listOf);
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!container.contains(p.block) && !(lead && lead.has(p))) continue;
    if (titleHeading && (p.block === titleHeading || titleHeading.contains(p.block))) continue;
    const t = p.text;
    // A second <h1> that links elsewhere is the next story's headline; a plain one is a section of this story
    // (documentation and book chapters give each section an <h1>: google-sre-book-1 lost all but its first lines).
    if (p.heading === 1 && proseCount > 0 && p.linkChars > t.length * 0.5) break;
    if (p.heading >= 2 && p.heading <= 4) headingCount++;
    // "إقرأ أيضاً:" then the next story's headline ends the story. When the label is itself a section heading after
    // the story's prose (a wiki's "See also" <h2>), what follows is the page's appendix: a heading of the same rank
    // is its next section ("References"), and its lists of links say nothing of whether the page is a listing.
    if (p.heading && p.heading <= 2 && afterReadAlso && proseCount > 0 && !(appendixLevel > 0 && p.heading <= appendixLevel)) break;
    if (t.length < 200 && READ_ALSO.test(t)) {
      afterReadAlso = true;
      if (p.heading && proseCount > 0 && appendixLevel === 0) appendixLevel = p.heading;
      continue;
    }
    // A caption between paragraphs of the story is the story's (an image it explains, a step of a how-to); the lead
    // image's caption above the text, and captions after its end (a gallery, the next story's picture), are not.
    // Kept in its place; taken out again at the end when no prose came after it.
    if (p.caption) {
      if (proseCount > 0 && chars + t.length <= maxChars) {
        captionsSinceProse.push(out.length);
        out.push(t);
        chars += t.length + 1;
      }
      continue;
    }
    const row = rows.size > 0 && p.heading === 0 ? rowOf(p.block) : null;
    // A section heading that links back to the table of contents (docutils, Sphinx: "h2 > a[href=#toc-entry]") is
    // the section's title, not a link to elsewhere.
    const ownHeading = p.heading > 0 && p.linkChars - p.anchorChars <= t.length * 0.5;
    const list = lists.size > 0 && p.heading === 0 ? listOf(p.block) : null;
    const inProseList = list !== null && lists.has(list) && p.linkChars > t.length * 0.5;
    // Kept, but still a link line for the listing shape: a feed may put a summary item in each of its lists.
    if (inProseList && appendixLevel === 0 && !isControlLine(t)) linkLines++;
    if (p.linkChars > t.length * 0.5 && !(row && rows.has(row)) && !inProseList && !ownHeading) {
      // Buttons written as links ("Learn more" after each section of a product tour) say nothing of a listing.
      if (appendixLevel === 0 && !isControlLine(t)) linkLines++;
      // A list item or a paragraph that is a sentence with links in it ("Thanks to X, users can now import…", a
      // sentence glossed by a link) is the story's when more prose follows it; a list of links at the story's end,
      // or under a "read also" label, is not, nor is a line that is one link (a headline: "اقرأ أيضا" lists often
      // come unlabelled).
      const sentenceBlock = SENTENCE_BLOCKS.has(p.block.localName);
      if (
        p.heading === 0 && sentenceBlock && !afterReadAlso && proseCount > 0 &&
        p.linkChars <= t.length * 0.85 && wordCount(t) >= LIST_SENTENCE_WORDS
      ) {
        // In the appendix's later sections (a wiki's "References" after "See also") no more prose will follow: a
        // citation is a sentence with links, kept where it stands.
        if (appendixLevel > 0) {
          if (chars + t.length > maxChars) break;
          out.push(t);
          chars += t.length + 1;
        } else if (pending.length < MAX_PENDING) pending.push(t);
      } else pending.length = 0;
      continue;
    }
    if ((t.length < 120 && DATE_LINE.test(t)) || (t.length < 50 && parseDateText(t) !== null)) {
      if (dateLines.length < 5) dateLines.push(t);
      continue;
    }
    if (t.length < 300 && BOILERPLATE.test(t)) continue;
    if (t.length < 80 && BYLINE.test(t)) continue;
    afterReadAlso = false;
    if (isProse(p)) {
      for (let j = 0; j < pending.length && chars + pending[j].length <= maxChars; j++) {
        out.push(pending[j]);
        chars += pending[j].length + 1;
      }
      pending.length = 0;
      captionsSinceProse.length = 0;
      proseCount++;
      // A CJK character counts as two: a Chinese paragraph says in 100 characters what English says in 200+.
      proseChars += t.length - p.linkChars + cjkCount(t);
    }
    if (chars + t.length > maxChars) {
      out.push(t.slice(0, Math.max(0, maxChars - chars)));
      break;
    }
    out.push(t);
    chars += t.length + 1;
  }
  for (let i = captionsSinceProse.length - 1; i >= 0; i--) out.splice(captionsSinceProse[i], 1);
  return { text: out.join('\n'), proseCount, proseChars, headingCount, linkLines, dateLines };
}
