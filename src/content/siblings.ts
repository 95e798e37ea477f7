/**
 * The parts of a story that lie beside its container rather than inside it.
 *
 * The container (body-text.ts pickContainer) is the deepest element holding 80% of the story's prose, so a story
 * whose prose is split between sibling blocks loses the smaller ones: the opening in "div.story-body-1" before
 * "div.story-body-2", the tail in a second "div.section-inner", the first paragraphs left as bare <p>s before a
 * "read more" wrapper. Readability keeps such siblings too (its _grabArticle sibling pass). A sibling is kept on
 * positive evidence only: it is the same kind of block as the container (same tag and a class word in common), or
 * it is itself a paragraph of prose. A sidebar or a "related" box beside the story is neither.
 */
import { isProse, type Held, type Para } from './body-text';

/** Class words of an element, at most 300 characters of its class attribute read. */
function classWords(el: Element): string[] {
  const cls = (el.getAttribute('class') || '').slice(0, 300).trim();
  return cls ? cls.split(/\s+/) : [];
}

/** Same tag and at least one class word in common ("story-body story-body-1" beside "story-body story-body-2"). */
export function sameKind(a: Element, b: Element): boolean {
  if (a.localName !== b.localName) return false;
  const words = classWords(a);
  if (words.length === 0) return false;
  const other = classWords(b);
  for (let i = 0; i < words.length; i++) if (other.indexOf(words[i]) >= 0) return true;
  return false;
}

/** At most this many children of the container's parent are looked at (a parent of 10,000 cards is not a story). */
const MAX_SIBLINGS = 200;

/** Levels climbed from a paragraph to the sibling holding it (a 100,000-deep page is not climbed whole). */
const MAX_DEPTH = 64;
/** Levels climbed from the container while its parent holds no prose of its own. */
const MAX_LEVELS = 3;

/** The children of `anchor`'s parent that continue the story: blocks of `anchor`'s kind, bare <p>s, with prose. */
function continuations(anchor: Element, parent: Element, score: Map<Element, Held>): Set<Element> {
  const kept = new Set<Element>();
  let n = 0;
  for (let s = parent.firstElementChild; s && n < MAX_SIBLINGS; s = s.nextElementSibling, n++) {
    if (s === anchor || !score.has(s)) continue;
    if (sameKind(s, anchor) || s.localName === 'p') kept.add(s);
  }
  return kept;
}

/**
 * The prose paragraphs in siblings of `container` that continue its story: blocks of the container's own kind
 * holding prose, and bare prose paragraphs (<p>) beside it. When the container is the only prose of its parent
 * ("div.story-body-supplemental > div.story-body-2"), the same is asked of the parent, up to MAX_LEVELS up.
 * None when the container is the scope itself.
 */
export function siblingParas(paras: Para[], container: Element, score: Map<Element, Held>, scope: Element): Set<Para> | null {
  let anchor = container;
  let parent = container.parentElement;
  let kept: Set<Element> | null = null;
  for (let level = 0; level < MAX_LEVELS && parent && anchor !== scope && scope.contains(parent); level++) {
    kept = continuations(anchor, parent, score);
    if (kept.size > 0) break;
    kept = null;
    const own = score.get(anchor);
    const up = score.get(parent);
    if (!own || !up || up.chars !== own.chars) break;
    anchor = parent;
    parent = parent.parentElement;
  }
  if (!kept || !parent) return null;
  const out = new Set<Para>();
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!parent.contains(p.block)) continue;
    // The paragraph's ancestor among the parent's children, within MAX_DEPTH levels.
    let el: Element | null = p.block;
    for (let level = 0; el && el.parentElement !== parent; level++) el = level < MAX_DEPTH && el !== parent ? el.parentElement : null;
    if (!el || !kept.has(el)) continue;
    // A bare <p> sibling counts only as prose; a same-kind block brings all its lines (mainText filters them).
    if (el.localName === 'p' && !isProse(p)) continue;
    out.add(p);
  }
  return out.size ? out : null;
}
