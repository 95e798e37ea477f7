/**
 * The one-time card that asks whether to remember reads at all (src/library), until the user has answered.
 * Earlier reads related to the page are then listed among the related results, labelled "read 3 days ago".
 */
import { useUi } from '../context';
import { askPersistentStorage } from '../persist-storage';
import { DWELL_MS } from '../../library/dwell-time';

export function RememberCard() {
  const { i18n, settings, updateSettings } = useUi();
  if (settings.rememberReads !== 'unasked') return null;
  const choose = (rememberReads: 'on' | 'off') => {
    if (rememberReads === 'on') void askPersistentStorage();
    void updateSettings({ ...settings, rememberReads });
  };
  return (
    <section class="card remember-card" data-role="remember-card" aria-labelledby="remember-card-title">
      <h2 id="remember-card-title">{i18n.t('rememberCardTitle')}</h2>
      <p>{i18n.t('rememberCardBody', i18n.plural('secondsCount', DWELL_MS / 1000))}</p>
      <div class="actions">
        <button type="button" class="button primary" data-role="remember-yes" onClick={() => choose('on')}>
          {i18n.t('rememberYes')}
        </button>
        <button type="button" class="button" data-role="remember-no" onClick={() => choose('off')}>
          {i18n.t('rememberNo')}
        </button>
      </div>
    </section>
  );
}
