/**
 * A page's related articles in the user's collections: the ready, switched-on collections' segments ranked by
 * the library's arithmetic (rank.ts, the bundled engine's weights and confidence), each hit turned into a
 * RelatedResult labelled with its collection, so it merges with the bundled results by one confidence.
 * Segments are decoded once and kept until a collection changes (`forget()`), and seen as one (segment-view.ts)
 * soon after the first question.
 */
import type { RelatedResult } from '../lib/types';
import type { CollectionStore } from './collection-import';
import { engineFrom, type EngineSource } from './library';
import { rankLibrary } from './rank';
import { decodeSegment, type Segment } from './segment';
import { SegmentsForQuery } from './segment-view';

export class CollectionIndex {
  private loaded: Promise<{ segments: SegmentsForQuery; names: Map<number, string> }> | null = null;

  constructor(
    private readonly store: CollectionStore,
    private readonly engine: EngineSource,
  ) {}

  /** Starts reading the segments if they are not read yet (they need no engine: a cold start reads them meanwhile). */
  warm(): void {
    this.load().catch(() => undefined);
  }

  /** Call after an import, a rename, a switch or a removal. */
  forget(): void {
    this.loaded = null;
  }

  private load() {
    this.loaded ??= (async () => {
      const visible = (await this.store.collections()).filter((c) => c.state === 'ready' && c.enabled);
      // Every collection's segments asked at once, kept in the collections' order.
      const stored = await Promise.all(visible.map((c) => this.store.segments(c.id)));
      const segments: Segment[] = stored.flat().map(decodeSegment);
      return { segments: new SegmentsForQuery(segments), names: new Map(visible.map((c) => [c.id, c.name])) };
    })().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  async related(page: { title: string; text: string; published?: string | null; urls: string[] }, limit: number): Promise<RelatedResult[]> {
    const engine = engineFrom(this.engine);
    engine.catch(() => undefined); // awaited below, unless the segments cannot be read
    const { segments, names } = await this.load();
    if (segments.segments.length === 0) return [];
    const { query, k1 } = (await engine).query({ title: page.title, body: page.text, published: page.published });
    if (query.terms.length === 0) return [];
    const hits = rankLibrary(segments.current(), query, { k1, limit: limit + page.urls.length });
    // Only the hits' own records are read: a query never walks a collection's stored text.
    const byId = new Map((await this.store.articlesByIds(hits.map((h) => h.id))).map((a) => [a.id, a]));
    const own = new Set(page.urls);
    const out: RelatedResult[] = [];
    for (const h of hits) {
      const found = byId.get(h.id);
      if (!found || (found.article.url && own.has(found.article.url))) continue;
      const a = found.article;
      out.push({
        doc: { id: a.id, title: a.title, url: a.url ?? null, source: a.source ?? null, published: a.published ?? null, snippet: a.body.slice(0, 200), story: -1 },
        position: -1,
        score: h.score,
        sharedTerms: [],
        alsoIn: [],
        confidence: h.confidence,
        collection: { id: found.collection, name: names.get(found.collection)! },
      });
    }
    return out.slice(0, limit);
  }
}
