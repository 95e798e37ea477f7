/**
 * npm run eval:names -- [--corpus FILE] [--json]
 *
 * The search's name figures, on scripts/data/name-spellings.json (names only):
 * - variant recall: for a name spelt several ways, does searching any one spelling find the articles of every
 *   spelling? Per spelling, recall = |found(spelling) ∩ U| / |U|, U = the union of what every spelling finds
 *   (k 1000); mean over the spellings the titles or leads use, before (no learned variants) and after.
 * - Latin names: a name typed in Latin letters "finds its articles" when its top 10 is non-empty and at least 8
 *   of 10 (or all, when fewer) are among what its Arabic spelling finds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSearchFiles, loadSearcher, type Searcher, type SearchDocInput } from '../src/lib/search/index';
import { memorySource } from '../src/lib/index/source';
import { parseArgs, runMain } from './lib/args';
import { defaultCorpusFile } from './paths';
import { openCorpus } from './lib/read-corpus';

interface NameList {
  variants: string[][];
  latin: [string, string][];
}

const found = (s: Searcher, q: string, k = 1000) => new Set(s.search(`${q} `, { k }).map((h) => h.position));

function variantRecall(s: Searcher, names: string[][]): { recall: number; names: number; complete: number } {
  let sum = 0;
  let n = 0;
  let complete = 0;
  let counted = 0;
  for (const spellings of names) {
    const sets = spellings.map((sp) => found(s, sp)).filter((set) => set.size > 0);
    if (sets.length === 0) continue;
    const union = new Set(sets.flatMap((set) => [...set]));
    let all = true;
    for (const set of sets) {
      const r = [...union].filter((d) => set.has(d)).length / union.size;
      sum += r;
      n++;
      if (r < 1) all = false;
    }
    counted++;
    if (all) complete++;
  }
  return { recall: n ? sum / n : 0, names: counted, complete };
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const list = JSON.parse(readFileSync(resolve('scripts/data/name-spellings.json'), 'utf8')) as NameList;
  const docs: SearchDocInput[] = [];
  for await (const a of openCorpus(resolve(args.get('corpus') || defaultCorpusFile)).articles) {
    docs.push({ position: docs.length, title: a.title, body: a.body.slice(0, 600), source: a.source ?? null, published: a.published ?? null });
  }
  const searcherOf = async (variants: boolean) =>
    loadSearcher(memorySource(new Map(Object.entries(buildSearchFiles(docs, { variants })))), { titleOf: (p) => docs[p].title });
  const before = await searcherOf(false);
  const after = await searcherOf(true);
  const report = {
    variantNames: list.variants.length,
    before: variantRecall(before, list.variants),
    after: variantRecall(after, list.variants),
    latin: list.latin.map(([latin, arabic]) => {
      const target = found(after, arabic);
      const top = [...found(after, latin, 10)];
      const inTarget = top.filter((d) => target.has(d)).length;
      return { latin, arabic, top: top.length, inTarget, ok: top.length > 0 && inTarget >= Math.min(8, top.length) };
    }),
  };
  if (args.has('json')) return void console.log(JSON.stringify(report, null, 2));
  const fmt = (r: { recall: number; names: number; complete: number }) => `${r.recall.toFixed(3)} (${r.complete} of ${r.names} names complete)`;
  console.log(`variant recall over ${report.before.names} names used by the corpus: before ${fmt(report.before)}, after ${fmt(report.after)}`);
  const ok = report.latin.filter((l) => l.ok).length;
  console.log(`Latin names that find their articles: ${ok} of ${report.latin.length}`);
  for (const l of report.latin) if (!l.ok) console.log(`  missed: ${l.latin} (${l.arabic}): top ${l.top}, ${l.inTarget} in target`);
});
