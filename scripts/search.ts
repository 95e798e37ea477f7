/**
 * npm run search -- [--corpus FILE] --queries FILE [--k 10] [--index DIR]
 *
 * Toolbar search over a corpus, with the very index and engine the extension ships: for each line
 * {"query": "...", "id"?: "..."} of the queries file (JSONL, or JSONL.gz), prints
 * query_id<TAB>rank<TAB>doc_id<TAB>score, one line per hit. `id` defaults to the 1-based line number.
 * The index is built once per corpus into build/cache (scripts/lib/ensure-index.ts); --index uses a built one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { openIndex, type SilaIndex } from '../src/lib/engine';
import { loadSearcher, type Searcher } from '../src/lib/search/index';
import { defaultCorpusFile } from './paths';
import { parseArgs, runMain, UsageError } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';

export interface SearchQuery {
  id: string;
  query: string;
  /** Any other fields of the line (e.g. "target" in headline-paraphrases.jsonl). */
  [field: string]: unknown;
}

/** Lines of a JSONL(.gz) query file; a line without a string "query" is an error naming its line. */
export function readQueries(file: string): SearchQuery[] {
  let raw = readFileSync(file);
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  const out: SearchQuery[] = [];
  raw
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new UsageError(`${file}:${i + 1}: not JSON`);
      }
      if (typeof row?.query !== 'string') throw new UsageError(`${file}:${i + 1}: no "query" string`);
      out.push({ ...row, id: row.id == null ? String(i + 1) : String(row.id), query: row.query });
    });
  return out;
}

export interface OpenedSearch {
  /** The index directory searched (the shipped files). */
  dir: string;
  index: SilaIndex;
  /** The searcher the engine uses, for timing search alone. */
  searcher: Searcher;
  /** Hits as the extension gets them: through the engine when it serves search, else through the searcher. */
  search(query: string, k: number): Promise<{ position: number; id: string; score: number; matchedTerms: string[] }[]>;
  via: 'engine' | 'searcher';
}

/** Open the shipped index of a corpus (building it once if needed) and its toolbar search. */
export async function openSearch(options: { corpus?: string; index?: string } = {}): Promise<OpenedSearch> {
  const dir = options.index ? resolve(options.index) : await ensureIndex(resolve(options.corpus ?? defaultCorpusFile));
  const index = await openIndex(dirSource(dir));
  // The searcher used directly (timings in eval:search) names matched title words like the engine: titles at hand.
  const titles = await Promise.all(Array.from({ length: index.size }, async (_, p) => (await index.doc(p)).title));
  const searcher = await loadSearcher(dirSource(dir), { titleOf: (p) => titles[p] });
  let via: OpenedSearch['via'] = 'engine';
  try {
    await index.search('', { k: 1 });
  } catch {
    via = 'searcher'; // the engine does not serve search (yet): same files, same code, called directly
  }
  return {
    dir,
    index,
    searcher,
    via,
    async search(query, k) {
      if (via === 'engine') {
        const hits = await index.search(query, { k });
        return hits.map((h) => ({ position: h.position, id: h.doc.id, score: h.score, matchedTerms: h.matchedTerms }));
      }
      return Promise.all(searcher.search(query, { k }).map(async (h) => ({ ...h, id: (await index.doc(h.position)).id })));
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const queriesFile = args.get('queries');
  if (!queriesFile) throw new UsageError('usage: npm run search -- [--corpus FILE] --queries FILE [--k 10] [--index DIR]');
  const k = args.num('k', 10);
  const queries = readQueries(resolve(queriesFile));
  const opened = await openSearch({ corpus: args.get('corpus'), index: args.get('index') });
  const out: string[] = [];
  for (const q of queries) {
    const hits = await opened.search(q.query, k);
    hits.forEach((h, rank) => out.push(`${q.id}\t${rank + 1}\t${h.id}\t${h.score.toFixed(4)}`));
    if (out.length > 5000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runMain(main);
