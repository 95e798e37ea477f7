/** Adds or removes a page's site from the silent list (the popup's "Pause on …" / "Resume" buttons). */
import { isSilentSite, normalizeHost } from '../../settings';
import { useUi } from '../context';

export function useSilentToggle() {
  const { settings, updateSettings } = useUi();
  return (url: string) => {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return;
    }
    const site = normalizeHost(host);
    if (!site) return;
    const silentSites = isSilentSite(settings, url)
      ? settings.silentSites.filter((s) => !(host === s || host.endsWith(`.${s}`)))
      : [...settings.silentSites, site];
    void updateSettings({ ...settings, silentSites });
  };
}
