/**
 * npm run eval:sections -- [--corpus FILE] [--seed FILE] [--params JSON] [--json]
 *
 * What the popup's sections show, measured: each dev query goes through the background's path
 * (relatedForSnapshot, the default resultCount) and each result through the popup's rule (relatedSections, for
 * each badge level the options page offers), beside the previous rule (everything below the badge threshold
 * listed as "less closely related"). For each section, over all dev queries and over the odd and even lines of
 * the query file: results shown, how many of them are judged, the judged share of grade ≥ 1 with a bootstrap
 * 95% interval over queries, and the unjudged ones apart. Then the judged share by confidence band, and where a
 * logistic fit of "related" on confidence crosses one half, which is what the sections' floor rests on, and the
 * AUC of confidence (how often a related judged result outranks an unrelated one of the same query by
 * confidence). `--params` overrides ranking parameters (RankParams, JSON) for trying a change. Last,
 * the seed page of `npm start` (../shared/seed, through the content script's extraction): its titles per
 * section, before and after. The seed article is from 2024 and the corpus from 2018: nothing there is judged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { openIndex, type SilaIndex } from '../src/lib/engine';
import type { ArticleSnapshot, CorpusArticle, RelatedResult } from '../src/lib/types';
import { relatedForSnapshot } from '../src/background/related-for-tab';
import { extractSnapshot } from '../src/content/extract';
import { relatedSections } from '../src/ui/related-sections';
import { defaultRankParams } from '../src/lib/related/rank';
import { corpusDir, defaultCorpusFile, repoRoot } from './paths';
import { parseArgs, runMain } from './lib/args';
import { dirSource } from './lib/dir-source';
import { ensureIndex } from './lib/ensure-index';
import { parseQrels, type Qrels } from './lib/metrics';
import { openCorpus } from './lib/read-corpus';
import { renderSeedPage } from './lib/render-pages';
import { bootstrapInterval, halfCrossing, pooledShare, type QueryCount } from './lib/share-stats';

// settings.ts loads the WebExtension polyfill, which refuses to load outside an extension and otherwise hands
// out an existing `browser` object as it is; nothing here calls it: the script only reads the settings' defaults
// and levels.
const extensionApi = { runtime: { id: 'eval-sections' } };
Object.assign(globalThis, { chrome: extensionApi, browser: extensionApi });
const { CONFIDENCE_LEVELS, DEFAULT_SETTINGS } = await import('../src/settings');

type Section = 'close' | 'loose' | 'hidden';
type Rule = (results: RelatedResult[], minConfidence: number) => Record<Section, RelatedResult[]>;

const rules: Record<'before' | 'after', Rule> = {
  before: (results, min) => ({
    close: results.filter((r) => (r.confidence ?? 1) >= min),
    loose: results.filter((r) => (r.confidence ?? 1) < min),
    hidden: [],
  }),
  after: (results, min) => {
    const { close, loose } = relatedSections(results, min);
    return { close, loose, hidden: results.filter((r) => !close.includes(r) && !loose.includes(r)) };
  },
};

interface QueryRow {
  id: string;
  half: 'odd' | 'even';
  judged: Map<string, number> | undefined;
  results: RelatedResult[];
}

interface SectionFigures {
  shown: number;
  queriesShowing: number;
  judged: number;
  related: number;
  share: number;
  interval: [number, number];
  unjudged: number;
}

function snapshotOf(article: CorpusArticle): ArticleSnapshot {
  return { isArticle: true, title: article.title, text: article.body, lang: 'ar', dir: 'rtl', url: article.url ?? `https://dev.example/${article.id}`, canonicalUrl: null, published: article.published ?? null, siteName: article.source ?? null };
}

function figures(rows: QueryRow[], pick: (row: QueryRow) => RelatedResult[]): SectionFigures {
  const perQuery: QueryCount[] = [];
  let shown = 0, queriesShowing = 0, unjudged = 0;
  for (const row of rows) {
    const results = pick(row);
    shown += results.length;
    if (results.length) queriesShowing++;
    if (!row.judged) continue;
    const grades = results.map((r) => row.judged!.get(r.doc.id));
    unjudged += grades.filter((g) => g === undefined).length;
    perQuery.push({ judged: grades.filter((g) => g !== undefined).length, related: grades.filter((g) => (g ?? 0) >= 1).length });
  }
  const judged = perQuery.reduce((n, q) => n + q.judged, 0);
  const related = perQuery.reduce((n, q) => n + q.related, 0);
  return { shown, queriesShowing, judged, related, share: pooledShare(perQuery), interval: bootstrapInterval(perQuery, pooledShare), unjudged };
}

/** Judged (query, confidence, related) points of the judged queries among `rows`. */
function judgedPoints(rows: QueryRow[]): { query: string; x: number; related: boolean }[] {
  return rows.flatMap((row) =>
    row.results.flatMap((r) => {
      const grade = row.judged?.get(r.doc.id);
      return grade === undefined ? [] : [{ query: row.id, x: r.confidence ?? 1, related: grade >= 1 }];
    }),
  );
}

