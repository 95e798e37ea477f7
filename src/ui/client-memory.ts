/**
 * An in-memory SilaClient with sample data (src/ui/sample-data.ts), switchable between every state the UI must
 * handle. Tests and scripts/ui-preview.ts use it; nothing here touches the browser.
 *
 * @example
 * const client = createMemoryClient({ state: 'empty' });
 * client.setState('error');                         // the next tabState() rejects
 */
import type { SilaClient } from './client';
import type { CollectionProgress, RestoreInfo, TabState } from '../messages';
import type { DocRecord, RelatedResult, SearchResult } from '../lib/types';
import { HOSTILE_TITLES, SAMPLE_EXTRA, SAMPLE_META, SAMPLE_RELATED, SAMPLE_SNAPSHOT, SAMPLE_COLLECTION_RESULT, newSampleCollection, sampleCollectionsAt, sampleReadsAt, sampleRestoreDone } from './sample-data';
import { normalize } from '../lib/text/normalize';

export type MemoryState = 'article' | 'empty' | 'not-article' | 'unsupported' | 'pending' | 'loading' | 'error' | 'hostile';

export interface MemoryClientOptions {
  state?: MemoryState;
  /** Delay before each answer, in ms (the "loading" state never answers). */
  delayMs?: number;
  /** Make search and about() fail too. */
  failAll?: boolean;
  /** A library of sample reads (sample-data.ts SAMPLE_READS) for "From your reading" and the options page. */
  library?: boolean;
}

export interface MemoryClient extends SilaClient {
  setState(state: MemoryState): void;
  /** URLs openArticle was asked to open, in order. */
  readonly opened: { url: string; background: boolean }[];
  /** Search calls received, in order. */
  readonly searches: string[];
  /** How many times collections() was asked (a page that follows changes asks only when one ends). */
  readonly collectionsAsked: () => number;
  /** As the background does for a running import: the collection's progress, told to onCollectionsChanged. */
  importProgress(id: number, articles: number, bytesRead: number): void;
  /** An import's end: the collection ready (or failed with `error`), told as the background tells it (null). */
  importEnded(id: number, error?: string): void;
}

function relatedResults(): RelatedResult[] {
  return SAMPLE_RELATED.map(({ terms, docs }, i) => ({
    doc: docs[0],
    position: i,
    score: 1 - i * 0.12,
    // The first four are what the badge counts (confidentCount 4 below); the rest are under 0.5, not listed.
    confidence: i < 4 ? 0.9 - i * 0.1 : 0.35,
    sharedTerms: terms,
    alsoIn: docs.slice(1),
  }));
}

function hostileResults(): RelatedResult[] {
  return HOSTILE_TITLES.map((title, i) => ({
    doc: {
      id: `hostile-${i}`,
      title,
      snippet: title,
      source: i === 0 ? '<b>Outlet</b>' : 'BBC Arabic',
      published: i === 1 ? 'not a date' : '2018-05-01T00:00:00Z',
      story: 100 + i,
      url: i % 2 === 0 ? 'javascript:alert(1)' : 'data:text/html,<script>alert(1)</script>',
    },
    position: i,
    score: 0.5,
    sharedTerms: ['<script>', 'عنوان'],
    alsoIn: [],
  }));
}

export const ALL_SAMPLE_DOCS: DocRecord[] = [...SAMPLE_RELATED.flatMap((s) => s.docs), ...SAMPLE_EXTRA];

/** A crude search over the sample docs, tolerant of the same spelling variants as the engine. */
export function sampleSearch(query: string, limit: number): SearchResult[] {
  const words = normalize(query).split(/\s+/).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const results: SearchResult[] = [];
  ALL_SAMPLE_DOCS.forEach((doc, position) => {
    const title = normalize(doc.title);
    const body = normalize(doc.snippet);
    let score = 0;
    const matched: string[] = [];
    for (const w of words) {
      if (title.includes(w)) score += 2;
      if (body.includes(w)) score += 1;
    }
    if (score === 0) return;
    for (const token of doc.title.split(/\s+/)) {
      if (words.some((w) => normalize(token).includes(w))) matched.push(token);
    }
    results.push({ doc, position, score, matchedTerms: matched });
  });
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}

