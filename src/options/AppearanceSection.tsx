/** Interface language, digits and theme. Each applies to every open Sila page at once. */
import type { Digits, InterfaceLanguage, Settings, Theme } from '../settings';
import { useUi } from '../ui/context';
import type { MessageKey } from '../i18n';

function Choices<T extends string>(props: { legend: string; name: string; value: T; options: [T, string, string?][]; onPick: (v: T) => void }) {
  return (
    <fieldset class="field choices inline">
      <legend>{props.legend}</legend>
      {props.options.map(([value, label, lang]) => (
        <label class="choice" key={value}>
          <input type="radio" name={props.name} value={value} checked={props.value === value} onChange={() => props.onPick(value)} />
          <span lang={lang}>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function AppearanceSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { i18n } = useUi();
  const t = (k: MessageKey) => i18n.t(k);
  return (
    <section class="card" aria-labelledby="appearance-section">
      <h2 id="appearance-section">{t('sectionAppearance')}</h2>
      <Choices<InterfaceLanguage>
        legend={t('languageLabel')}
        name="language"
        value={settings.language}
        // Each language is named in itself, so a reader can find theirs whatever the current interface.
        options={[
          ['auto', t('languageAuto')],
          ['ar', 'العربية', 'ar'],
          ['en', 'English', 'en'],
        ]}
        onPick={(language) => onChange({ ...settings, language })}
      />
      <Choices<Digits>
        legend={t('digitsLabel')}
        name="digits"
        value={settings.digits}
        options={[
          ['latn', t('digitsLatn')],
          ['arab', t('digitsArab')],
        ]}
        onPick={(digits) => onChange({ ...settings, digits })}
      />
      <Choices<Theme>
        legend={t('themeLabel')}
        name="theme"
        value={settings.theme}
        options={[
          ['auto', t('themeAuto')],
          ['light', t('themeLight')],
          ['dark', t('themeDark')],
        ]}
        onPick={(theme) => onChange({ ...settings, theme })}
      />
    </section>
  );
}
