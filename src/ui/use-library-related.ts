/**
 * The library's articles related to the page (reads and collections, from the background), asked once per
 * article page, and the page's one list: the archive's results and these merged by confidence
 * (src/library/related-merge.ts). Until they arrive, and when the library cannot answer, the list is the archive's.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RelatedResult } from '../lib/types';
import type { TabState } from '../messages';
import { mergeRelated } from '../library/related-merge';
import type { SilaClient } from './client';

/** `pageKey` "" asks nothing (no article page). null while this page's answer is on the way. */
export function useLibraryRelated(client: SilaClient, pageKey: string): readonly RelatedResult[] | null {
  const [found, setFound] = useState<{ key: string; results: RelatedResult[] }>({ key: '', results: [] });
  useEffect(() => {
    if (!pageKey || !client.libraryRelated) return;
    let live = true;
    client.libraryRelated().then(
      (results) => live && setFound({ key: pageKey, results }),
      () => live && setFound({ key: pageKey, results: [] }),
    );
    return () => void (live = false);
  }, [client, pageKey]);
  if (!pageKey || !client.libraryRelated) return [];
  // Another page's answer is never shown under this one while its own is on the way.
  return found.key === pageKey ? found.results : null;
}

/** The article page's related list from every source, at most `resultCount`, never the page itself. */
export function pageResults(state: TabState & { kind: 'article' }, library: readonly RelatedResult[] | null, resultCount: number): RelatedResult[] {
  if (!library || library.length === 0) return state.results.slice(0, resultCount);
  const ownUrls = [state.snapshot.url, state.snapshot.canonicalUrl].filter((u): u is string => !!u);
  return mergeRelated([state.results, library], { limit: resultCount, ownUrls });
}
