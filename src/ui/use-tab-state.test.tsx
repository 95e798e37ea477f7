import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { TabState } from '../messages';
import type { SilaClient } from './client';
import { installDom, settle } from './test-dom';
import { useTabState, type TabLoad } from './use-tab-state';

let document: Document;
beforeAll(() => {
  document = installDom();
});

const stateWith = (title: string): TabState => ({
  kind: 'article',
  snapshot: { isArticle: true, title, text: '', lang: 'ar', dir: 'rtl', url: 'https://a.example/', canonicalUrl: null, published: null, siteName: null },
  results: [],
  confidentCount: 0,
  corpusMatch: false,
});

/** A client whose stored answer and background answer arrive when the test says so. */
function controlledClient() {
  let cached: ((s: TabState) => void) | undefined;
  let fresh: ((s: TabState) => void) | undefined;
  const client = {
    tabState: (_id?: number, opts?: { onCached?: (s: TabState) => void }) => {
      cached = opts?.onCached;
      return new Promise<TabState>((resolve) => (fresh = resolve));
    },
  } as unknown as SilaClient;
  return { client, cached: (s: TabState) => cached?.(s), fresh: (s: TabState) => fresh!(s) };
}

function mount(client: SilaClient) {
  const seen: TabLoad[] = [];
  function Probe() {
    const { load } = useTabState(client);
    // Every new state object counts (an identical answer must not replace what is painted), but loading once.
    const last = seen.at(-1);
    if (last !== load && !(last?.status === 'loading' && load.status === 'loading')) seen.push(load);
    return null;
  }
  render(<Probe />, document.getElementById('root')!);
  return seen;
}

const titles = (seen: TabLoad[]) => seen.map((l) => (l.status === 'ready' && l.state.kind === 'article' ? l.state.snapshot.title : l.status));

describe('useTabState', () => {
  it('renders an answer the client already holds in its very first render, then keeps it when confirmed', async () => {
    const { client, cached, fresh } = controlledClient();
    (client as { storedNow?: () => TabState | null }).storedNow = () => stateWith('ready before render');
    const seen = mount(client);
    expect(titles(seen)).toEqual(['ready before render']); // synchronously, before any effect or promise
    await settle();
    cached(stateWith('ready before render'));
    await settle();
    fresh(stateWith('ready before render'));
    await settle();
    expect(titles(seen).filter((t) => t !== 'ready before render')).toEqual([]);
  });

  it('paints the stored answer at once, and keeps it when the background says the same', async () => {
    const { client, cached, fresh } = controlledClient();
    const seen = mount(client);
    await settle();
    cached(stateWith('stored'));
    await settle();
    fresh(stateWith('stored'));
    await settle();
    expect(titles(seen)).toEqual(['loading', 'stored']);
  });

  it("replaces the stored answer with the background's when they differ, and ignores a late stored one", async () => {
    const { client, cached, fresh } = controlledClient();
    const seen = mount(client);
    await settle();
    cached(stateWith('stored'));
    await settle();
    fresh(stateWith('fresh'));
    await settle();
    cached(stateWith('late'));
    await settle();
    expect(titles(seen)).toEqual(['loading', 'stored', 'fresh']);
  });
});
