/** The settings page: every setting applies at once and is saved to storage.sync; reset; about this archive. */
import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, resetSettings, type Settings } from '../settings';
import { useUi } from '../ui/context';
import { AboutCorpus } from '../ui/components/AboutCorpus';
import { Logo } from '../ui/components/Logo';
import { AppearanceSection } from './AppearanceSection';
import { BadgeSection } from './BadgeSection';
import { KeyboardSection } from './KeyboardSection';
import { LibrarySection } from './LibrarySection';
import { CollectionsSection } from './CollectionsSection';
import { ResultsSection } from './ResultsSection';
import { SilentSitesSection } from './SilentSitesSection';

export type Status = { kind: 'saved' | 'reset' } | { kind: 'error'; error: string } | null;

export function OptionsApp() {
  const { i18n, settings, updateSettings } = useUi();
  const [status, setStatus] = useState<Status>(null);

  const change = async (next: Settings) => {
    try {
      await updateSettings(next);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };
  const reset = async () => {
    try {
      await resetSettings();
      await updateSettings({ ...DEFAULT_SETTINGS, silentSites: [] });
      setStatus({ kind: 'reset' });
    } catch (error) {
      setStatus({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="options">
      <header class="options-head">
        <Logo size={32} />
        <div>
          <h1>{i18n.t('optionsTitle')}</h1>
          <p class="options-intro">{i18n.t('optionsIntro')}</p>
        </div>
      </header>
      <main class="options-main">
        <ResultsSection settings={settings} onChange={change} />
        <BadgeSection settings={settings} onChange={change} />
        <SilentSitesSection settings={settings} onChange={change} />
        <LibrarySection settings={settings} onChange={change} />
        <CollectionsSection />
        <AppearanceSection settings={settings} onChange={change} />
        <KeyboardSection />
        <div class="options-actions">
          <button type="button" class="button" onClick={reset}>
            {i18n.t('resetDefaults')}
          </button>
          <p class={`options-status ${status?.kind === 'error' ? 'is-error' : ''}`} role="status" aria-live="polite">
            {status?.kind === 'saved' && `✓ ${i18n.t('savedStatus')}`}
            {status?.kind === 'reset' && `✓ ${i18n.t('resetStatus')}`}
            {status?.kind === 'error' && i18n.t('saveError', status.error)}
          </p>
        </div>
        <section class="card" aria-labelledby="about-section">
          <h2 id="about-section">{i18n.t('aboutCorpus')}</h2>
          <AboutCorpus headingLevel={3} />
        </section>
      </main>
    </div>
  );
}
