/**
 * One source manifest (manifest.json) becomes the right manifest for each browser:
 * - Chrome: a service worker background, `side_panel`, no `browser_specific_settings` (Chrome warns on it).
 * - Firefox: `background.scripts` (Firefox has no service-worker background; crxjs rewrites the entry),
 *   `sidebar_action`, `browser_specific_settings.gecko` with an id and data_collection_permissions.
 *
 * The extension's pages (popup, side panel, options) are not built by crxjs but one by one, each into a single
 * script (scripts/build-extension.ts): crxjs gets the manifest `withoutPages`, and the page keys are put back
 * into the manifest it wrote with `withPages`.
 */
export type TargetBrowser = 'chrome' | 'firefox';

type Manifest = Record<string, any>;

const SIDE_PANEL_PAGE = 'src/sidepanel/index.html';

export function manifestFor(source: Manifest, browser: TargetBrowser): Manifest {
  const manifest: Manifest = structuredClone(source);
  const worker: string = manifest.background.service_worker;
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.side_panel = { default_path: SIDE_PANEL_PAGE };
    manifest.permissions = [...manifest.permissions, 'sidePanel'];
  } else {
    manifest.background = { scripts: [worker], type: 'module' };
    manifest.sidebar_action = {
      default_panel: SIDE_PANEL_PAGE,
      default_title: '__MSG_extName__',
      default_icon: manifest.action.default_icon,
      open_at_install: false,
    };
  }
  return manifest;
}

/** Where the manifest names a page: every key is removed for crxjs and restored after the build. */
const PAGE_KEYS: [parent: string, key: string | null][] = [
  ['action', 'default_popup'],
  ['options_ui', null],
  ['side_panel', null],
  ['sidebar_action', null],
];

/** The HTML pages a manifest names (popup, options, side panel or sidebar). */
export function pagesOf(manifest: Manifest): string[] {
  const paths = [manifest.action?.default_popup, manifest.options_ui?.page, manifest.side_panel?.default_path, manifest.sidebar_action?.default_panel];
  return paths.filter((path): path is string => typeof path === 'string');
}

export function withoutPages(manifest: Manifest): Manifest {
  const stripped: Manifest = structuredClone(manifest);
  for (const [parent, key] of PAGE_KEYS) {
    if (key === null) delete stripped[parent];
    else if (stripped[parent]) delete stripped[parent][key];
  }
  return stripped;
}

/** `built` (the manifest crxjs wrote) with the page keys of `full` put back. */
export function withPages(built: Manifest, full: Manifest): Manifest {
  const restored: Manifest = structuredClone(built);
  for (const [parent, key] of PAGE_KEYS) {
    if (!(parent in full)) continue;
    if (key === null) restored[parent] = structuredClone(full[parent]);
    else if (key in full[parent]) restored[parent] = { ...restored[parent], [key]: full[parent][key] };
  }
  return restored;
}
