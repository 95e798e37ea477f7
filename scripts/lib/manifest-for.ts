/**
 * One source manifest (manifest.json) becomes the right manifest for each browser:
 * - Chrome: a service worker background, `side_panel`, no `browser_specific_settings` (Chrome warns on it).
 * - Firefox: `background.scripts` (Firefox has no service-worker background; crxjs rewrites the entry),
 *   `sidebar_action`, `browser_specific_settings.gecko` with an id and data_collection_permissions.
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
