/**
 * The related run of `npm run related` and `npm run eval`: every query article through the engine the extension
 * uses, as ranked doc-id lists. How a story appears in this flat list is decided here (DESIGN.md "Stories in
 * the flat list"): its best member, then its other members ("also in"), each on its own line, until k lines.
 */
import { performance } from 'node:perf_hooks';
import type { SilaIndex } from '../../src/lib/engine';
import type { RelatedOptions } from '../../src/lib/related/related';
import type { CorpusArticle } from '../../src/lib/types';
import type { Run } from './metrics';

export type StoryLayout = 'members-after' | 'representative-only';

export interface RunRow {
  query: string;
  docs: { id: string; score: number; source: string | null }[];
  ms: number;
}

export async function relatedRow(
  index: SilaIndex,
  article: CorpusArticle,
  k: number,
  layout: StoryLayout = 'members-after',
  options: RelatedOptions = {},
): Promise<RunRow> {
  const start = performance.now();
  const results = await index.related(
    { title: article.title, body: article.body, published: article.published ?? null },
    { ...options, k },
  );
  const ms = performance.now() - start;
  const docs: RunRow['docs'] = [];
  for (const r of results) {
    if (docs.length >= k) break;
    docs.push({ id: r.doc.id, score: r.score, source: r.doc.source });
    if (layout === 'members-after') {
      for (const member of r.alsoIn) {
        if (docs.length >= k) break;
        docs.push({ id: member.id, score: r.score, source: member.source });
      }
    }
  }
  return { query: article.id, docs, ms };
}

/** The run over `articles` as doc-id lists by query id, the form the metrics read (timing left to the caller). */
export async function relatedRun(index: SilaIndex, articles: CorpusArticle[], k: number, layout: StoryLayout = 'members-after', options: RelatedOptions = {}): Promise<Run> {
  const run: Run = new Map();
  for (const article of articles) {
    const row = await relatedRow(index, article, k, layout, options);
    run.set(row.query, row.docs.map((d) => d.id));
  }
  return run;
}
