/**
 * Article detection on real saved pages (../shared/detection/readability-test-pages, see its README): Sila's
 * extractSnapshot in linkedom, as tests/unit/detection-fixtures.test.ts runs it, on every page; with --peer,
 * @mozilla/readability on the same pages beside it. Per group (real sites: source.html of 5 KB or more; small
 * synthetic cases: the rest; RTL: pages labelled dir=rtl), printed:
 *  - recognised vs the page's `readerable` label: precision, recall;
 *  - title exact match and token F1 against expected-metadata.json, over readable pages (a title with the site name
 *    stripped counts as exact when the reference title holds it);
 *  - body: the words, lower-cased, as overlapping 4-word shingles counted with multiplicity; precision, recall, F1
 *    of the extracted body against the text of expected.html, averaged over readable pages (an unrecognised page
 *    scores 0);
 *  - time per page (median, p90, max) in ms, node + linkedom (not the browser: see bench-detection.ts).
 *
 *   npx tsx scripts/eval-detection.ts [--dir PATH] [--peer] [--json] [--half odd|even] [--base BASE.json]   (or SILA_DETECTION_DIR=PATH)
 *
 * --half: only every other page (by sorted name, the first is odd), so that a rule can be judged on two halves of
 * the pages: one that helps on one half and hurts on the other is fitted to pages, not general.
 * --base: an earlier run's --json output (another build, same pages): this run compared with it page by page, with
 * paired bootstrap intervals on both halves (lib/detection-compare.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareDetection, comparisonText } from './lib/detection-compare';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractSnapshot, stripSiteName } from '../src/content/extract';

export const defaultDetectionDir = resolve(
  process.env.SILA_DETECTION_DIR ??
    resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'detection', 'readability-test-pages'),
);

/** Readability's tests load every page from this URL. */
const PAGE_URL = 'http://fakehost/test/page.html';
const REAL_SITE_BYTES = 5 * 1024;

export type Group = 'real' | 'synthetic' | 'rtl';
export interface PageResult {
  slug: string;
  groups: Group[];
  readable: boolean;
  recognised: boolean;
  titleExact: boolean;
  titleF1: number;
  /** The title extracted and the reference's, for the worst-misses list. */
  title: string;
  refTitle: string;
  body: { precision: number; recall: number; f1: number };
  ms: number;
}
export interface GroupSummary {
  pages: number;
  readable: number;
  precision: number;
  recall: number;
  titleExact: number;
  titleF1: number;
  bodyPrecision: number;
  bodyRecall: number;
  bodyF1: number;
  msMedian: number;
  msP90: number;
  msMax: number;
}

