/** A counter that increases whenever what the active tab shows may have changed. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';

/** The content script reports a page shortly after it loads; ask again once more after that. */
const SETTLE_MS = 700;

export function useActiveTabChanges(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      setCount((n) => n + 1);
      clearTimeout(timer);
      timer = setTimeout(() => setCount((n) => n + 1), SETTLE_MS);
    };
    const onActivated = () => bump();
    const onUpdated = (_id: number, info: { status?: string; url?: string }, tab: { active?: boolean }) => {
      // Without the "tabs" permission `info.url` is absent, but `status` still tells when a page has loaded.
      if (tab.active && (info.status === 'complete' || info.url !== undefined)) bump();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      clearTimeout(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return count;
}