function crossing(rows: QueryRow[]): { at: number; interval: [number, number] } {
  const groups = new Map<string, ReturnType<typeof judgedPoints>>();
  for (const p of judgedPoints(rows)) groups.set(p.query, [...(groups.get(p.query) ?? []), p]);
  const byQuery = [...groups.values()];
  return { at: halfCrossing(byQuery.flat()), interval: bootstrapInterval(byQuery, (sample) => halfCrossing(sample.flat()), { resamples: 1000 }) };
}

/**
 * AUC of confidence within queries: over the pairs (related, unrelated) of judged results of one query, the share
 * where the related one has the higher confidence (ties count half). Within a query, because across queries a
 * confidence also carries how well the archive covers the page, which the sections do not need to tell apart.
 */
function withinQueryAuc(byQuery: { x: number; related: boolean }[][]): number {
  let pairs = 0;
  let wins = 0;
  for (const points of byQuery) {
    for (const a of points) {
      if (!a.related) continue;
      for (const b of points) {
        if (b.related) continue;
        pairs++;
        wins += a.x > b.x ? 1 : a.x === b.x ? 0.5 : 0;
      }
    }
  }
  return pairs ? wins / pairs : NaN;
}

function auc(rows: QueryRow[]): { at: number; interval: [number, number] } {
  const groups = new Map<string, ReturnType<typeof judgedPoints>>();
  for (const p of judgedPoints(rows)) groups.set(p.query, [...(groups.get(p.query) ?? []), p]);
  const byQuery = [...groups.values()];
  return { at: withinQueryAuc(byQuery), interval: bootstrapInterval(byQuery, withinQueryAuc, { resamples: 1000 }) };
}

