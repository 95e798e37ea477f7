/**
 * A publication date: short in the list, the full date on hover and for assistive technology. Isolated in the
 * interface's direction, as it may sit in a row that follows an article of the other direction.
 */
import { useUi } from '../context';

export function DateLabel({ iso }: { iso: string | null }) {
  const { i18n } = useUi();
  const short = i18n.date(iso);
  if (!short) return <span class="date bidi" dir={i18n.dir}>{i18n.t('undated')}</span>;
  return (
    <time class="date bidi" dir={i18n.dir} dateTime={iso ?? undefined} title={i18n.fullDate(iso)}>
      {short}
    </time>
  );
}
