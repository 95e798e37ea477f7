/**
 * A restore refused as not a backup (no line of the file has a "sila" field) is said once, in the page's
 * language, and the page offers to add the very file it chose as a collection: one press stages it through the
 * collections' import and drops the refused restore.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { installDom, settle } from '../ui/test-dom';
import { createI18n } from '../i18n';
import { createMemoryClient } from '../ui/client-memory';
import { UiContext } from '../ui/context';
import type { SilaClient } from '../ui/client';
import type { RestoreInfo } from '../messages';
import { DEFAULT_SETTINGS } from '../settings';

vi.mock('webextension-polyfill', () => ({ default: {} }));

let document: Document;
beforeAll(() => {
  document = installDom();
});

async function until(what: string, ok: () => boolean) {
  for (let waited = 0; waited < 3000 && !ok(); waited += 20) await settle(20);
  expect(ok(), what).toBe(true);
}

/** A client whose background refuses every restore as `notBackup` says, and records what the page asks. */
function refusingClient(notBackup: boolean) {
  const asked = { added: [] as File[], cancelled: [] as number[] };
  let status: RestoreInfo | null = null;
  const client: SilaClient = {
    ...createMemoryClient({ library: true }),
    async restoreLibrary(file) {
      status = { id: 4, fileName: file.name, fileBytes: file.size, state: 'failed', bytesRead: 0, reads: 0, readsKnown: 0, articles: 0, articlesKnown: 0, collections: [], skipped: [], skippedTotal: 0, error: 'English words of the background', notBackup };
      return 4;
    },
    restoreStatus: async () => status,
    async cancelRestore(id) {
      asked.cancelled.push(id);
      status = null;
    },
    async addCollection(file) {
      asked.added.push(file);
      return 9;
    },
  };
  return { client, asked };
}

async function choose(root: HTMLElement, file: File) {
  const input = root.querySelector<HTMLInputElement>('[data-role="restore-file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function page(client: SilaClient, language: 'en' | 'ar') {
  const { RestoreBackup } = await import('./RestoreBackup');
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <UiContext.Provider value={{ client, i18n: createI18n({ language, digits: 'latn' }), settings: { ...DEFAULT_SETTINGS, language }, updateSettings: async () => {} }}>
      <RestoreBackup onRestored={() => {}} />
    </UiContext.Provider>,
    root,
  );
  return root;
}

describe('a restore refused as not a backup', () => {
  for (const [language, words] of [['en', /is not a Sila backup made by this version.*added as a collection instead/], ['ar', /ليس نسخة احتياطية من صلة أنشأها هذا الإصدار.*مجموعةً بدلًا من ذلك/]] as const) {
    it(`says so once in the page's language and adds the same file as a collection (${language})`, async () => {
      const { client, asked } = refusingClient(true);
      const root = await page(client, language);
      const file = new File(['{"id":"a","title":"T","body":"B"}\n'], 'old-export.jsonl.gz');
      await choose(root, file);
      await until('the refusal', () => root.querySelector('[data-reason="not-backup"]') !== null);
      const said = root.querySelector('[data-reason="not-backup"]')!.textContent!;
      expect(said).toMatch(words);
      expect(said).toContain('old-export.jsonl.gz');
      expect(root.textContent).not.toContain('English words of the background');

      root.querySelector<HTMLButtonElement>('[data-role="restore-as-collection"]')!.click();
      await until('the note', () => root.querySelector('[data-role="restore-as-collection-note"]') !== null);
      expect(asked.added).toEqual([file]);
      expect(asked.cancelled).toEqual([4]);
      expect(root.querySelector('[data-role="restore-as-collection"]')).toBeNull();
      expect(root.querySelector('[data-reason="not-backup"]')).toBeNull();
      render(null, root);
    });
  }

  it('another failure keeps its own words and offers no collection', async () => {
    const { client } = refusingClient(false);
    const root = await page(client, 'en');
    await choose(root, new File(['x'], 'sila-library.jsonl.gz'));
    await until('the failure', () => root.querySelector('[data-role="restore-error"]') !== null);
    expect(root.querySelector('[data-role="restore-error"]')!.textContent).toBe('The restore stopped: English words of the background');
    expect(root.querySelector('[data-role="restore-as-collection"]')).toBeNull();
    render(null, root);
  });
});

describe("a finished restore's bad lines", () => {
  it("are said in the page's language, with the line number ungrouped (not the builder's English)", async () => {
    const done: RestoreInfo = {
      id: 5, fileName: 'sila-library.jsonl.gz', fileBytes: 10, state: 'done', bytesRead: 10, reads: 1, readsKnown: 0, articles: 0, articlesKnown: 0, collections: [],
      skipped: [{ line: 1234, reason: 'line 1234: field "body" is empty', why: { key: 'empty-field', params: ['body'] } }],
      skippedTotal: 1, error: null, notBackup: false,
    };
    const client: SilaClient = { ...createMemoryClient({ library: true }), restoreLibrary: async () => 5, restoreStatus: async () => done };
    const root = await page(client, 'ar');
    await choose(root, new File(['x'], 'sila-library.jsonl.gz'));
    await until('the report', () => root.querySelector('[data-role="restore-skipped"] li[data-line="1234"]') !== null);
    const said = root.querySelector('[data-role="restore-skipped"] li[data-line="1234"]')!.textContent!;
    expect(said).not.toContain('is empty');
    expect(said).toContain('1234');
    expect(said).toContain('body');
    render(null, root);
  });
});
