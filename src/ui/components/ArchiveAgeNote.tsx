/**
 * One line saying when the archive ends, where that explains the list: over a page dated after it, or with an
 * empty or weak list (archiveAgeNote's rule). Renders nothing until the index meta arrives, or if it cannot.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IndexMeta } from '../../lib/types';
import { archiveAgeNote, type ListStrength } from '../archive';
import { useUi } from '../context';

export function ArchiveAgeNote({ pagePublished, list }: { pagePublished: string | null; list: ListStrength }) {
  const { client, i18n } = useUi();
  const [meta, setMeta] = useState<IndexMeta | null>(null);
  useEffect(() => {
    let live = true;
    client.about().then(
      (m) => live && setMeta(m),
      () => {
        // Without the meta there is no end date to give; the list explains itself as before.
      },
    );
    return () => {
      live = false;
    };
  }, [client]);
  const note = meta ? archiveAgeNote(meta.corpus, pagePublished, list, i18n) : null;
  return note ? (
    <p class="archive-age" data-role="archive-age">
      {note}
    </p>
  ) : null;
}
