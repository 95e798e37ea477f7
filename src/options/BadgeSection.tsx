/** The toolbar badge: on or off, and how sure Sila must be for an article to count. */
import { CONFIDENCE_LEVELS, confidenceLevel, type ConfidenceLevel, type Settings } from '../settings';
import { useUi } from '../ui/context';

const LABELS = { low: 'confidenceLow', medium: 'confidenceMedium', high: 'confidenceHigh' } as const;

export function BadgeSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { i18n } = useUi();
  const level = confidenceLevel(settings.minConfidence);
  return (
    <section class="card" aria-labelledby="badge-section">
      <h2 id="badge-section">{i18n.t('sectionBadge')}</h2>
      <label class="field check">
        <input type="checkbox" checked={settings.badge} onChange={(e) => onChange({ ...settings, badge: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{i18n.t('badgeEnabledLabel')}</span>
      </label>
      <fieldset class="field choices" disabled={!settings.badge}>
        <legend>{i18n.t('confidenceLabel')}</legend>
        {(Object.keys(CONFIDENCE_LEVELS) as ConfidenceLevel[]).map((key) => (
          <label class="choice" key={key}>
            <input
              type="radio"
              name="confidence"
              value={key}
              checked={level === key}
              onChange={() => onChange({ ...settings, minConfidence: CONFIDENCE_LEVELS[key] })}
            />
            <span>{i18n.t(LABELS[key])}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