async function seedResults(index: SilaIndex, seedFile: string, k: number): Promise<RelatedResult[]> {
  const { document } = parseHTML(renderSeedPage(readFileSync(seedFile, 'utf8')));
  const snapshot = extractSnapshot(document as unknown as Document, 'http://127.0.0.1/news/crocus-attack');
  return (await relatedForSnapshot(index, snapshot, k)).results;
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const corpus = resolve(args.get('corpus') || defaultCorpusFile);
  const seedDir = resolve(repoRoot, '..', 'shared', 'seed');
  const seedFile = args.get('seed') || resolve(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt')) ?? '');
  // The engine reads defaultRankParams on every query: an override here is what every query below uses.
  if (args.get('params')) Object.assign(defaultRankParams, JSON.parse(args.get('params')!));
  const qrels: Qrels = parseQrels(readFileSync(resolve(corpusDir, 'dev-qrels.tsv'), 'utf8'));
  const index = await openIndex(dirSource(await ensureIndex(corpus)));
  const k = DEFAULT_SETTINGS.resultCount;

  const rows: QueryRow[] = [];
  let line = 0;
  for await (const article of openCorpus(resolve(corpusDir, 'dev-queries.jsonl.gz')).articles) {
    const half = line++ % 2 === 0 ? 'odd' : 'even';
    rows.push({ id: article.id, half, judged: qrels.get(article.id), results: (await relatedForSnapshot(index, snapshotOf(article), k)).results });
  }
  const halves = { all: rows, odd: rows.filter((r) => r.half === 'odd'), even: rows.filter((r) => r.half === 'even') };

  const sections = Object.entries(CONFIDENCE_LEVELS).flatMap(([level, min]) =>
    (['before', 'after'] as const).flatMap((rule) =>
      (['close', 'loose', 'hidden'] as const).map((section) => ({
        level,
        min,
        rule,
        section,
        ...Object.fromEntries(Object.entries(halves).map(([half, subset]) => [half, figures(subset, (row) => rules[rule](row.results, min)[section])])),
      })),
    ),
  ) as ({ level: string; min: number; rule: string; section: Section } & Record<keyof typeof halves, SectionFigures>)[];

  const bands = [0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01].slice(0, -1).map((from, i, all) => {
    const to = i + 1 < all.length ? all[i + 1] : 1;
    const inBand = (r: RelatedResult) => (r.confidence ?? 1) >= from && ((r.confidence ?? 1) < to || to === 1);
    return { from, to, ...Object.fromEntries(Object.entries(halves).map(([half, subset]) => [half, figures(subset, (row) => row.results.filter(inBand))])) };
  }) as ({ from: number; to: number } & Record<keyof typeof halves, SectionFigures>)[];

  const crossings = Object.fromEntries(Object.entries(halves).map(([half, subset]) => [half, crossing(subset)]));
  const aucs = Object.fromEntries(Object.entries(halves).map(([half, subset]) => [half, auc(subset)]));
  const seed = await seedResults(index, seedFile, k);
  const seedSections = Object.fromEntries(
    (['before', 'after'] as const).map((rule) => [rule, Object.fromEntries(Object.entries(rules[rule](seed, DEFAULT_SETTINGS.minConfidence)).map(([s, rs]) => [s, rs.map((r) => ({ id: r.doc.id, confidence: r.confidence, title: r.doc.title }))]))]),
  );

  if (args.has('json')) {
    process.stdout.write(`${JSON.stringify({ queries: rows.length, judgedQueries: rows.filter((r) => r.judged).length, resultCount: k, sections, bands, crossings, aucs, seed: seedSections }, null, 1)}\n`);
    return;
  }
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '–');
  const cell = (f: SectionFigures) => `${String(f.shown).padStart(5)} ${`${f.related}/${f.judged}`.padStart(8)} ${pct(f.share).padStart(4)} [${pct(f.interval[0])}, ${pct(f.interval[1])}]`.padEnd(33) + String(f.unjudged).padStart(4);
  const head = (first: string) => `${first.padEnd(28)}${['all', 'odd', 'even'].map((h) => `| ${h}: shown  rel/judged share [95%]`.padEnd(36) + 'unj ').join('')}`;
  console.log(`${rows.length} dev queries (${rows.filter((r) => r.judged).length} judged; odd lines ${halves.odd.length}, even ${halves.even.length}), top ${k} as the popup asks. Shares are of judged results, grade ≥ 1; unj = results shown but unjudged.\n`);
  console.log(head('badge level, rule, section'));
  for (const s of sections) {
    if (s.all.shown === 0 && s.section === 'hidden') continue;
    console.log(`${`${s.level} ${s.min} ${s.rule} ${s.section}`.padEnd(28)}${(['all', 'odd', 'even'] as const).map((h) => `| ${cell(s[h])} `).join('')}`);
  }
  console.log(`\n${head('confidence band')}`);
  for (const b of bands) console.log(`${`${b.from.toFixed(2)}–${b.to.toFixed(2)}`.padEnd(28)}${(['all', 'odd', 'even'] as const).map((h) => `| ${cell(b[h])} `).join('')}`);
  console.log('\nconfidence where a logistic fit of related (grade ≥ 1) on confidence crosses 1/2, bootstrap 95% over queries:');
  for (const [half, c] of Object.entries(crossings)) console.log(`  ${half.padEnd(5)} ${c.at.toFixed(3)} [${c.interval[0].toFixed(3)}, ${c.interval[1].toFixed(3)}]`);
  console.log('\nAUC of confidence within queries (related vs unrelated judged results of one query), bootstrap 95% over queries:');
  for (const [half, c] of Object.entries(aucs)) console.log(`  ${half.padEnd(5)} ${c.at.toFixed(3)} [${c.interval[0].toFixed(3)}, ${c.interval[1].toFixed(3)}]`);
  console.log(`\nseed page (${seedFile}), badge threshold ${DEFAULT_SETTINGS.minConfidence}:`);
  for (const rule of ['before', 'after'] as const) {
    for (const [section, list] of Object.entries(seedSections[rule])) {
      if (list.length === 0 && section === 'hidden') continue;
      console.log(`  ${rule} ${section}: ${list.length}`);
      for (const r of list) console.log(`    ${(r.confidence ?? 1).toFixed(3)}  ${r.title}`);
    }
  }
});
