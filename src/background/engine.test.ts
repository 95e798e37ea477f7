import { describe, expect, test, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `chrome-extension://x/${path}` } } }));
const { storedLoadFailure } = await import('./engine');

describe('the stored result of the install-time index check', () => {
  test('keeps the fault, so a damaged package is told apart without reading its message', () => {
    expect(storedLoadFailure({ message: 'index file a.bin has 3 bytes: the package is corrupt', fault: 'corrupt' })).toEqual({
      message: 'index file a.bin has 3 bytes: the package is corrupt',
      fault: 'corrupt',
    });
    expect(storedLoadFailure({ message: 'meta.json is missing', fault: 'unreadable' })?.fault).toBe('unreadable');
  });

  test('reads the bare message older versions stored as an unreadable index, and ignores what is no record', () => {
    expect(storedLoadFailure('the package is corrupt')).toEqual({ message: 'the package is corrupt', fault: 'unreadable' });
    expect(storedLoadFailure(undefined)).toBeNull();
    expect(storedLoadFailure({ fault: 'corrupt' })).toBeNull();
    expect(storedLoadFailure({ message: 'x', fault: 'other' })?.fault).toBe('unreadable');
  });
});
