/** The toolbar popup: related articles for the current tab, and search. */
import '../ui/styles/base.css';
import '../ui/styles/reader.css';
import '../ui/styles/results.css';
import { boot } from '../ui/boot';
import { createRuntimeClient } from '../ui/client-runtime';
import { PopupApp } from './App';
import { sidePanelOpener } from './side-panel';
import { takePendingQuery } from '../pending-query';
import { loadSettings } from '../settings';

const openSidePanel = sidePanelOpener();
// Read once: the first paint needs them, and so does checking the tab's stored answer.
const settings = loadSettings();
const client = createRuntimeClient({ prefetch: true, settings });
let pending = '';
void boot({
  root: document.getElementById('root')!,
  client,
  titleKey: 'appName',
  openSidePanel,
  settings,
  // Read while the settings load: the query "Search Sila for …" left, and the tab's stored answer, so that the
  // first frame already shows the list.
  ready: Promise.all([takePendingQuery().then((query) => void (pending = query)), client.storedRead]),
  app: () => <PopupApp pendingQuery={pending} />,
});
