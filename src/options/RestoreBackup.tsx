/**
 * Restore from a backup (beside Export in "Your reading"): choose a file Export wrote; the background restores
 * it (src/library/library-restore.ts) with a progress bar and Cancel, then says what came back, what the
 * library held already, and the lines left out by number. The page asks for the progress when the background
 * says it changed (client.onRestoreProgress), not on a timer. A file with no backup line at all (a corpus file, an
 * export older than restore) is refused as a whole, and the page offers to add that same file as a collection.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RestoreInfo } from '../messages';
import { useUi } from '../ui/context';
import { askPersistentStorage } from '../ui/persist-storage';
import { skippedLineText } from './skip-reason-text';

/** A name inside a sentence of the other direction, isolated (FSI…PDI). */
const isolate = (name: string) => `\u2068${name}\u2069`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function RestoreBackup({ onRestored }: { onRestored: () => void }) {
  const { i18n, client } = useUi();
  const [info, setInfo] = useState<RestoreInfo | null>(null);
  const [problem, setProblem] = useState('');
  const [cancelled, setCancelled] = useState(false);
  /** The restore this page shows: one it started, or one found running when it opened (an old report is not news). */
  const shown = useRef<number | null>(null);
  /** The file this page chose for the restore `id`: a refused one can be added as a collection without choosing it again. */
  const chosen = useRef<{ id: number; file: File } | null>(null);
  /** The name of a refused file this page added as a collection, for the note saying so. */
  const [addedAs, setAddedAs] = useState('');

  const refresh = async () => {
    try {
      const next = await client.restoreStatus!();
      if (next?.state === 'restoring' && shown.current === null) shown.current = next.id;
      if (!next || next.id !== shown.current) return setInfo(null);
      setInfo(next);
      if (next.state !== 'restoring') onRestored();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  useEffect(() => {
    if (!client.restoreStatus) return;
    void refresh();
    return client.onRestoreProgress?.(() => void refresh());
  }, []);
  if (!client.restoreLibrary || !client.restoreStatus) return null;

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    void askPersistentStorage();
    setProblem('');
    setCancelled(false);
    setAddedAs('');
    try {
      shown.current = await client.restoreLibrary!(file);
      chosen.current = { id: shown.current, file };
      await refresh();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const cancel = async (id: number) => {
    try {
      await client.cancelRestore?.(id);
      setCancelled(true);
      setInfo(null);
      onRestored();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  /** The refused file, through the collections' own import; its restore (the record and its stored copy) is dropped. */
  const addAsCollection = async (id: number, file: File) => {
    setProblem('');
    try {
      await client.addCollection!(file);
      chosen.current = null;
      setAddedAs(file.name);
      await client.cancelRestore?.(id);
      setInfo(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const percent = (r: RestoreInfo) => new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(Math.min(r.bytesRead / Math.max(r.fileBytes, 1), 1));

  return (
    <>
      <label class="button file-button">
        <input type="file" class="visually-hidden" data-role="restore-file" accept=".gz,.jsonl,application/gzip,application/x-ndjson" onChange={(e) => void choose(e.currentTarget as HTMLInputElement)} />
        {i18n.t('restoreLibrary')}
      </label>
      <div class="restore" data-role="restore" data-state={info?.state ?? (cancelled ? 'cancelled' : 'none')}>
        {info?.state === 'restoring' && (
          <div class="collection-progress">
            <progress max={Math.max(info.fileBytes, 1)} value={info.bytesRead} aria-labelledby="restore-reading" data-role="restore-progress" />
            <span id="restore-reading" class="hint">
              {info.bytesRead > 0 ? i18n.t('restoreReading', isolate(info.fileName), percent(info)) : i18n.t('restoreWaiting')}
            </span>
            <button type="button" class="button" data-role="restore-cancel" onClick={() => void cancel(info.id)}>
              {i18n.t('collectionCancel')}
            </button>
          </div>
        )}
        {info?.state === 'done' && (
          <p role="status" data-role="restore-report">
            {i18n.t('restoreDone', isolate(info.fileName), i18n.plural('articleCount', info.reads), i18n.plural('articleCount', info.articles))}
            {info.readsKnown + info.articlesKnown > 0 && ` ${i18n.t('restoreKnown', i18n.plural('articleCount', info.readsKnown + info.articlesKnown))}`}
          </p>
        )}
        {info?.state === 'failed' && !info.notBackup && (
          <p class="field-problem" data-role="restore-error">
            {i18n.t('restoreFailed', info.error ?? '')}
          </p>
        )}
        {info?.state === 'failed' && info.notBackup && (
          <div class="restore-not-backup">
            <p class="field-problem" data-role="restore-error" data-reason="not-backup">
              {i18n.t('restoreNotBackup', isolate(info.fileName))}
            </p>
            {client.addCollection && chosen.current?.id === info.id && (
              <button type="button" class="button" data-role="restore-as-collection" onClick={() => void addAsCollection(info.id, chosen.current!.file)}>
                {i18n.t('restoreAsCollection')}
              </button>
            )}
          </div>
        )}
        {addedAs && (
          <p role="status" data-role="restore-as-collection-note">
            {i18n.t('restoreAddedAsCollection', isolate(addedAs))}
          </p>
        )}
        {cancelled && <p role="status">{i18n.t('restoreCancelled')}</p>}
        {info && info.skippedTotal > 0 && (
          <details class="collection-skipped" data-role="restore-skipped">
            <summary>{i18n.plural('linesLeftOut', info.skippedTotal)}</summary>
            <ul>
              {info.skipped.map((s) => (
                <li key={s.line} data-line={s.line}>
                  <bdi dir={s.why ? undefined : 'ltr'}>{skippedLineText(i18n, s)}</bdi>
                </li>
              ))}
              {info.skippedTotal > info.skipped.length && <li>{i18n.plural('moreLinesLeftOut', info.skippedTotal - info.skipped.length)}</li>}
            </ul>
          </details>
        )}
        {problem && (
          <p class="field-problem" role="alert" data-role="restore-problem">
            {problem}
          </p>
        )}
      </div>
    </>
  );
}
