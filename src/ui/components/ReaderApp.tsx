/**
 * The popup and the side panel: a header with Sila's name and the search box; the tab's related articles, or
 * search results while there is a query, or the "about this archive" view; a footer.
 * Keyboard: arrows move through results (ArrowDown from the search box enters the list, ArrowUp from the first
 * result returns), Enter opens, Ctrl/Cmd+Enter opens in the background, Esc clears the search.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useUi } from '../context';
import { handleListKey } from '../list-nav';
import { shownCount } from '../related-sections';
import { useSearch } from '../use-search';
import { useSearchHints } from '../use-search-hints';
import { useTabState, type TabLoad } from '../use-tab-state';
import type { Settings } from '../../settings';
import { silencedPageUrl, tabPageUrl } from '../tab-page';
import { AboutCorpus } from './AboutCorpus';
import { Footer } from './Footer';
import { Logo } from './Logo';
import { SearchBox } from './SearchBox';
import { SearchView } from './SearchView';
import { TabView } from './TabView';
import { pageResults, useLibraryRelated } from '../use-library-related';
import type { RelatedResult } from '../../lib/types';

export function ReaderApp({ variant, refreshKey = 0, initialQuery = '' }: { variant: 'popup' | 'sidepanel'; refreshKey?: unknown; initialQuery?: string }) {
  const { client, i18n, settings } = useUi();
  const [query, setQuery] = useState(initialQuery);
  const [about, setAbout] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const { load: search, retry: retrySearch } = useSearch(client, query);
  const hints = useSearchHints(client, search);
  const { load, retry } = useTabState(client, refreshKey);

  useEffect(() => {
    if (variant === 'popup') inputRef.current?.focus();
  }, [variant]);


  const focusSearch = () => {
    setAbout(false);
    inputRef.current?.focus();
  };
  // Esc clears the search from anywhere in the popup, a focused result too (the search box handles its own Esc);
  // focus returns to the box. With no query, Esc is left to the browser, which closes the popup.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && query && !e.defaultPrevented) {
      e.preventDefault();
      setQuery('');
      inputRef.current?.focus();
      return;
    }
    handleListKey(e, e.currentTarget as HTMLElement);
  };
  const state = load.status === 'ready' ? load.state : null;
  const pageUrl = tabPageUrl(state);
  const searching = query.trim() !== '';

  // A new query, view or page (the side panel follows the active tab) starts at the top.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [searching, about, pageUrl]);
  const article = state?.kind === 'article' ? state : null;
  const library = useLibraryRelated(client, article ? article.snapshot.url : '');
  const results = article ? pageResults(article, library, settings.resultCount) : null;
  const stateName = tabStateName(load, settings, results, library === null);

  return (
    // data-state names the tab's state for tests and styles: loading, stuck, error, article, empty,
    // not-article, unsupported, silent.
    <div class={`app app-${variant}`} data-state={stateName} onKeyDown={onKeyDown}>
      <header class="head">
        <div class="brand">
          <Logo />
          <h1 class="brand-name">{i18n.t('appName')}</h1>
        </div>
        <SearchBox
          value={query}
          inputRef={inputRef}
          onInput={(value) => {
            setQuery(value);
            if (value) setAbout(false);
          }}
        />
      </header>
      <main class="main" ref={mainRef}>
        {about ? (
          <div class="about-view">
            <button type="button" class="link-button back" onClick={() => setAbout(false)}>
              <span aria-hidden="true" class="back-arrow">←</span> {i18n.t('back')}
            </button>
            <AboutCorpus />
          </div>
        ) : searching ? (
          <SearchView load={search} retry={retrySearch} hints={hints?.hints} onQuery={setQuery} />
        ) : (
          <TabView load={load} retry={retry} onSearch={focusSearch} pageResults={results} />
        )}
      </main>
      <Footer pageUrl={pageUrl} aboutOpen={about} onAbout={() => setAbout((open) => !open)} />
    </div>
  );
}

function tabStateName(load: TabLoad, settings: Settings, results: readonly RelatedResult[] | null, libraryPending: boolean): string {
  if (load.status !== 'ready') return load.status;
  const state = load.state;
  if (silencedPageUrl(state, settings)) return 'silent';
  // Not "empty" before the library has answered: its articles may fill a list the archive leaves empty.
  if (state.kind === 'article' && shownCount(results ?? state.results, settings) === 0) return libraryPending ? 'pending' : 'empty';
  return state.kind;
}