export function createMemoryClient(options: MemoryClientOptions = {}): MemoryClient {
  let state: MemoryState = options.state ?? 'article';
  const delay = options.delayMs ?? 0;
  const opened: { url: string; background: boolean }[] = [];
  const searches: string[] = [];
  let reads = options.library ? 143 : 0;
  let collections = options.library ? sampleCollectionsAt(Date.now()) : [];
  let asked = 0;
  let restore: RestoreInfo | null = null;
  const restoreListeners = new Set<() => void>();
  const listeners = new Set<(progress: CollectionProgress | null) => void>();
  const tell = (progress: CollectionProgress | null) => listeners.forEach((l) => l(progress));
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, delay));

  const tabStateNow = (): TabState => {
    switch (state) {
      case 'article':
        return { kind: 'article', snapshot: SAMPLE_SNAPSHOT, results: relatedResults(), confidentCount: 4, corpusMatch: false };
      case 'hostile':
        return {
          kind: 'article',
          snapshot: { ...SAMPLE_SNAPSHOT, title: HOSTILE_TITLES[0], siteName: HOSTILE_TITLES[2] },
          results: hostileResults(),
          confidentCount: 0,
          corpusMatch: false,
        };
      case 'empty':
        return { kind: 'article', snapshot: SAMPLE_SNAPSHOT, results: [], confidentCount: 0, corpusMatch: false };
      case 'not-article':
        return { kind: 'not-article', url: 'https://www.example-news.com/ar/' };
      case 'unsupported':
        return { kind: 'unsupported' };
      default:
        return { kind: 'pending' };
    }
  };

  return {
    opened,
    searches,
    collectionsAsked: () => asked,
    importProgress(id, articles, bytesRead) {
      collections = collections.map((c) => (c.id === id ? { ...c, articles, bytesRead } : c));
      tell({ id, articles, bytesRead });
    },
    importEnded(id, error) {
      collections = collections.map((c) => (c.id === id ? { ...c, state: error ? 'failed' : 'ready', error: error ?? null, bytesRead: 0 } : c));
      tell(null);
    },
    setState(next) {
      state = next;
    },
    async tabState() {
      if (state === 'loading') return new Promise<TabState>(() => {});
      await wait();
      if (state === 'error') throw new Error('Could not establish connection. Receiving end does not exist.');
      return tabStateNow();
    },
    async search(query, limit) {
      searches.push(query);
      await wait();
      if (options.failAll) throw new Error('The index could not be read.');
      return sampleSearch(query, limit);
    },
    async about() {
      await wait();
      if (options.failAll) throw new Error('The index could not be read.');
      return SAMPLE_META;
    },
    async openArticle(url, { background }) {
      opened.push({ url, background });
    },
    ...(options.library && {
      async libraryRelated() {
        await wait();
        return state === 'article' ? [...sampleReadsAt(Date.now()), SAMPLE_COLLECTION_RESULT] : [];
      },
      async libraryStatus() {
        return { reads: reads, segmentBytes: reads * 2_400, persisted: true };
      },
      async forgetLibrary() {
        reads = 0;
      },
      async collections() {
        asked++;
        return collections;
      },
      onCollectionsChanged(listener: (progress: CollectionProgress | null) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      async addCollection(file: File) {
        const id = collections.length + 1;
        collections = [...collections, { ...newSampleCollection(id, file.name, file.size), addedAt: Date.now() }];
        return id;
      },
      // A restore ends at once with a sample report (the preview's shots of it; src/ui/sample-data.ts).
      async restoreLibrary(file: File) {
        restore = sampleRestoreDone((restore?.id ?? 0) + 1, file.name, file.size);
        reads += restore.reads;
        setTimeout(() => restoreListeners.forEach((l) => l()));
        return restore.id;
      },
      async restoreStatus() {
        return restore;
      },
      async cancelRestore() {
        restore = null;
      },
      onRestoreProgress(listener: () => void) {
        restoreListeners.add(listener);
        return () => void restoreListeners.delete(listener);
      },
    }),
  };
}
