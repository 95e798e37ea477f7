import { describe, expect, it } from 'vitest';
import { nextNavTarget } from './list-nav';

describe('nextNavTarget', () => {
  it('enters the list from the search box and returns to it from the first item', () => {
    expect(nextNavTarget(-1, 'ArrowDown', 5)).toBe(0);
    expect(nextNavTarget(0, 'ArrowUp', 5)).toBe('search');
  });
  it('moves by one and stops at the ends', () => {
    expect(nextNavTarget(1, 'ArrowDown', 5)).toBe(2);
    expect(nextNavTarget(4, 'ArrowDown', 5)).toBe(4);
    expect(nextNavTarget(3, 'ArrowUp', 5)).toBe(2);
  });
  it('jumps with Home, End and the page keys, but not from the search box', () => {
    expect(nextNavTarget(2, 'Home', 5)).toBe(0);
    expect(nextNavTarget(2, 'End', 5)).toBe(4);
    expect(nextNavTarget(0, 'PageDown', 12)).toBe(5);
    expect(nextNavTarget(3, 'PageUp', 12)).toBe(0);
    expect(nextNavTarget(-1, 'Home', 5)).toBeNull();
  });
  it('ignores other keys and empty lists', () => {
    expect(nextNavTarget(1, 'a', 5)).toBeNull();
    expect(nextNavTarget(-1, 'ArrowDown', 0)).toBeNull();
  });
});
