/**
 * Every message between Sila's contexts, declared once: name → request → response. The compiler then checks
 * each sender and each handler (the Bitwarden pattern). Payload *shapes* are validated at run time by
 * src/background/validate.ts, since a message's type annotation is no evidence of where it came from.
 */
import type { ArticleSnapshot, IndexMeta, RelatedResult, SearchResult } from './lib/types';
import type { SearchHints } from './lib/search/hints';
import type { SkipReason } from './lib/corpus/parse-line';

/** What the popup and side panel show for a tab. */
export type TabState =
  | { kind: 'article'; snapshot: ArticleSnapshot; results: RelatedResult[]; confidentCount: number; corpusMatch: boolean }
  | { kind: 'not-article'; url: string }
  | { kind: 'unsupported' }
  | { kind: 'pending' }
  /** Sila made room in storage by letting this tab's page go, and the page could not send it again. */
  | { kind: 'not-kept' };

export interface MessageMap {
  /** content script → background: the page's snapshot (sent on load and on single-page navigation). */
  'page/snapshot': { request: { snapshot: ArticleSnapshot }; response: { confidentCount: number } };
  /** popup / side panel → background: the related articles for a tab. */
  'tab/state': { request: { tabId: number }; response: TabState };
  /** popup / side panel / omnibox → background: search the corpus. */
  'corpus/search': { request: { query: string; limit: number }; response: SearchResult[] };
  /** popup / side panel → background: "did you mean" and, for a Latin query, its Arabic spelling (search-hints.ts). */
  'corpus/search-hints': { request: { query: string }; response: SearchHints };
  /** popup / options → background: what the bundled corpus is. */
  'corpus/about': { request: Record<string, never>; response: IndexMeta };
  /** content script → background: the article at `url` has been visible 15 s (kept only if remembering is on). */
  'library/remember': { request: { url: string }; response: { kept: LibraryKept } };
  /**
   * popup / side panel → background: the library's articles related to a tab's page (earlier reads, each with
   * `readAt`; collections' articles, each with `collection`), best confidence first; the UI merges them with
   * the archive's results by that confidence (src/library/related-merge.ts).
   */
  'library/related': { request: { tabId: number }; response: RelatedResult[] };
  /** options → background: how much the library holds. */
  'library/status': { request: Record<string, never>; response: { reads: number; segmentBytes: number; persisted: boolean } };
  /** options / popup → background: forget everything (the library's database is deleted). */
  'library/forget': { request: Record<string, never>; response: { reads: number } };
  /** options → background: the collections, with each import's progress (the page asks again while one runs). */
  'collections/list': { request: Record<string, never>; response: CollectionInfo[] };
  /**
   * options → background: import a collection the page has staged (IndexedDbCollections.stage: the file is in
   * the library's database, since a runtime message cannot carry a Blob in Chrome). Answers once it has started.
   */
  'collections/import': { request: { id: number }; response: { started: boolean } };
  /** options → background: stop an import; the half-imported collection is removed. */
  'collections/cancel': { request: { id: number }; response: { removed: boolean } };
  'collections/rename': { request: { id: number; name: string }; response: CollectionInfo };
  /** options → background: switch a collection off (its articles leave related and search) or on again. */
  'collections/switch': { request: { id: number; enabled: boolean }; response: CollectionInfo };
  /** options → background: remove a collection, its articles and its index (an import of it is stopped first). */
  'collections/remove': { request: { id: number }; response: { removed: boolean } };
  /**
   * options → background: restore the backup the page has staged (IndexedDbRestores.stageRestore, as a
   * collection's file is staged): its reads back as reads, its collections as collections. Answers once started.
   */
  'library/restore': { request: { id: number }; response: { started: boolean } };
  /** options → background: the running restore's progress, or the last one's report (null: none). */
  'library/restore-status': { request: Record<string, never>; response: RestoreInfo | null };
  /** options → background: stop a restore; its collections not yet ready are removed, the reads back stay. */
  'library/restore-cancel': { request: { id: number }; response: { cancelled: boolean } };
}

/**
 * storage.session key the background writes a running restore's progress to, per chunk, and removes at its end:
 * the options page listens to its changes rather than asking on a timer.
 */
