/** Your reading: the "Remember what I read" switch, how much is kept, and Forget everything (confirmed). */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../settings';
import { useUi } from '../ui/context';
import { askPersistentStorage } from '../ui/persist-storage';

/** Sent on the page's window once everything was forgotten. */
export const LIBRARY_FORGOTTEN = 'sila:library-forgotten';

export function LibrarySection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { i18n, client } = useUi();
  const [reads, setReads] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const refresh = () => client.libraryStatus?.().then((s) => setReads(s.reads), (e: unknown) => setNote(String((e as Error)?.message ?? e)));
  useEffect(() => void refresh(), []);
  const forget = async () => {
    if (!confirm(i18n.t('forgetConfirm'))) return;
    try {
      await client.forgetLibrary?.();
      setNote(i18n.t('forgottenStatus'));
      // The collections were in the same database: their list reads it again.
      dispatchEvent(new Event(LIBRARY_FORGOTTEN));
      await refresh();
    } catch (error) {
      setNote(i18n.t('saveError', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <section class="card" aria-labelledby="library-section" data-role="library-section">
      <h2 id="library-section">{i18n.t('librarySection')}</h2>
      <label class="field check">
        <input
          type="checkbox"
          data-role="remember-switch"
          checked={settings.rememberReads === 'on'}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            if (on) void askPersistentStorage();
            onChange({ ...settings, rememberReads: on ? 'on' : 'off' });
          }}
        />
        <span>{i18n.t('rememberSwitch')}</span>
      </label>
      <p class="help">{i18n.t('rememberHelp')}</p>
      {reads !== null && <p data-role="library-count">{i18n.t('libraryCount', i18n.number(reads))}</p>}
      <button type="button" class="button" data-role="forget-everything" onClick={forget}>
        {i18n.t('forgetEverything')}
      </button>
      <p role="status" aria-live="polite" data-role="library-note">{note}</p>
    </section>
  );
}
