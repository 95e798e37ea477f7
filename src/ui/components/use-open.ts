/**
 * Opening an article from a link: a plain click or Enter opens it in a new foreground tab; Ctrl/Cmd+click,
 * Ctrl/Cmd+Enter or a middle click open it in the background, so the reader stays on the page.
 * The browser is never left to follow the href itself: the client checks the URL is http(s) first.
 */
import { useUi } from '../context';

export function useOpenHandler() {
  const { client } = useUi();
  return (event: MouseEvent, url: string) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    event.preventDefault();
    const background = event.ctrlKey || event.metaKey || event.button === 1;
    void client.openArticle(url, { background });
  };
}

/** Enter on a focused result opens it; with Ctrl/Cmd in the background (not every browser passes the
 * modifier on to the synthetic click, so Enter is handled here). */
export function useEnterHandler() {
  const { client } = useUi();
  return (event: KeyboardEvent, url: string) => {
    if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
    event.preventDefault();
    void client.openArticle(url, { background: event.ctrlKey || event.metaKey });
  };
}
