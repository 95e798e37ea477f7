import { describe, expect, it, vi } from 'vitest';

// settings.ts reads browser.storage.sync by default; these tests pass their own storage area.
vi.mock('webextension-polyfill', () => ({ default: { storage: { onChanged: { addListener() {}, removeListener() {} } } } }));

const {
  DEFAULT_SETTINGS,
  confidenceLevel,
  isSilentSite,
  loadSettings,
  normalizeHost,
  resetSettings,
  saveSettings,
  validateSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
} = await import('./settings');

function memoryArea(initial: Record<string, unknown> = {}) {
  const store: Record<string, unknown> = { ...initial };
  return {
    store,
    get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(store, items),
    remove: async (key: string) => void delete store[key],
  };
}

describe('validateSettings', () => {
  it('gives the defaults for nothing, garbage or the wrong types', () => {
    for (const raw of [undefined, null, 42, 'x', [], { resultCount: 'ten', theme: 'purple', badge: 'yes', language: 'fr', digits: 1 }]) {
      expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });
  it('clamps numbers and rounds the result count', () => {
    expect(validateSettings({ resultCount: 0 }).resultCount).toBe(1);
    expect(validateSettings({ resultCount: 1e9 }).resultCount).toBe(20);
    expect(validateSettings({ resultCount: 7.6 }).resultCount).toBe(8);
    expect(validateSettings({ resultCount: Number.NaN }).resultCount).toBe(DEFAULT_SETTINGS.resultCount);
    expect(validateSettings({ minConfidence: -3 }).minConfidence).toBe(0);
    expect(validateSettings({ minConfidence: 7 }).minConfidence).toBe(1);
  });
  it('keeps valid choices', () => {
    const s = validateSettings({ language: 'ar', digits: 'arab', theme: 'dark', badge: false, resultCount: 12, minConfidence: 0.7 });
    expect(s).toMatchObject({ language: 'ar', digits: 'arab', theme: 'dark', badge: false, resultCount: 12, minConfidence: 0.7 });
  });
  it('cleans the silent site list: hosts only, deduplicated, bounded', () => {
    const s = validateSettings({ silentSites: ['https://www.BBC.com/arabic', 'bbc.com', 42, 'not a host!', '*.example.org', 'x'.repeat(5000)] });
    expect(s.silentSites).toEqual(['bbc.com', 'example.org']);
    const many = validateSettings({ silentSites: Array.from({ length: 500 }, (_, i) => `site${i}.com`) });
    expect(many.silentSites).toHaveLength(200);
  });
});

describe('silent sites', () => {
  it('normalises what users type or paste', () => {
    expect(normalizeHost(' HTTPS://www.Example.com:8080/path?q#x ')).toBe('example.com');
    expect(normalizeHost('news.example.co.uk.')).toBe('news.example.co.uk');
    expect(normalizeHost('مثال.مصر')).toBe('xn--mgbh0fb.xn--wgbh1c');
    expect(normalizeHost('hello world')).toBeNull();
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost('javascript:alert(1)')).toBeNull();
  });
  it('silences a site and its subdomains, not look-alikes', () => {
    const s = { silentSites: ['example.com'] };
    expect(isSilentSite(s, 'https://example.com/a')).toBe(true);
    expect(isSilentSite(s, 'https://news.example.com/a')).toBe(true);
    expect(isSilentSite(s, 'https://notexample.com/a')).toBe(false);
    expect(isSilentSite(s, 'not a url')).toBe(false);
  });
  it('maps a stored confidence to the nearest level', () => {
    expect(confidenceLevel(0.31)).toBe('low');
    expect(confidenceLevel(0.55)).toBe('medium');
    expect(confidenceLevel(0.95)).toBe('high');
  });
});

describe('storage', () => {
  it('loads defaults when nothing is stored, and what was saved otherwise', async () => {
    const area = memoryArea();
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark', silentSites: ['https://www.example.com/'] }, area);
    expect(area.store[SETTINGS_KEY]).toMatchObject({ theme: 'dark', silentSites: ['example.com'] });
    expect(await loadSettings(area)).toMatchObject({ theme: 'dark', silentSites: ['example.com'] });
  });
  it('validates what it loads, and survives a failing storage', async () => {
    expect((await loadSettings(memoryArea({ [SETTINGS_KEY]: { resultCount: -5, theme: 9 } }))).resultCount).toBe(1);
    const broken = { get: async () => Promise.reject(new Error('boom')), set: async () => {}, remove: async () => {} };
    expect(await loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
  });
  it('resets to defaults', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { theme: 'dark' } });
    expect(await resetSettings(area)).toEqual(DEFAULT_SETTINGS);
    expect(area.store).toEqual({});
  });
});

describe('settings version 2: remember what I read', () => {
  // What version 1 (no version field, no rememberReads) stored, field for field.
  const version1 = { resultCount: 12, minConfidence: 0.7, silentSites: ['bbc.com'], language: 'ar', digits: 'arab', badge: false, theme: 'dark' };

  it('migrates a version-1 object: every field kept, remembering not yet asked (so off)', () => {
    expect(validateSettings(version1)).toEqual({ ...version1, rememberReads: 'unasked', version: SETTINGS_VERSION });
    expect(SETTINGS_VERSION).toBe(2);
  });

  it('keeps the answer once given, and refuses anything else', () => {
    expect(validateSettings({ ...version1, version: 2, rememberReads: 'on' }).rememberReads).toBe('on');
    expect(validateSettings({ ...version1, version: 2, rememberReads: 'off' }).rememberReads).toBe('off');
    expect(validateSettings({ rememberReads: true }).rememberReads).toBe('unasked');
    expect(DEFAULT_SETTINGS.rememberReads).toBe('unasked');
  });
});
