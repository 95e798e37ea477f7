/** The popup's keyboard shortcuts, for discovery. */
import { useUi } from '../ui/context';

export function KeyboardSection() {
  const { i18n } = useUi();
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  const mod = isMac ? '⌘' : 'Ctrl';
  const rows: [string[], string][] = [
    [['↑', '↓'], i18n.t('keysMove')],
    [['Enter'], i18n.t('keysOpen')],
    [[mod, 'Enter'], i18n.t('keysOpenBackground')],
    [['Esc'], i18n.t('keysClear')],
    [['/'], i18n.t('keysFocusSearch')],
  ];
  return (
    <section class="card" aria-labelledby="keys-section">
      <h2 id="keys-section">{i18n.t('sectionKeyboard')}</h2>
      <dl class="keys">
        {rows.map(([keys, label]) => (
          <div key={label}>
            <dt dir="ltr">
              {keys.map((k, i) => (
                <>
                  {i > 0 && (k === 'Enter' ? ' + ' : ' ')}
                  <kbd>{k}</kbd>
                </>
              ))}
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
