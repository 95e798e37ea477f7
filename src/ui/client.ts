/**
 * How the popup, side panel and options page talk to the background: one typed interface, so the UI can be
 * developed and tested against an in-memory implementation (see client-memory.ts) without a browser.
 */
import type { CollectionInfo, CollectionProgress, ErrorKind, RestoreInfo, TabState } from '../messages';
import type { IndexMeta, RelatedResult, SearchResult } from '../lib/types';
import type { SearchHints } from '../lib/search/hints';

/** A failed call: its message for the details, its kind for the UI to choose its words by. */
export class SilaClientError extends Error {
  override name = 'SilaClientError';

  constructor(
    message: string,
    readonly kind: ErrorKind = 'failed',
  ) {
    super(message);
  }
}

export interface SilaClient {
  /**
   * The related-articles state for the active tab (or a given tab), from the background. `onCached`, if the
   * client can, is called first with the answer already stored for the tab when it still holds (see
   * ../tab-answer.ts), so the page can paint before the background has answered.
   */
  tabState(tabId?: number, opts?: { onCached?: (state: TabState) => void }): Promise<TabState>;
  /**
   * The stored answer for the active tab if it has already been read and still holds (the popup reads it before
   * its first render), so the first frame can show the list; null otherwise. Optional: clients without one never
   * have an answer ready.
   */
  storedNow?(): TabState | null;
  search(query: string, limit: number): Promise<SearchResult[]>;
  /** "Did you mean" and the Arabic spelling of a Latin query; optional (clients without one offer none). */
  searchHints?(query: string): Promise<SearchHints>;
  about(): Promise<IndexMeta>;
  /**
   * The library's articles related to the active tab's page (or a given tab's): reads and collections, best
   * first (messages.ts, library/related); optional: clients without a library have none.
   */
  libraryRelated?(tabId?: number): Promise<RelatedResult[]>;
  libraryStatus?(): Promise<{ reads: number; segmentBytes: number; persisted: boolean }>;
  /** Forget everything the library holds (remembered reads and collections). */
  forgetLibrary?(): Promise<void>;
  /** The collections, with the running import's progress; optional: clients without a library have none. */
  collections?(): Promise<CollectionInfo[]>;
  /**
   * Calls `listener` as the running import goes on: its progress after each stored chunk, and null when it has
   * ended (done, failed or stopped; ask collections() again). Returns the unsubscribe. Optional: a client
   * without it has the page ask collections() again after each action only.
   */
  onCollectionsChanged?(listener: (progress: CollectionProgress | null) => void): () => void;
  /**
   * While an import runs: keeps the background within reach, and calls `onLost` when it stopped (Chrome stops
   * an idle service worker); reaching it again starts it, and it resumes the import. Returns the stop.
   */
  watchBackground?(onLost: () => void): () => void;
  /** Stores a chosen corpus file as a new collection and has the background import it; returns its id. */
  addCollection?(file: File): Promise<number>;
  /** Stops an import (the half-imported collection is removed) or removes a collection. */
  removeCollection?(id: number, opts?: { cancel?: boolean }): Promise<void>;
  renameCollection?(id: number, name: string): Promise<CollectionInfo>;
  switchCollection?(id: number, enabled: boolean): Promise<CollectionInfo>;
  /** Stores a chosen backup (options → Export's file) and has the background restore it; returns the restore's id. */
  restoreLibrary?(file: File): Promise<number>;
  /** The running restore's progress, or the last one's report; null when there was none. */
  restoreStatus?(): Promise<RestoreInfo | null>;
  /** Stops a restore (its collections not yet ready are removed; the reads already back stay). */
  cancelRestore?(id: number): Promise<void>;
  /** Calls `listener` whenever a restore's progress changes (a chunk stored, the end); returns how to stop. */
  onRestoreProgress?(listener: () => void): () => void;
  /** Opens an article URL (only http/https) in a new tab; `background` keeps focus on the current one. */
  openArticle(url: string, opts: { background: boolean }): Promise<void>;
}
