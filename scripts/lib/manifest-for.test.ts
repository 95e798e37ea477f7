import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, pagesOf, withoutPages, withPages } from './manifest-for';

const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));

describe('manifestFor', () => {
  it('gives Chrome a side panel and Firefox a sidebar, each with its own background form', () => {
    const chrome = manifestFor(source, 'chrome');
    expect(chrome.side_panel.default_path).toBe('src/sidepanel/index.html');
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.background.service_worker).toBe('src/background/index.ts');
    const firefox = manifestFor(source, 'firefox');
    expect(firefox.sidebar_action.default_panel).toBe('src/sidepanel/index.html');
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
  });
});

describe('pages built apart from crxjs', () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    const full = manifestFor(source, browser);

    it(`${browser}: names the popup, the options page and the side panel`, () => {
      expect(pagesOf(full).sort()).toEqual(['src/options/index.html', 'src/popup/index.html', 'src/sidepanel/index.html']);
    });

    it(`${browser}: crxjs sees no page, and everything else unchanged`, () => {
      const stripped = withoutPages(full);
      expect(pagesOf(stripped)).toEqual([]);
      expect(stripped.action.default_title).toBe(full.action.default_title);
      expect(stripped.background).toEqual(full.background);
      expect(stripped.permissions).toEqual(full.permissions);
      expect(pagesOf(full)).toHaveLength(3); // the original is not modified
    });

    it(`${browser}: the pages come back into the manifest crxjs wrote, keeping what crxjs rewrote`, () => {
      const built = { ...withoutPages(full), background: { service_worker: 'service-worker-loader.js', type: 'module' } };
      const restored = withPages(built, full);
      expect(restored.background).toEqual(built.background);
      expect({ ...restored, background: full.background }).toEqual(full);
    });
  }
});
