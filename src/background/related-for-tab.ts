/** From a page snapshot to the related articles shown for it, by the same engine `npm run related` uses. */
import type { SilaIndex } from '../lib/engine';
import type { ArticleSnapshot, RelatedQuery, RelatedResult } from '../lib/types';

export interface RelatedForPage {
  results: RelatedResult[];
  /** True when the page is itself a corpus article (then its precomputed neighbours answer). */
  corpusMatch: boolean;
}

export async function relatedForSnapshot(index: SilaIndex, snapshot: ArticleSnapshot, limit: number): Promise<RelatedForPage> {
  const position = await index.findCorpusArticle({
    url: snapshot.url,
    canonicalUrl: snapshot.canonicalUrl,
    title: snapshot.title,
    text: snapshot.text,
  });
  const query: RelatedQuery = { title: snapshot.title, body: snapshot.text, published: snapshot.published };
  // A corpus article's neighbours were ranked at build time; the page's own words still explain each one.
  if (position >= 0) return { results: await index.relatedToPosition(position, { k: limit, query }), corpusMatch: true };
  return { results: await index.related(query, { k: limit }), corpusMatch: false };
}
