/**
 * The keyboard shortcuts, for discovery: the browser-wide one that opens Sila (the one the user set, else the
 * manifest's suggestion), the address bar keyword, where each browser lets the user change the shortcut, and the
 * popup's own keys.
 */
import { useEffect, useState } from 'preact/hooks';
import manifest from '../../manifest.json';
import { useUi } from '../ui/context';

const SUGGESTED_SHORTCUT: string = manifest.commands._execute_action.suggested_key.default;
const KEYWORD: string = manifest.omnibox.keyword;

interface CommandsApi {
  getAll(): Promise<{ name?: string; shortcut?: string }[]>;
}

/** The shortcut the browser has for opening the popup now, or the manifest's suggestion while unknown. */
function useOpenShortcut(): string {
  const [shortcut, setShortcut] = useState(SUGGESTED_SHORTCUT);
  useEffect(() => {
    const g = globalThis as { browser?: { commands?: CommandsApi }; chrome?: { commands?: CommandsApi } };
    const commands = g.browser?.commands ?? g.chrome?.commands;
    try {
      commands?.getAll().then(
        (all) => {
          const own = all.find((c) => c.name === '_execute_action')?.shortcut;
          if (own) setShortcut(own);
        },
        () => {},
      );
    } catch {
      // Outside the extension (tests, the preview): the manifest's suggestion stands.
    }
  }, []);
  return shortcut;
}

export function KeyboardSection() {
  const { i18n } = useUi();
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  const mod = isMac ? '⌘' : 'Ctrl';
  const shortcut = useOpenShortcut();
  const rows: [string[], string][] = [
    [shortcut.split('+'), i18n.t('keysOpenPopup')],
    [[KEYWORD, '␣'], i18n.t('keysOmnibox', KEYWORD)],
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
                  {i > 0 && (k === 'Enter' || keys.length > 2 ? ' + ' : ' ')}
                  <kbd>{k}</kbd>
                </>
              ))}
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
      <p class="keys-change">{i18n.t('keysChangeShortcut', 'chrome://extensions/shortcuts', 'about:addons')}</p>
    </section>
  );
}
