/**
 * The UI preview: any Sila page, in any state, with the in-memory client, outside the extension.
 * URL parameters: page=popup|sidepanel|options, state=<MemoryState>, ui=<browser language>, and any setting
 * (language, digits, theme, rememberReads, resultCount, minConfidence); library=1 adds sample reads. Served by scripts/ui-preview.ts, never shipped.
 */
import '../styles/base.css';
import '../styles/reader.css';
import '../styles/results.css';
import '../styles/options.css';
import browser from 'webextension-polyfill';
import { SETTINGS_KEY } from '../../settings';
import { boot } from '../boot';
import { createMemoryClient, type MemoryState } from '../client-memory';
import { ReaderApp } from '../components/ReaderApp';
import { OptionsApp } from '../../options/App';

const params = new URLSearchParams(location.search);
const page = params.get('page') ?? 'popup';
const state = (params.get('state') ?? 'article') as MemoryState;
const stored: Record<string, unknown> = {};
for (const key of ['language', 'digits', 'theme', 'rememberReads']) if (params.has(key)) stored[key] = params.get(key);
for (const key of ['resultCount', 'minConfidence']) if (params.has(key)) stored[key] = Number(params.get(key));
if (params.has('silent')) stored.silentSites = params.getAll('silent');

document.body.classList.add(`page-${page}`);
const client = createMemoryClient({ state, delayMs: Number(params.get('delay') ?? 0), failAll: params.has('fail'), library: params.has('library') });
// Exposed so scripts/ui-preview.ts can check what the keyboard opened.
(window as unknown as { __silaPreview: unknown }).__silaPreview = { client };
await browser.storage.sync.set({ [SETTINGS_KEY]: stored });
await boot({
  root: document.getElementById('root')!,
  client,
  titleKey: page === 'options' ? 'optionsTitle' : 'appName',
  openSettings: page === 'options' ? null : () => {},
  openSidePanel: page === 'popup' ? () => {} : null,
  app: () =>
    page === 'options' ? <OptionsApp /> : <ReaderApp variant={page === 'sidepanel' ? 'sidepanel' : 'popup'} initialQuery={params.get('q') ?? ''} />,
});
