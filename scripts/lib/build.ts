/**
 * Corpus file → index directory: stream the corpus into IndexBuilder, add the toolbar-search files, hash
 * everything into meta.json, and write it all to a temporary directory renamed into place at the end, so an
 * interrupted or failed build never leaves a partial index behind.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IndexBuilder } from '../../src/lib/index/build';
import { MAX_FILE_BYTES, META_FILE, type IndexParams, type ShippedMeta } from '../../src/lib/index/format';
import { formatSkipSummary, openCorpus, type CorpusStats, type SkippedLine } from './read-corpus';
import { Progress } from './progress';
import { readCorpusCredit } from './corpus-credit';
import { buildSearchFiles, searchTuning, type SearchDocInput } from '../../src/lib/search/index';

export interface BuildRun {
  corpus: string;
  out: string;
  params?: Partial<IndexParams>;
  /** Print each skipped line (default: the first 20, then only the summary). */
  verboseSkips?: boolean;
  log?: (line: string) => void;
  /** Recorded in meta.json (sila.buildKey) so ensureIndex can reuse this very index. */
  buildKey?: string;
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
  /** Wall time of each build phase. */
  phaseSeconds: Record<string, number>;
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
  const phaseTimes = new Map<string, number>();
  let lastPhase = 'reading';
  let lastPhaseStart = Date.now();
  const enterPhase = (phase: string) => {
    if (phase === lastPhase) return;
    phaseTimes.set(lastPhase, (phaseTimes.get(lastPhase) ?? 0) + Date.now() - lastPhaseStart);
    [lastPhase, lastPhaseStart] = [phase, Date.now()];
  };
  const builder = new IndexBuilder({
    corpusName: corpusName(run.corpus),
    licenceNote: licenceNote(run.corpus),
    credit: readCorpusCredit(dirname(run.corpus)),
    params: run.params,
    onProgress: (phase, done, total) => {
      sampleMemory();
      enterPhase(phase);
      progress.update(phase, done, total);
    },
  });
  // The toolbar search only reads the lead of each body: keep no more than that until it is built.
  const searchDocs: SearchDocInput[] = [];
  const keepChars = searchTuning.leadChars * 2 + 200;
  for await (const article of corpus.articles) {
    searchDocs.push({
      position: builder.count,
      title: article.title,
      body: article.body.length > keepChars ? article.body.slice(0, keepChars) : article.body,
      source: article.source ?? null,
      published: article.published ?? null,
    });
    builder.add(article);
    if (corpus.stats.read % 500 === 0) {
      sampleMemory();
      progress.update('reading', corpus.stats.bytesRead, corpus.stats.totalBytes, `${corpus.stats.read} articles`);
    }
  }
  progress.update('reading', corpus.stats.totalBytes, corpus.stats.totalBytes, `${corpus.stats.read} articles`);
  // The search files first, so their inputs are freed before the related index's bigger working set.
  enterPhase('search');
  progress.update('search', 0, 1);
  const searchOutput = new Map<string, Uint8Array>();
  // titles: false — the engine hands the searcher titles from the doc store, so they are not shipped twice.
  for (const [name, content] of Object.entries(buildSearchFiles(searchDocs, { titles: false }))) {
    if (!name.startsWith('search')) throw new Error(`search file ${name} must start with "search"`);
    searchOutput.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  searchDocs.length = 0;
  progress.update('search', 1, 1);
  sampleMemory();
  const built = builder.finish();
  sampleMemory();
  const files = new Map<string, Uint8Array>([...built.files, ...searchOutput]);
  const searchFiles = [...searchOutput.keys()];
  enterPhase('writing');
  progress.done();

  for (const [name, bytes] of files) {
    if (bytes.byteLength > MAX_FILE_BYTES) throw new Error(`index file ${name} is ${bytes.byteLength} bytes, over the ${MAX_FILE_BYTES} limit`);
  }
  const meta: ShippedMeta = {
    ...built.meta,
    builtAt: new Date().toISOString(),
    sila: { ...built.meta.sila, searchFiles, buildKey: run.buildKey },
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

  enterPhase('done');
  const summary: BuildSummary = {
    stats: corpus.stats,
    articles: meta.corpus.articleCount,
    stories: meta.corpus.storyCount,
    files: meta.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    totalBytes: meta.files.reduce((sum, f) => sum + f.bytes, 0),
    seconds: (Date.now() - started) / 1000,
    peakRssMB: Math.round(sampleMemory() / 1e6),
    phaseSeconds: Object.fromEntries([...phaseTimes].map(([k, v]) => [k, v / 1000])),
  };
  log(
    `read ${corpus.stats.lines} lines, indexed ${summary.articles} articles in ${summary.stories} stories, ${formatSkipSummary(corpus.stats)}`,
  );
  log(
    `wrote ${meta.files.length + 1} files (${(summary.totalBytes / 1e6).toFixed(1)} MB) to ${run.out} in ${summary.seconds.toFixed(1)} s, peak RSS ${summary.peakRssMB} MB`,
  );
  log(`time by phase: ${Object.entries(summary.phaseSeconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
  return summary;
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
