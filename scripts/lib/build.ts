/**
 * Corpus file → index directory: stream the corpus into IndexBuilder, add the toolbar-search files, hash
 * everything into meta.json, and write it all to a temporary directory renamed into place at the end, so an
 * interrupted or failed build never leaves a partial index behind.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IndexBuilder } from '../../src/lib/index/build.ts';
import { MAX_FILE_BYTES, META_FILE, type IndexParams, type ShippedMeta } from '../../src/lib/index/format.ts';
import type { CorpusArticle } from '../../src/lib/types.ts';
import { formatSkipSummary, openCorpus, type CorpusStats, type SkippedLine } from './read-corpus.ts';
import { Progress } from './progress.ts';

export interface BuildRun {
  corpus: string;
  out: string;
  params?: Partial<IndexParams>;
  /** Print each skipped line (default: the first 20, then only the summary). */
  verboseSkips?: boolean;
  log?: (line: string) => void;
  /** Show progress (bar on a TTY, plain lines otherwise). Default true. */
  progress?: boolean;
}

export interface BuildSummary {
  stats: CorpusStats;
  articles: number;
  stories: number;
  files: { name: string; bytes: number }[];
  totalBytes: number;
  seconds: number;
  peakRssMB: number;
}

/** Signature of src/lib/search's builder: search files (names starting with "search") from the indexed articles. */
type BuildSearchFiles = (docs: SearchDoc[]) => Record<string, string | Uint8Array> | Promise<Record<string, string | Uint8Array>>;
export interface SearchDoc {
  position: number;
  id: string;
  title: string;
  body: string;
}

export async function buildIndexDir(run: BuildRun): Promise<BuildSummary> {
  const log = run.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  let shownSkips = 0;
  const onSkip = (s: SkippedLine) => {
    if (run.verboseSkips || shownSkips < 20) log(`  skipped ${s.reason}`);
    else if (shownSkips === 20) log('  … more skipped lines in the summary');
    shownSkips++;
  };
  const corpus = openCorpus(run.corpus, { onSkip });
  const progress = new Progress(run.progress !== false);
  const builder = new IndexBuilder({
    corpusName: corpusName(run.corpus),
    licenceNote: licenceNote(run.corpus),
    params: run.params,
    onProgress: (phase, done, total) => {
      sampleMemory();
      progress.update(phase, done, total);
    },
  });
  const searchBuilder = await loadSearchBuilder(log);
  const searchDocs: SearchDoc[] = [];
  for await (const article of corpus.articles) {
    if (searchBuilder) searchDocs.push(searchDoc(article, builder.count));
    builder.add(article);
    if (corpus.stats.read % 500 === 0) {
      sampleMemory();
      progress.update('reading', corpus.stats.bytesRead, corpus.stats.totalBytes, `${corpus.stats.read} articles`);
    }
  }
  progress.update('reading', corpus.stats.totalBytes, corpus.stats.totalBytes, `${corpus.stats.read} articles`);
  const built = builder.finish();
  sampleMemory();
  const files = new Map<string, Uint8Array>(built.files);
  const searchFiles: string[] = [];
  if (searchBuilder) {
    progress.update('search', 0, 1);
    for (const [name, content] of Object.entries(await searchBuilder(searchDocs))) {
      if (!name.startsWith('search')) throw new Error(`search file ${name} must start with "search"`);
      files.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      searchFiles.push(name);
    }
    progress.update('search', 1, 1);
  }
  searchDocs.length = 0;
  sampleMemory();
  progress.done();

  for (const [name, bytes] of files) {
    if (bytes.byteLength > MAX_FILE_BYTES) throw new Error(`index file ${name} is ${bytes.byteLength} bytes, over the ${MAX_FILE_BYTES} limit`);
  }
  const meta: ShippedMeta = {
    ...built.meta,
    builtAt: new Date().toISOString(),
    sila: { ...built.meta.sila, searchFiles },
    files: [...files].map(([name, bytes]) => ({ name, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') })),
  };

  const tmp = `${run.out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(tmp, name), bytes);
  await writeFile(join(tmp, META_FILE), `${JSON.stringify(meta, null, 1)}\n`);
  await mkdir(dirname(run.out), { recursive: true });
  if (existsSync(run.out)) await rm(run.out, { recursive: true, force: true });
  await rename(tmp, run.out);

  const summary: BuildSummary = {
    stats: corpus.stats,
    articles: meta.corpus.articleCount,
    stories: meta.corpus.storyCount,
    files: meta.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    totalBytes: meta.files.reduce((sum, f) => sum + f.bytes, 0),
    seconds: (Date.now() - started) / 1000,
    peakRssMB: Math.round(sampleMemory() / 1e6),
  };
  log(
    `read ${corpus.stats.lines} lines, indexed ${summary.articles} articles in ${summary.stories} stories, ${formatSkipSummary(corpus.stats)}`,
  );
  log(
    `wrote ${meta.files.length + 1} files (${(summary.totalBytes / 1e6).toFixed(1)} MB) to ${run.out} in ${summary.seconds.toFixed(1)} s, peak RSS ${summary.peakRssMB} MB`,
  );
  return summary;
}

function searchDoc(article: CorpusArticle, position: number): SearchDoc {
  return { position, id: article.id, title: article.title, body: article.body };
}

/** src/lib/search's buildSearchFiles when it exists; the related index builds without it. */
async function loadSearchBuilder(log: (line: string) => void): Promise<BuildSearchFiles | null> {
  const path = '../../src/lib/search/index.ts';
  try {
    const mod = (await import(path)) as { buildSearchFiles?: BuildSearchFiles };
    if (typeof mod.buildSearchFiles === 'function') return mod.buildSearchFiles;
    log('note: src/lib/search has no buildSearchFiles yet: building without toolbar search files');
  } catch {
    log('note: src/lib/search is not there yet: building without toolbar search files');
  }
  return null;
}

function corpusName(file: string): string {
  const name = basename(dirname(file));
  return name && name !== '.' ? name : basename(file).replace(/\.jsonl(\.gz)?$/, '');
}

function licenceNote(file: string): string {
  if (existsSync(join(dirname(file), 'licenses'))) {
    return `See ${basename(dirname(file))}/licenses: the corpus authors' terms apply (research-oriented for ANT).`;
  }
  return '';
}
