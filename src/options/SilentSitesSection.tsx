/** Sites where Sila stays silent: add by typing or pasting an address, remove with one click. */
import { useState } from 'preact/hooks';
import { MAX_SILENT_SITES, normalizeHost, type Settings } from '../settings';
import { useUi } from '../ui/context';

export function SilentSitesSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { i18n } = useUi();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState('');

  const add = (event: Event) => {
    event.preventDefault();
    const raw = input.trim();
    if (!raw) return;
    const host = normalizeHost(raw);
    if (!host) {
      setProblem(i18n.t('silentInvalid', raw.slice(0, 80)));
      return;
    }
    if (settings.silentSites.includes(host)) {
      setProblem(i18n.t('silentDuplicate', host));
      return;
    }
    setProblem('');
    setInput('');
    onChange({ ...settings, silentSites: [...settings.silentSites, host].slice(0, MAX_SILENT_SITES) });
  };

  return (
    <section class="card" aria-labelledby="silent-section">
      <h2 id="silent-section">{i18n.t('sectionSilent')}</h2>
      <p class="hint" id="silent-hint">{i18n.t('silentHint')}</p>
      <form class="add-site" onSubmit={add}>
        <label for="silent-input" class="visually-hidden">
          {i18n.t('silentAddLabel')}
        </label>
        <input
          id="silent-input"
          type="text"
          dir="ltr"
          inputMode="url"
          placeholder="example.com"
          autocomplete="off"
          spellcheck={false}
          value={input}
          maxLength={2048}
          aria-describedby={problem ? 'silent-hint silent-problem' : 'silent-hint'}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => {
            setInput((e.currentTarget as HTMLInputElement).value);
            setProblem('');
          }}
        />
        <button type="submit" class="button primary">
          {i18n.t('silentAdd')}
        </button>
      </form>
      {problem && (
        <p class="field-problem" id="silent-problem" role="alert">
          {problem}
        </p>
      )}
      {settings.silentSites.length === 0 ? (
        <p class="hint empty">{i18n.t('silentEmpty')}</p>
      ) : (
        <ul class="sites">
          {settings.silentSites.map((site) => (
            <li key={site}>
              <span dir="ltr" class="bidi">{site}</span>
              <button
                type="button"
                class="remove"
                aria-label={i18n.t('silentRemove', site)}
                title={i18n.t('silentRemove', site)}
                onClick={() => onChange({ ...settings, silentSites: settings.silentSites.filter((s) => s !== site) })}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M7 7l10 10M17 7 7 17" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
