/** How many related articles the popup and side panel list. */
import { RESULT_COUNT_RANGE, type Settings } from '../settings';
import { useUi } from '../ui/context';

const CHOICES = [3, 5, 8, 10, 15, 20];

export function ResultsSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { i18n } = useUi();
  const choices = CHOICES.includes(settings.resultCount) ? CHOICES : [...CHOICES, settings.resultCount].sort((a, b) => a - b);
  return (
    <section class="card" aria-labelledby="results-section">
      <h2 id="results-section">{i18n.t('sectionResults')}</h2>
      <div class="field row">
        <label for="result-count">{i18n.t('resultCountLabel')}</label>
        <select
          id="result-count"
          value={String(settings.resultCount)}
          onChange={(e) => onChange({ ...settings, resultCount: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {choices
            .filter((n) => n >= RESULT_COUNT_RANGE.min && n <= RESULT_COUNT_RANGE.max)
            .map((n) => (
              <option value={String(n)} key={n}>
                {i18n.number(n)}
              </option>
            ))}
        </select>
      </div>
    </section>
  );
}
