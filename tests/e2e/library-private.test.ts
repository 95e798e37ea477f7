/**
 * "Private/incognito windows are never remembered", in both browsers with the built extension: remembering on,
 * one article open in a normal window and another in a private window, both visible for the production dwell
 * (15 s). Sila sees both (each tab's snapshot reaches the background), keeps the normal one and not the
 * private one. The extension runs in private windows as a user allows it to: Chromium's "Allow in Incognito"
 * (loaded with CDP's enableInIncognito), Firefox's "Run in Private Windows" (what that switch writes, in the
 * profile's extension-preferences.json, Firefox ESR's permission store, before the add-on is installed); the
 * private window is opened by the extension's own windows.create({ incognito: true }), the one way both
 * browsers give to open one under automation. The articles are written here, not corpus text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../scripts/paths';
import { renderArticlePage } from '../../scripts/lib/render-pages';
import { startTestServer, type TestServer } from './harness/test-server';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { e2eBrowsers } from './harness/launch';
import type { ExtensionSession } from './harness/session';
import { setSettings } from './harness/popup';

const PAGES = {
  '/harbour/2026/normal': ['افتتاح ميناء جديد للصيد على ساحل البحر الأحمر', 'افتتحت السلطات المحلية ميناء جديدا لقوارب الصيد على ساحل البحر الأحمر، في مشروع يقول الصيادون إنه سيخفض كلفة التخزين والنقل.'],
  '/harbour/2026/private': ['الصيادون يطالبون بتوسيع ميناء البحر الأحمر الجديد', 'طالب صيادون على ساحل البحر الأحمر بتوسيع الميناء الجديد بعد أيام من افتتاحه، قائلين إن الأرصفة لا تتسع لكل القوارب في موسم الصيد.'],
} as const;
const MORE = [
  'وقال مسؤول في هيئة الموانئ إن المرحلة الثانية من المشروع تشمل مخازن مبردة وسوقا للأسماك قرب الرصيف الرئيسي.',
  'ويعمل في الصيد على هذا الساحل آلاف الأسر، وتعتمد أغلبها على القوارب الصغيرة التي كانت ترسو على الشاطئ دون حماية من الرياح.',
  'وتأمل السلطات أن يجذب الميناء استثمارات في صناعة تعليب الأسماك وأن يوفر فرص عمل جديدة لشباب المنطقة.',
];

let server: TestServer;
before(async () => {
  const routes: Record<string, string> = {};
  for (const [path, [title, lead]] of Object.entries(PAGES)) {
    routes[path] = renderArticlePage({ title, body: [lead, ...MORE].join('\n'), source: 'Coast Test News', published: '2026-12-05T09:00:00Z', url: `http://sila.test${path}`, lang: 'ar' }, 'aljazeera');
  }
  server = await startTestServer(routes);
});
after(async () => server?.close());

/** In an extension context: the URLs the library keeps (without creating its database) and the stored snapshots' tab ids. */
async function seen(session: ExtensionSession): Promise<{ kept: string[]; snapshotTabs: number[] }> {
  return session.inExtension(async () => {
    const api = (globalThis as any).chrome?.storage ? (globalThis as any).chrome : (globalThis as any).browser;
    const snapshotTabs = Object.keys(await api.storage.session.get(null)).flatMap((k) => (/^tab:\d+$/.test(k) ? [Number(k.slice(4))] : []));
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('sila-library')) return { kept: [], snapshotTabs };
    const kept = await new Promise<string[]>((ok, fail) => {
      const open = indexedDB.open('sila-library');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('reads').objectStore('reads').getAll();
        all.onsuccess = () => (db.close(), ok(all.result.map((r: { url: string }) => r.url)));
        all.onerror = () => fail(all.error);
      };
    });
    return { kept, snapshotTabs };
  }, undefined);
}

for (const name of e2eBrowsers()) {
  describe(`Private windows are never remembered in ${name}`, () => {
    let session: ExtensionSession;
    const profile = mkdtempSync(join(tmpdir(), `sila-private-${name}-`));
    before(async () => {
      if (name === 'chromium') {
        session = await launchChromium(resolve(repoRoot, 'dist', 'chrome'), server.port, { allowIncognito: true, userDataDir: profile });
      } else {
        const dir = resolve(repoRoot, 'dist', 'firefox');
        const id = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
        writeFileSync(join(profile, 'extension-preferences.json'), JSON.stringify({ [id]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }));
        session = await launchFirefox(dir, server.port, { userDataDir: profile });
      }
    });
    after(async () => {
      await session?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    test('a normal window’s article is kept after 15 s; the private window’s, seen by Sila too, is not', async () => {
      // A just-started Chromium worker can be evaluated before its extension API is bound.
      for (let i = 0; i < 50; i++) {
        const bound = await session.inExtension(async () => !!((globalThis as any).chrome?.storage ?? (globalThis as any).browser?.storage), undefined).catch(() => false);
        if (bound) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await setSettings(session, { rememberReads: 'on' });
      const allowed = await session.inExtension(async () => ((globalThis as any).browser ?? (globalThis as any).chrome).extension.isAllowedIncognitoAccess(), undefined);
      assert.equal(allowed, true, 'the extension is allowed in private windows, as the user would allow it');
      // Both windows are opened the same way (Firefox opens a new window as private as the one in front).
      const open = (incognito: boolean) =>
        session.inExtension(async (arg: { url: string; incognito: boolean }) => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          const window = await api.windows.create({ ...arg, focused: false });
          return { id: window.tabs[0].id as number, incognito: window.incognito as boolean };
        }, { url: `${server.origin}/harbour/2026/${incognito ? 'private' : 'normal'}`, incognito });
      const normalTab = await open(false);
      const privateTab = await open(true);
      assert.deepEqual([normalTab.incognito, privateTab.incognito], [false, true]);
      let state = await seen(session);
      for (const until = Date.now() + 45_000; Date.now() < until && state.kept.length === 0; await new Promise((r) => setTimeout(r, 500))) state = await seen(session);
      assert.deepEqual(state.kept, ['http://sila.test/harbour/2026/normal'], 'the normal window’s article is kept after its dwell');
      // Both tabs started their dwell together; give the private one's message time to arrive and be refused.
      await new Promise((r) => setTimeout(r, 4_000));
      state = await seen(session);
      assert.ok(state.snapshotTabs.includes(privateTab.id), `Sila saw the private window's article (snapshots of tabs ${state.snapshotTabs}, private ${privateTab.id})`);
      assert.ok(state.snapshotTabs.includes(normalTab.id));
      assert.deepEqual(state.kept, ['http://sila.test/harbour/2026/normal'], 'the private window’s article is not kept');
    });
  });
}
