/**
 * The collections list follows a running import through the background's change notifications: the progress bar
 * moves with each chunk without asking the background, and the list is asked again once, when the import ends,
 * so a finished or failed import shows at once. No timer asks in between (setInterval is faked and run on).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { installDom, settle } from '../ui/test-dom';
import { createI18n } from '../i18n';
import { createMemoryClient } from '../ui/client-memory';
import { UiContext } from '../ui/context';
import { DEFAULT_SETTINGS } from '../settings';

// settings.ts and the library's stores import the polyfill, which refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

let document: Document;
beforeAll(() => {
  document = installDom();
  // The section listens for "Forget everything" on the page's global.
  const g = globalThis as Record<string, unknown>;
  g.addEventListener ??= () => {};
  g.removeEventListener ??= () => {};
});
afterEach(() => void vi.useRealTimers());

async function until(what: string, ok: () => boolean) {
  for (let waited = 0; waited < 3000 && !ok(); waited += 20) await settle(20);
  expect(ok(), what).toBe(true);
}

describe('the collections list during an import', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`moves with the background's progress and shows the end at once, without asking meanwhile (${language})`, async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const { CollectionsSection } = await import('./CollectionsSection');
      const client = createMemoryClient({ library: true });
      const i18n = createI18n({ language, digits: 'latn' });
      const root = document.createElement('div');
      document.body.append(root);
      render(
        <UiContext.Provider value={{ client, i18n, settings: { ...DEFAULT_SETTINGS, language }, updateSettings: async () => {} }}>
          <CollectionsSection />
        </UiContext.Provider>,
        root,
      );
      const item = (id: number) => root.querySelector(`[data-role="collection"][data-id="${id}"]`);
      await until('the list', () => item(2)?.getAttribute('data-state') === 'importing');
      expect(client.collectionsAsked()).toBe(1);

      client.importProgress(2, 1_800, 2_000_000);
      await until('the bar moved', () => item(2)?.querySelector('progress')?.getAttribute('value') === '2000000');
      vi.advanceTimersByTime(10_000);
      await settle(40);
      expect(client.collectionsAsked(), 'no request while the import runs').toBe(1);

      client.importEnded(2);
      await until('ready at once', () => item(2)?.getAttribute('data-state') === 'ready');
      expect(client.collectionsAsked()).toBe(2);
      expect(root.querySelector('[data-role="collections-note"]')?.textContent).toContain('Nile water talks');

      // An import started elsewhere (another settings page) is listed when its progress is first heard of, and
      // its failure shows with its reason.
      const id = await client.addCollection!(new File(['{}'], 'desk.jsonl'));
      client.importProgress(id, 0, 10);
      await until('the new import listed', () => item(id)?.getAttribute('data-state') === 'importing');
      client.importEnded(id, 'the file has no article');
      await until('failed at once', () => item(id)?.getAttribute('data-state') === 'failed');
      expect(item(id)?.querySelector('[data-role="collection-error"]')?.textContent).toContain('the file has no article');
      render(null, root);
    });
  }
});
