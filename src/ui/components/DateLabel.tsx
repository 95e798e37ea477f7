/** A publication date: short in the list, the full date on hover and for assistive technology. */
import { useUi } from '../context';

export function DateLabel({ iso }: { iso: string | null }) {
  const { i18n } = useUi();
  const short = i18n.date(iso);
  if (!short) return <span class="date">{i18n.t('undated')}</span>;
  return (
    <time class="date" dateTime={iso ?? undefined} title={i18n.fullDate(iso)}>
      {short}
    </time>
  );
}
