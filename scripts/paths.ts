/** Where build-time scripts find things. The corpus is never copied into the repository: it is read from
 * ../shared at run time, or from SILA_CORPUS / SILA_CORPUS_DIR, or from a --corpus flag. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folder holding the evaluation data (dev queries, judgments, paraphrases, reference runs). */
export const corpusDir = resolve(process.env.SILA_CORPUS_DIR ?? resolve(repoRoot, '..', 'shared', 'corpus', 'ant-2018'));

/** The corpus the extension bundles by default. */
export const defaultCorpusFile = resolve(process.env.SILA_CORPUS ?? resolve(corpusDir, 'articles.jsonl.gz'));

/** The built index that the extension ships (copied into dist/ by vite from public/). */
export const defaultIndexDir = resolve(repoRoot, 'public', 'index');
