/** Your reading: the "Remember what I read" switch, how much is kept, and Forget everything (confirmed). */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../settings';
import { useUi } from '../ui/context';
import { askPersistentStorage } from '../ui/persist-storage';
import { exportLibrary } from '../library/collection-export';
import { IndexedDbCollections } from '../library/collection-store';
import { IndexedDbStore } from '../library/store';
import { DWELL_MS } from '../library/dwell-time';
import { RestoreBackup } from './RestoreBackup';

/** Sent on the page's window when the library changed as a whole (everything forgotten, a backup restored): lists read it again. */
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
  // The page reads the library's database itself (same origin as the background): a file is made here, where
  // it can be downloaded, and no message has to carry it.
  const exportAll = async () => {
    try {
      const { file, articles } = await exportLibrary(new IndexedDbStore(), new IndexedDbCollections());
      if (articles === 0) return setNote(i18n.t('exportEmpty'));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = 'sila-library.jsonl.gz';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setNote(i18n.t('exportedStatus', i18n.plural('articleCount', articles)));
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
      {/* The numbers in the interface's digits, as every other number on the page; the example is a read's own label. */}
      <p class="help">{i18n.t('rememberHelp', i18n.plural('secondsCount', DWELL_MS / 1000), i18n.t('readWhen', i18n.relative(new Date(Date.now() - 3 * 86_400_000).toISOString())))}</p>
      {reads !== null && <p data-role="library-count">{i18n.t('libraryCount', i18n.number(reads))}</p>}
      <div class="library-actions">
        <button type="button" class="button" data-role="export-library" onClick={exportAll}>
          {i18n.t('exportLibrary')}
        </button>
        <button type="button" class="button" data-role="forget-everything" onClick={forget}>
          {i18n.t('forgetEverything')}
        </button>
        {/* Last in the row: its progress and report wrap onto a line of their own under the buttons. */}
        <RestoreBackup
          onRestored={() => {
            dispatchEvent(new Event(LIBRARY_FORGOTTEN));
            void refresh();
          }}
        />
      </div>
      <p class="help">{i18n.t('restoreHelp')}</p>
      <p role="status" aria-live="polite" data-role="library-note">{note}</p>
    </section>
  );
}
