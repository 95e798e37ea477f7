/**
 * Your collections: add a corpus file (JSONL / JSONL.gz), follow its import (progress, cancel), see the lines
 * left out by number and reason, and list, rename, switch off or remove (confirmed) what was added. The import
 * itself runs in the background; this page stores the chosen file and follows the import through the progress
 * the background stores per chunk (client.onCollectionsChanged), asking for the list again only when one ends.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CollectionInfo } from '../messages';
import type { I18n } from '../i18n';
import { useUi } from '../ui/context';
import { askPersistentStorage } from '../ui/persist-storage';
import { LIBRARY_FORGOTTEN } from './LibrarySection';
import { skippedLineText } from './skip-reason-text';

/** A name inside a sentence of the other direction, isolated (FSI…PDI) so that its letters do not reorder the sentence. */
const isolate = (name: string) => `\u2068${name}\u2069`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function size(i18n: I18n, bytes: number): string {
  const [unit, value] = bytes >= 1e6 ? ['megabyte', bytes / 1e6] : ['kilobyte', Math.max(bytes / 1e3, 0.1)];
  return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function CollectionsSection() {
  const { i18n, client } = useUi();
  const [list, setList] = useState<CollectionInfo[] | null>(null);
  // What the note says, in the page's current language (it may change while the note shows).
  const [note, setNote] = useState<(i18n: I18n) => string>(() => () => '');
  const [problem, setProblem] = useState('');
  const importing = useRef(new Set<number>());

  const refresh = async () => {
    if (!client.collections) return;
    try {
      const next = await client.collections();
      for (const c of next) {
        if (importing.current.has(c.id) && c.state === 'ready') setNote(() => (t: I18n) => t.t('collectionReady', isolate(c.name), t.plural('articleCount', c.articles)));
      }
      importing.current = new Set(next.filter((c) => c.state === 'importing').map((c) => c.id));
      setList(next);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    addEventListener(LIBRARY_FORGOTTEN, again);
    return () => removeEventListener(LIBRARY_FORGOTTEN, again);
  }, []);
  // The running import's progress as the background stores it, chunk by chunk: the bar moves without a request;
  // its end (null) is when the list is asked again, so a finished or failed import shows at once.
  useEffect(
    () =>
      client.onCollectionsChanged?.((progress) => {
        // An import this page has not listed as importing (added from another page): the list is asked for it.
        if (!progress || !importing.current.has(progress.id)) return void refresh();
        setList((now) => now?.map((c) => (c.id === progress.id ? { ...c, articles: progress.articles, bytesRead: progress.bytesRead } : c)) ?? now);
      }),
    [client],
  );
  // While one runs, a stopped background (Chrome stops an idle worker; a crash) is heard and reached again,
  // which resumes the import; the list is asked then, as it may have moved on meanwhile.
  const running = list?.some((c) => c.state === 'importing') ?? false;
  useEffect(() => (running ? client.watchBackground?.(() => void refresh()) : undefined), [client, running]);

  if (!client.collections || !client.addCollection) return null;

  const act = async (action: () => Promise<unknown>, done?: (i18n: I18n) => string) => {
    setProblem('');
    try {
      await action();
      if (done) setNote(() => done);
    } catch (error) {
      setProblem(errorText(error));
    }
    await refresh();
  };
  const add = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    void askPersistentStorage();
    setNote(() => () => '');
    void act(() => client.addCollection!(file));
  };

  return (
    <section class="card" aria-labelledby="collections-section" data-role="collections-section">
      <h2 id="collections-section">{i18n.t('collectionsSection')}</h2>
      <p class="hint">{i18n.t('collectionsHelp')}</p>
      <label class="button primary file-button">
        <input
          type="file"
          class="visually-hidden"
          data-role="collection-file"
          accept=".jsonl,.gz,application/gzip,application/x-ndjson,application/jsonl"
          onChange={(e) => add(e.currentTarget as HTMLInputElement)}
        />
        {i18n.t('collectionAdd')}
      </label>
      {problem && (
        <p class="field-problem" role="alert" data-role="collections-problem">
          {problem}
        </p>
      )}
      {list !== null && list.length === 0 && <p class="hint empty">{i18n.t('collectionsNone')}</p>}
      {list && list.length > 0 && (
        <ul class="collections">
          {list.map((c) => (
            <CollectionItem key={c.id} c={c} act={act} />
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" data-role="collections-note">
        {note(i18n)}
      </p>
    </section>
  );
}

function CollectionItem({ c, act }: { c: CollectionInfo; act: (action: () => Promise<unknown>, done?: (i18n: I18n) => string) => Promise<void> }) {
  const { i18n, client } = useUi();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(c.name);
  const articles = i18n.plural('articleCount', c.articles);
  const remove = (cancel: boolean) => {
    if (!cancel && !confirm(i18n.t('collectionRemoveConfirm', isolate(c.name), articles))) return;
    void act(() => client.removeCollection!(c.id, { cancel }), cancel ? undefined : (t) => t.t('collectionRemoved', isolate(c.name)));
  };
  const rename = (e: Event) => {
    e.preventDefault();
    setRenaming(false);
    if (name.trim() && name.trim() !== c.name) void act(() => client.renameCollection!(c.id, name.trim()));
  };

  return (
    <li class="collection" data-role="collection" data-id={c.id} data-state={c.state}>
      {renaming ? (
        <form class="add-site" onSubmit={rename}>
          <label class="visually-hidden" for={`collection-name-${c.id}`}>
            {i18n.t('collectionNameLabel')}
          </label>
          <input id={`collection-name-${c.id}`} type="text" dir="auto" maxLength={200} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} data-role="collection-name-input" />
          <button type="submit" class="button primary" data-role="collection-save">
            {i18n.t('collectionSave')}
          </button>
        </form>
      ) : (
        <h3 class="collection-name" data-role="collection-name">
          <bdi>{c.name}</bdi>
        </h3>
      )}
      {c.state === 'importing' && (
        <div class="collection-progress">
          <progress max={Math.max(c.fileBytes, 1)} value={c.bytesRead} aria-labelledby={`collection-reading-${c.id}`} data-role="collection-progress" />
          <span id={`collection-reading-${c.id}`} class="hint">
            {c.bytesRead > 0 ? i18n.t('collectionReading', isolate(c.name), new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(Math.min(c.bytesRead / Math.max(c.fileBytes, 1), 1))) : i18n.t('collectionWaiting')}
          </span>
          <button type="button" class="button" data-role="collection-cancel" onClick={() => remove(true)}>
            {i18n.t('collectionCancel')}
          </button>
        </div>
      )}
      {c.state === 'failed' && (
        <p class="field-problem" data-role="collection-error">
          {i18n.t('collectionFailed', c.error ?? '')}
        </p>
      )}
      {c.state === 'ready' && (
        <p class="hint collection-meta" data-role="collection-meta">
          {i18n.t('collectionMeta', articles, size(i18n, c.fileBytes), i18n.date(new Date(c.addedAt).toISOString()))}
        </p>
      )}
      {c.skippedTotal > 0 && (
        <details class="collection-skipped" data-role="collection-skipped">
          <summary>{i18n.plural('linesLeftOut', c.skippedTotal)}</summary>
          <ul>
            {c.skipped.map((s) => (
              <li key={s.line} data-line={s.line} data-reason={s.why?.key}>
                {/* A line stored without its reason's key keeps the builder's English, left to right. */}
                <bdi dir={s.why ? undefined : 'ltr'}>{skippedLineText(i18n, s)}</bdi>
              </li>
            ))}
            {c.skippedTotal > c.skipped.length && <li>{i18n.plural('moreLinesLeftOut', c.skippedTotal - c.skipped.length)}</li>}
          </ul>
        </details>
      )}
      {c.state !== 'importing' && (
        <div class="collection-actions">
          {c.state === 'ready' && (
            <>
              <label class="field check">
                <input type="checkbox" data-role="collection-switch" checked={c.enabled} onChange={(e) => void act(() => client.switchCollection!(c.id, (e.currentTarget as HTMLInputElement).checked))} />
                <span>{i18n.t('collectionOn')}</span>
              </label>
              <button
                type="button"
                class="button"
                data-role="collection-rename"
                onClick={() => {
                  setName(c.name);
                  setRenaming(!renaming);
                }}
              >
                {i18n.t('collectionRename')}
              </button>
            </>
          )}
          <button type="button" class="button" data-role="collection-remove" onClick={() => remove(false)}>
            {i18n.t('collectionRemove')}
          </button>
        </div>
      )}
    </li>
  );
}