interface Extracted {
  recognised: boolean;
  title: string;
  text: string;
}
type Extractor = (html: string) => Extracted;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function shingleCounts(text: string): Map<string, number> {
  const w = words(text);
  const counts = new Map<string, number>();
  if (w.length === 0) return counts;
  // A text shorter than a shingle is one shingle of what it has.
  const n = Math.min(4, w.length);
  for (let i = 0; i + n <= w.length; i++) {
    const key = w.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function prf(got: Map<string, number>, ref: Map<string, number>): { precision: number; recall: number; f1: number } {
  let overlap = 0;
  let nGot = 0;
  let nRef = 0;
  for (const c of got.values()) nGot += c;
  for (const [k, c] of ref) {
    nRef += c;
    overlap += Math.min(c, got.get(k) ?? 0);
  }
  const precision = nGot === 0 ? 0 : overlap / nGot;
  const recall = nRef === 0 ? 0 : overlap / nRef;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Body score of two texts, by 4-word shingles with multiplicity. */
export function shingleScore(got: string, ref: string): { precision: number; recall: number; f1: number } {
  return prf(shingleCounts(got), shingleCounts(ref));
}

function bagF1(a: string[], b: string[]): number {
  const ca = new Map<string, number>();
  for (const t of a) ca.set(t, (ca.get(t) ?? 0) + 1);
  const cb = new Map<string, number>();
  for (const t of b) cb.set(t, (cb.get(t) ?? 0) + 1);
  return prf(ca, cb).f1;
}

/** Whitespace collapsed, typographic quotes as plain ones (a headline's “” and ’ against <title>'s "" and '). */
const norm = (s: string): string =>
  s.replace(/\s+/g, ' ').replace(/[‘’‚′]/g, "'").replace(/[“”„″]/g, '"').trim();
// Full-width marks too: a Japanese title sets its site name off as "Headline　＜Site＞" or "Headline｜Site".
const SEPARATOR = /^\s*(?:[-|·:–—_»~/＜｜：]|::|\[)/;

function titleExact(got: string, ref: string, siteName: string | null): boolean {
  const g = norm(got);
  const r = norm(ref);
  if (g === r) return true;
  if (g === '') return false;
  // The reference keeps "Headline - Site" (or "Site: Headline"); the headline with that site name stripped is the
  // same title: the reference must hold it whole, cut from the rest at a separator.
  if (norm(stripSiteName(r, siteName)) === g) return true;
  if (r.startsWith(g) && SEPARATOR.test(r.slice(g.length))) return true;
  const before = r.slice(0, r.length - g.length).split('').reverse().join('');
  return r.endsWith(g) && SEPARATOR.test(before);
}

const sila: Extractor = (html) => {
  const { document } = parseHTML(html);
  const snap = extractSnapshot(document as unknown as Document, PAGE_URL);
  return { recognised: snap.isArticle, title: snap.title, text: snap.text };
};

const peer: Extractor = (html) => {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return { recognised: !!article, title: article?.title ?? '', text: article?.textContent ?? '' };
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function summarise(rows: PageResult[]): GroupSummary {
  const readable = rows.filter((r) => r.readable);
  const tp = readable.filter((r) => r.recognised).length;
  const fp = rows.filter((r) => !r.readable && r.recognised).length;
  const mean = (f: (r: PageResult) => number): number =>
    readable.length === 0 ? 0 : readable.reduce((s, r) => s + f(r), 0) / readable.length;
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    pages: rows.length,
    readable: readable.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: readable.length === 0 ? 1 : tp / readable.length,
    titleExact: mean((r) => (r.recognised && r.titleExact ? 1 : 0)),
    titleF1: mean((r) => (r.recognised ? r.titleF1 : 0)),
    bodyPrecision: mean((r) => (r.recognised ? r.body.precision : 0)),
    bodyRecall: mean((r) => (r.recognised ? r.body.recall : 0)),
    bodyF1: mean((r) => (r.recognised ? r.body.f1 : 0)),
    msMedian: quantile(ms, 0.5),
    msP90: quantile(ms, 0.9),
    msMax: ms.at(-1) ?? 0,
  };
}

export type Half = 'odd' | 'even';

export function evalPages(dir: string, extractor: 'sila' | 'peer' = 'sila', half?: Half): PageResult[] {
  const run = extractor === 'sila' ? sila : peer;
  const rows: PageResult[] = [];
  const slugs = readdirSync(dir).sort();
  for (let i = 0; i < slugs.length; i++) {
    // The first page is odd (index 0 is page 1).
    if (half && (i % 2 === 0) !== (half === 'odd')) continue;
    const slug = slugs[i];
    const folder = join(dir, slug);
    const source = join(folder, 'source.html');
    if (!existsSync(source)) continue;
    const html = readFileSync(source, 'utf8');
    const meta = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as {
      title?: string;
      siteName?: string | null;
      dir?: string;
      readerable?: boolean;
    };
    const expectedHtml = existsSync(join(folder, 'expected.html')) ? readFileSync(join(folder, 'expected.html'), 'utf8') : '';
    const refText = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body?.textContent ?? '';
    const groups: Group[] = [statSync(source).size >= REAL_SITE_BYTES ? 'real' : 'synthetic'];
    if (meta.dir === 'rtl') groups.push('rtl');
    const t0 = performance.now();
    const got = run(html);
    const ms = performance.now() - t0;
    const refTitle = meta.title ?? '';
    rows.push({
      slug,
      groups,
      readable: meta.readerable === true,
      recognised: got.recognised,
      titleExact: titleExact(got.title, refTitle, meta.siteName ?? null),
      titleF1: bagF1(words(got.title), words(refTitle)),
      title: got.title,
      refTitle,
      body: shingleScore(got.text, refText),
      ms,
    });
  }
  return rows;
}

export function byGroup(rows: PageResult[]): Record<Group, GroupSummary> {
  return {
    real: summarise(rows.filter((r) => r.groups.includes('real'))),
    synthetic: summarise(rows.filter((r) => r.groups.includes('synthetic'))),
    rtl: summarise(rows.filter((r) => r.groups.includes('rtl'))),
  };
}

function table(results: Record<string, Record<Group, GroupSummary>>): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    '| extractor | group | pages | readable | precision | recall | title exact | title F1 | body P | body R | body F1 | ms median | ms p90 | ms max |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, groups] of Object.entries(results)) {
    for (const [g, s] of Object.entries(groups)) {
      lines.push(
        `| ${name} | ${g} | ${s.pages} | ${s.readable} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.titleExact)} | ${f(s.titleF1)} | ` +
          `${f(s.bodyPrecision)} | ${f(s.bodyRecall)} | ${f(s.bodyF1)} | ${s.msMedian.toFixed(1)} | ${s.msP90.toFixed(1)} | ${s.msMax.toFixed(1)} |`,
      );
    }
  }
  return lines.join('\n');
}

const clip = (s: string, n = 90): string => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\|/g, '\\|');

/**
 * The real-site pages that lose most: title misses (extracted vs reference) and the lowest body F1 (with P and R:
 * low precision is extra text kept, low recall is story text lost), so that losses can be read by cause.
 */
export function worstLists(rows: PageResult[], n: number): string {
  const real = rows.filter((r) => r.readable && r.groups.includes('real'));
  const titles = real.filter((r) => !(r.recognised && r.titleExact)).sort((a, b) => a.titleF1 - b.titleF1);
  const bodies = [...real].sort((a, b) => (a.recognised ? a.body.f1 : 0) - (b.recognised ? b.body.f1 : 0));
  const lines = [`title misses on real sites (${titles.length}), worst first:`, '| page | title F1 | extracted | reference |', '| --- | --- | --- | --- |'];
  for (const r of titles.slice(0, n))
    lines.push(`| ${r.slug} | ${r.recognised ? r.titleF1.toFixed(2) : 'not recognised'} | ${clip(r.title)} | ${clip(r.refTitle)} |`);
  lines.push('', `worst body F1 on real sites:`, '| page | body F1 | P | R |', '| --- | --- | --- | --- |');
  for (const r of bodies.slice(0, n)) {
    const b = r.recognised ? r.body : { precision: 0, recall: 0, f1: 0 };
    lines.push(`| ${r.slug} | ${b.f1.toFixed(3)} | ${b.precision.toFixed(3)} | ${b.recall.toFixed(3)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      peer: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      pages: { type: 'boolean', default: false },
      worst: { type: 'string', default: '15' },
      half: { type: 'string' },
      base: { type: 'string' },
    },
  });
  if (values.half !== undefined && values.half !== 'odd' && values.half !== 'even') {
    console.error('eval:detection: --half takes odd or even');
    process.exit(2);
  }
  const half = values.half as Half | undefined;
  const dir = resolve(values.dir ?? defaultDetectionDir);
  if (!existsSync(dir)) {
    console.error(`eval:detection: no pages at ${dir} (give --dir or SILA_DETECTION_DIR)`);
    process.exit(2);
  }
  const ours = evalPages(dir, 'sila', half);
  const results: Record<string, Record<Group, GroupSummary>> = { sila: byGroup(ours) };
  const perPage: Record<string, PageResult[]> = { sila: ours };
  if (values.peer) {
    perPage.readability = evalPages(dir, 'peer', half);
    results.readability = byGroup(perPage.readability);
  }
  if (values.json) {
    console.log(JSON.stringify({ dir, results, pages: perPage }, null, 1));
  } else {
    console.log(`article detection on ${dir}${half ? ` (${half} half)` : ''}\n`);
    console.log(table(results));
    const worst = Math.max(0, Number(values.worst) || 0);
    if (worst > 0) console.log('\n' + worstLists(ours, worst));
    if (values.base) {
      const base = JSON.parse(readFileSync(resolve(values.base), 'utf8')) as { pages?: { sila?: PageResult[] } };
      if (!base.pages?.sila) throw new Error(`eval:detection: ${values.base} is not an eval:detection --json output`);
      console.log('\n' + comparisonText(compareDetection(base.pages.sila, ours)));
    }
    if (values.pages) {
      console.log('\n| page | groups | readable | recognised | title exact | body F1 |\n| --- | --- | --- | --- | --- | --- |');
      for (const r of ours)
        console.log(`| ${r.slug} | ${r.groups.join(',')} | ${r.readable} | ${r.recognised} | ${r.titleExact} | ${r.body.f1.toFixed(3)} |`);
    }
  }
}
