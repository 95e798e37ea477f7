/**
 * The index for a corpus: public/index when it was built from that corpus by the current code, else built once
 * into build/cache/<key>/ and reused, so `npm run related`, `eval`, `search`
 * and `bench` query the very files the extension ships. The key covers the corpus (path, size, mtime) and the
 * code that builds the index (a hash of every src/lib and scripts/lib file but the query-time ones), so any
 * change to it rebuilds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultIndexDir, repoRoot } from '../paths';
import { META_FILE, type IndexParams } from '../../src/lib/index/format';
import { buildIndexDir } from './build';
import { CorpusError, schemaHint } from './read-corpus';

// The code an index depends on: all of src/lib but its query-time parts (related/ and engine.ts, which the
// layer check in .dependency-cruiser.cjs keeps the build side from importing), so that tuning the ranking
// reuses the index; and the scripts' library, which reads the corpus and writes the files.
const codeDirs = ['src/lib', 'scripts/lib'];
const queryTimeOnly = new Set(['src/lib/related', 'src/lib/engine.ts']);

/** The source files under `dir` (recursively, sorted, tests left out), as repository paths. */
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = `${dir}/${entry.name}`;
    if (queryTimeOnly.has(path)) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

export function codeVersion(): string {
  const hash = createHash('sha256');
  for (const file of codeDirs.flatMap(sourceFiles)) hash.update(`${file}\0`).update(readFileSync(join(repoRoot, file)));
  return hash.digest('hex').slice(0, 16);
}

/** What an index depends on: the corpus file (path, size, mtime) and the code that builds it. */
export function buildKeyFor(corpusFile: string): string {
  const file = resolve(corpusFile);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new CorpusError(`Corpus not found at ${file}: pass --corpus FILE or set SILA_CORPUS to ${schemaHint}.`);
  }
  return createHash('sha256').update(`${file}\0${st.size}\0${st.mtimeMs}\0${codeVersion()}`).digest('hex').slice(0, 16);
}

export function cacheDirFor(corpusFile: string): string {
  return join(repoRoot, 'build', 'cache', buildKeyFor(corpusFile));
}

/** The index in public/index (what the extension ships) when it was built from this corpus by this code. */
function shippedIndexFor(key: string): string | null {
  try {
    const meta = JSON.parse(readFileSync(join(defaultIndexDir, META_FILE), 'utf8')) as { sila?: { buildKey?: string } };
    return meta.sila?.buildKey === key ? defaultIndexDir : null;
  } catch {
    return null;
  }
}

/**
 * Directory holding the built index for `corpusFile`, building it first when absent. `params` (build-parameter
 * experiments, e.g. `{ keepTerms: 80 }`) give an index of their own, never the shipped one.
 */
export async function ensureIndex(
  corpusFile: string,
  options: { log?: (line: string) => void; params?: Partial<IndexParams> } = {},
): Promise<string> {
  const params = options.params && Object.keys(options.params).length > 0 ? options.params : undefined;
  const key = params
    ? `${buildKeyFor(corpusFile)}-${createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 8)}`
    : buildKeyFor(corpusFile);
  const shipped = params ? null : shippedIndexFor(key);
  if (shipped) return shipped;
  const dir = join(repoRoot, 'build', 'cache', key);
  if (existsSync(join(dir, META_FILE))) return dir;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  log(`building the index for ${corpusFile} into ${dir} (once; reused until the corpus or the code changes)`);
  const summary = await buildIndexDir({ corpus: resolve(corpusFile), out: dir, log, buildKey: key, params });
  // Beside the index, not in it: bench reports the build time and memory of the index it measures.
  writeFileSync(`${dir}.summary.json`, `${JSON.stringify({ ...summary, stats: { ...summary.stats } }, null, 1)}\n`);
  return dir;
}
