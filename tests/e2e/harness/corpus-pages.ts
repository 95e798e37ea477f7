/**
 * Test pages made at run time from the evaluation data in ../shared (never committed): a held-out dev query
 * article rendered like a real outlet's page, and the judgments saying which corpus articles are related to it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { corpusDir } from '../../../scripts/paths';
import type { CorpusArticle } from '../../../src/lib/types';

export interface JudgedQuery {
  article: CorpusArticle;
  /** Corpus ids judged related (grade ≥ 1) to the article. */
  related: Set<string>;
}

/**
 * The judged dev query with the most related judgments: a page where a good engine has plenty to find
 * (`rank` 1, 2, … gives the next ones, for a test that needs a second article).
 */
export function bestJudgedQuery(rank = 0): JudgedQuery {
  const related = new Map<string, Set<string>>();
  for (const line of readFileSync(resolve(corpusDir, 'dev-qrels.tsv'), 'utf8').split('\n')) {
    const [query, doc, grade] = line.split('\t');
    if (!line.startsWith('#') && doc && Number(grade) >= 1) {
      if (!related.has(query)) related.set(query, new Set());
      related.get(query)!.add(doc);
    }
  }
  const [queryId, docs] = [...related].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[rank];
  const lines = gunzipSync(readFileSync(resolve(corpusDir, 'dev-queries.jsonl.gz'))).toString('utf8').split('\n');
  const article = lines.filter(Boolean).map((l) => JSON.parse(l) as CorpusArticle).find((a) => a.id === queryId);
  if (!article) throw new Error(`dev query ${queryId} is judged but missing from dev-queries.jsonl.gz`);
  return { article, related: docs };
}

/** A corpus article with a URL (the first one in the file): a page that IS in the bundled corpus. */
export function firstCorpusArticleWithUrl(corpusFile: string): CorpusArticle {
  // The first few hundred KB hold plenty of articles; no need to inflate the whole corpus.
  const head = gunzipSync(readFileSync(corpusFile).subarray(0, 256 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  for (const line of head.toString('utf8').split('\n').slice(0, -1)) {
    const article = JSON.parse(line) as CorpusArticle;
    if (article.url?.startsWith('http')) return article;
  }
  throw new Error(`no article with a URL at the start of ${corpusFile}`);
}
