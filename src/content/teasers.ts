/**
 * Lists of story teasers: items that each open with a headline linking to another page, followed by a summary
 * ("li > h3 > a" + "p"), three or more of them in one list. A feed or a "more stories" stream beside the article
 * looks so whatever its class names are (yahoo's "ul#Stream"), and its summaries are prose that would otherwise
 * vote for the container and be read as the story. A real article's list items do not open with a linked
 * headline, and the story's own headline (<h1>) never counts.
 */
import type { Para } from './body-text';

/** Items of one list that must be teasers before the list is judged a feed. */
const MIN_TEASERS = 3;
/** Levels climbed from a headline to its list item. */
const MAX_CLIMB = 6;

/** A headline (h2–h6) that is mostly a link: the title of another page. */
function isLinkedHeadline(p: Para): boolean {
  return p.heading >= 2 && p.linkChars >= p.text.length * 0.6;
}

/** The list item or card (<li>, <article>) holding `el`, within a few levels, or null. */
function itemOf(el: Element): Element | null {
  let a: Element | null = el;
  for (let level = 0; a && level < MAX_CLIMB; level++, a = a.parentElement) {
    if (a.localName === 'li' || a.localName === 'article') return a;
  }
  return null;
}

/** The paragraphs minus those inside teaser items of a list holding MIN_TEASERS or more of them. */
export function withoutTeasers(paras: Para[]): Para[] {
  // The item each linked headline opens (its first paragraph), counted per list.
  const items = new Set<Element>();
  const perList = new Map<Element, number>();
  const first = new Map<Element, Para>();
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const item = itemOf(p.block);
    if (!item) continue;
    if (!first.has(item)) first.set(item, p);
    if (first.get(item) !== p || !isLinkedHeadline(p) || !item.parentElement) continue;
    items.add(item);
    perList.set(item.parentElement, (perList.get(item.parentElement) || 0) + 1);
  }
  if (items.size < MIN_TEASERS) return paras;
  const feed = new Set<Element>();
  for (const item of items) if ((perList.get(item.parentElement as Element) || 0) >= MIN_TEASERS) feed.add(item);
  if (feed.size === 0) return paras;
  const out: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    const item = itemOf(paras[i].block);
    if (!item || !feed.has(item)) out.push(paras[i]);
  }
  return out;
}
