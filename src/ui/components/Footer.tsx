/** Bottom bar: settings, the "about this archive" view, and pausing Sila on the current site. */
import { isSilentSite } from '../../settings';
import { useUi } from '../context';
import { displayHost } from '../../lib/safe-url';
import { useSilentToggle } from './use-silent-toggle';

export function Footer({ pageUrl, aboutOpen, onAbout }: { pageUrl: string; aboutOpen: boolean; onAbout: () => void }) {
  const { i18n, settings, openSettings, openSidePanel } = useUi();
  const toggleSilent = useSilentToggle();
  const host = displayHost(pageUrl);
  return (
    <footer class="foot">
      {openSettings && (
        <button type="button" class="foot-link" onClick={openSettings}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.6 7.6 0 0 0-2-1.2L14.5 3h-5l-.4 2.6a7.6 7.6 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 0 0 2 1.2l.4 2.6h5l.4-2.6a7.6 7.6 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z" />
          </svg>
          {i18n.t('settings')}
        </button>
      )}
      <button type="button" class="foot-link" aria-pressed={aboutOpen} onClick={onAbout}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-10v6m0-9.5V8" />
        </svg>
        {i18n.t('aboutCorpus')}
      </button>
      <span class="foot-spacer" />
      {openSidePanel && (
        <button type="button" class="foot-link" title={i18n.t('openSidePanel')} aria-label={i18n.t('openSidePanel')} onClick={openSidePanel}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M4 5h16v14H4zM14 5v14" />
          </svg>
        </button>
      )}
      {host && !isSilentSite(settings, pageUrl) && (
        <button
          type="button"
          class="foot-link"
          title={i18n.t('pauseSite', host)}
          onClick={() => toggleSilent(pageUrl)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-2-12v6m4-6v6" />
          </svg>
          <span>{i18n.t('pauseHere')}</span>
          <span class="visually-hidden"> ({host})</span>
        </button>
      )}
    </footer>
  );
}
