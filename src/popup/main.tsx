/** The toolbar popup: related articles for the current tab, and search. */
import '../ui/styles/base.css';
import '../ui/styles/reader.css';
import '../ui/styles/results.css';
import { boot } from '../ui/boot';
import { createRuntimeClient } from '../ui/client-runtime';
import { PopupApp } from './App';
import { sidePanelOpener } from './side-panel';
import { takePendingQuery } from '../ui/pending-query';

const openSidePanel = sidePanelOpener();
void takePendingQuery().then((pending) =>
  boot({
    root: document.getElementById('root')!,
    client: createRuntimeClient(),
    titleKey: 'appName',
    openSidePanel,
    app: () => <PopupApp pendingQuery={pending} />,
  }),
);
