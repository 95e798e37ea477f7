/** The toolbar badge: how many related articles Sila is confident about, per tab. */
import browser from 'webextension-polyfill';

const BADGE_COLOUR = '#0f766e';

export async function showCount(tabId: number, count: number, enabled: boolean): Promise<void> {
  const text = enabled && count > 0 ? String(count) : '';
  // The tab may have closed while we were ranking; that is not an error worth reporting.
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => undefined);
}
