/** The side panel (Chrome sidePanel, Firefox sidebar_action): the related list, following the active tab. */
import '../ui/styles/base.css';
import '../ui/styles/reader.css';
import '../ui/styles/results.css';
import { boot } from '../ui/boot';
import { createRuntimeClient } from '../ui/client-runtime';
import { SidePanelApp } from './App';

void boot({
  root: document.getElementById('root')!,
  client: createRuntimeClient(),
  titleKey: 'sidepanelTitle',
  app: () => <SidePanelApp />,
});
