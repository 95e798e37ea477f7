/**
 * Arrow-key movement through a list of results, as one pure function (tested without a DOM) and a handler
 * that applies it. The search box sits "above" the first item: ArrowDown from it enters the list, ArrowUp from
 * the first item returns to it.
 */

export type NavTarget = number | 'search' | null;

/** Where focus goes from item `index` (-1 = the search box) on `key`, in a list of `count` items. */
export function nextNavTarget(index: number, key: string, count: number): NavTarget {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return index <= 0 ? 'search' : index - 1;
    case 'Home':
      return index < 0 ? null : 0;
    case 'End':
      return index < 0 ? null : count - 1;
    case 'PageDown':
      return index < 0 ? null : Math.min(index + 5, count - 1);
    case 'PageUp':
      return index < 0 ? null : Math.max(index - 5, 0);
    default:
      return null;
  }
}

export const NAV_ITEM = 'data-nav-item';

/**
 * Handles a keydown anywhere in `root` (the page): moves focus between elements marked `data-nav-item` and the
 * element marked `data-nav-search`. Returns true when it moved focus.
 */
export function handleListKey(event: KeyboardEvent, root: ParentNode): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  const search = root.querySelector<HTMLElement>('[data-nav-search]');
  const active = (event.target as HTMLElement | null) ?? null;
  // "/" jumps to the search box from anywhere but a text field, as on many sites.
  if (event.key === '/' && search && !isTextField(active)) {
    event.preventDefault();
    search.focus();
    return true;
  }
  if (event.shiftKey) return false;
  const items = Array.from(root.querySelectorAll<HTMLElement>(`[${NAV_ITEM}]`));
  let index = items.findIndex((item) => item === active);
  if (index < 0) {
    if (active !== search) return false;
    // Home/End/PageUp/PageDown keep their text-editing meaning inside the search box.
    if (event.key !== 'ArrowDown') return false;
  }
  const target = nextNavTarget(index, event.key, items.length);
  if (target === null) return false;
  event.preventDefault();
  if (target === 'search') search?.focus();
  else {
    items[target].focus();
    items[target].scrollIntoView({ block: 'nearest' });
  }
  return true;
}

function isTextField(el: HTMLElement | null): boolean {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}