export const RESTORE_PROGRESS_KEY = 'sila:libraryRestore';

/** A restore from a backup as the options page shows it. */
export interface RestoreInfo {
  id: number;
  fileName: string;
  fileBytes: number;
  /** `failed` says why in `error`. */
  state: 'restoring' | 'done' | 'failed';
  /** While restoring: bytes of the file read so far (0 before it starts). */
  bytesRead: number;
  /** Reads put back, and reads the library held already (left as they were). */
  reads: number;
  readsKnown: number;
  /** Collection articles put back, and articles of collections the library held already. */
  articles: number;
  articlesKnown: number;
  /** The backup's collections: their names, and whether the library held each already. */
  collections: { name: string; known: boolean }[];
  skipped: { line: number; reason: string; why?: SkipReason }[];
  skippedTotal: number;
  error: string | null;
  /** Failed because the file has no backup line at all (library-restore.ts NotABackup): it can be added as a collection. */
  notBackup: boolean;
}

/** A collection as the options page lists it. */
export interface CollectionInfo {
  id: number;
  name: string;
  fileName: string;
  /** Size of the chosen file, bytes. */
  fileBytes: number;
  /** ms since the epoch. */
  addedAt: number;
  /** `importing` and `failed` collections are never in related or search; `failed` says why in `error`. */
  state: 'importing' | 'ready' | 'failed';
  enabled: boolean;
  articles: number;
  /**
   * The first bad lines (number and reason, as `npm run build:index` reports them), and how many there were.
   * `why`: the reason as data, for the settings page's own words (absent for a line stored before it was kept).
   */
  skipped: { line: number; reason: string; why?: SkipReason }[];
  skippedTotal: number;
  /** While importing: bytes of the file read so far by the running import (0 before it starts). */
  bytesRead: number;
  error: string | null;
}

/** Why a read was or was not kept. */
/**
 * storage.session key of the running collection import's progress: the background writes it when an import
 * starts and after each stored chunk, and removes it when the import ends (done, failed or stopped), so a page
 * that shows the collections follows it through storage.onChanged instead of asking again and again.
 */
export const COLLECTION_PROGRESS_KEY = 'sila:collectionImport';

/**
 * runtime.connect port name a settings page holds open while an import runs: a stopped background closes it,
 * and the page's reconnecting starts the background again, which resumes the import (collection-handlers.ts
 * resumeImports). The background says it is there with one message; a port closed before that message (refused,
 * or a background that cannot start) is not opened again, so a page never reconnects in a loop.
 */
export const COLLECTIONS_WATCH_PORT = 'sila:collections-watch';

/** What COLLECTION_PROGRESS_KEY holds. */
export interface CollectionProgress {
  id: number;
  articles: number;
  bytesRead: number;
}

export type LibraryKept = 'added' | 'updated' | 'off' | 'not-article' | 'private' | 'silenced';

export type MessageName = keyof MessageMap;
export type RequestOf<N extends MessageName> = MessageMap[N]['request'];
export type ResponseOf<N extends MessageName> = MessageMap[N]['response'];

/** The envelope that travels through runtime.sendMessage. */
export interface Envelope<N extends MessageName = MessageName> {
  sila: 1;
  name: N;
  payload: RequestOf<N>;
}

/**
 * What kind of failure an error reply reports, for the UI to choose its words by (the message is for details):
 * `corrupt-package`, the installed index is damaged and only a reinstall helps; `failed`, anything else.
 */
export type ErrorKind = 'corrupt-package' | 'failed';
export const ERROR_KINDS: readonly ErrorKind[] = ['corrupt-package', 'failed'];

/** What the background answers: a value, or an error the UI can show. Never a thrown exception across contexts. */
export type Reply<N extends MessageName> = { ok: true; value: ResponseOf<N> } | { ok: false; error: string; kind: ErrorKind };

/** Limits the background enforces on payloads (a page controls the snapshot's content). */
export const LIMITS = {
  titleChars: 2_000,
  textChars: 200_000,
  urlChars: 4_096,
  queryChars: 500,
  maxSearchLimit: 50,
  collectionNameChars: 200,
} as const;
