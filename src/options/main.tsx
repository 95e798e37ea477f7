/** The options page. */
import '../ui/styles/base.css';
import '../ui/styles/results.css';
import '../ui/styles/options.css';
import { boot } from '../ui/boot';
import { createRuntimeClient } from '../ui/client-runtime';
import { OptionsApp } from './App';

void boot({
  root: document.getElementById('root')!,
  client: createRuntimeClient(),
  titleKey: 'optionsTitle',
  openSettings: null,
  app: () => <OptionsApp />,
});
