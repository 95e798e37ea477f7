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

/**
 * Where a manifest names a page: its section, the key holding the page's path, and whether the whole section is
 * removed for crxjs (it is the page's) or only that key (`action` keeps its icon and title).
 */
const PAGE_KEYS: [section: string, pathKey: string, wholeSection: boolean][] = [
  ['action', 'default_popup', false],
  ['options_ui', 'page', true],
  ['side_panel', 'default_path', true],
  ['sidebar_action', 'default_panel', true],
];

/** The HTML pages a manifest names (popup, options, side panel or sidebar). */
export function pagesOf(manifest: Manifest): string[] {
  const paths = PAGE_KEYS.map(([section, pathKey]) => manifest[section]?.[pathKey]);
  return paths.filter((path): path is string => typeof path === 'string');
}

export function withoutPages(manifest: Manifest): Manifest {
  const stripped: Manifest = structuredClone(manifest);
  for (const [section, pathKey, wholeSection] of PAGE_KEYS) {
    if (wholeSection) delete stripped[section];
    else if (stripped[section]) delete stripped[section][pathKey];
  }
  return stripped;
}

/** `built` (the manifest crxjs wrote) with the page keys of `full` put back. */
export function withPages(built: Manifest, full: Manifest): Manifest {
  const restored: Manifest = structuredClone(built);
  for (const [section, pathKey, wholeSection] of PAGE_KEYS) {
    if (!(section in full)) continue;
    if (wholeSection) restored[section] = structuredClone(full[section]);
    else if (pathKey in full[section]) restored[section] = { ...restored[section], [pathKey]: full[section][pathKey] };
  }
  return restored;
}
