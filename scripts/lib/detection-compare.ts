/**
 * Two runs of eval:detection on the same pages, compared page by page: on the real sites' readable pages, the
 * paired bootstrap 95 % interval (bootstrap.ts) of the change in body F1, title exact and recognised, overall and
 * on each half (every other compared page by sorted name), and the pages whose body F1 moved.
 * A change whose interval straddles 0, or that helps one half and hurts the other, is not shown to be a gain.
 */
import { pairedBootstrap, type Interval } from './bootstrap';

/** What the comparison reads of a page's result (eval-detection's PageResult). */
export interface ComparedPage {
  slug: string;
  groups: string[];
  readable: boolean;
  recognised: boolean;
  titleExact: boolean;
  body: { f1: number };
}

export interface DetectionComparison {
  pages: number;
  /** Per measure, the interval of mean(new − base) over all compared pages, the odd half and the even half. */
  measures: Record<'bodyF1' | 'titleExact' | 'recognised', { all: Interval; odd: Interval; even: Interval }>;
  /** Pages whose body F1 changed by more than 0.0005, largest change first. */
  moved: { slug: string; base: number; next: number }[];
  /** Real readable pages in only one of the two runs (left out of the comparison). */
  unpaired: string[];
}

const MEASURES = {
  // A page not recognised scores 0, as summarise() counts it.
  bodyF1: (p: ComparedPage) => (p.recognised ? p.body.f1 : 0),
  titleExact: (p: ComparedPage) => (p.recognised && p.titleExact ? 1 : 0),
  recognised: (p: ComparedPage) => (p.recognised ? 1 : 0),
};

export function compareDetection(base: ComparedPage[], next: ComparedPage[], resamples = 10000): DetectionComparison {
  const real = (rows: ComparedPage[]) => new Map(rows.filter((r) => r.readable && r.groups.includes('real')).map((r) => [r.slug, r]));
  const [a, b] = [real(base), real(next)];
  const slugs = [...a.keys()].filter((s) => b.has(s)).sort();
  const unpaired = [...new Set([...a.keys(), ...b.keys()])].filter((s) => !(a.has(s) && b.has(s))).sort();
  const interval = (measure: (p: ComparedPage) => number, keep: (i: number) => boolean): Interval => {
    const kept = slugs.filter((_, i) => keep(i));
    return pairedBootstrap(kept.map((s) => measure(a.get(s)!)), kept.map((s) => measure(b.get(s)!)), resamples);
  };
  const measures = Object.fromEntries(
    Object.entries(MEASURES).map(([name, measure]) => [
      name,
      { all: interval(measure, () => true), odd: interval(measure, (i) => i % 2 === 0), even: interval(measure, (i) => i % 2 === 1) },
    ]),
  ) as DetectionComparison['measures'];
  const moved = slugs
    .map((slug) => ({ slug, base: MEASURES.bodyF1(a.get(slug)!), next: MEASURES.bodyF1(b.get(slug)!) }))
    .filter((m) => Math.abs(m.next - m.base) > 0.0005)
    .sort((x, y) => Math.abs(y.next - y.base) - Math.abs(x.next - x.base));
  return { pages: slugs.length, measures, moved, unpaired };
}

export function comparisonText(c: DetectionComparison): string {
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(3);
  const i = (x: Interval) => `${f(x.mean)} [${f(x.low)}, ${f(x.high)}]`;
  const lines = [
    `change on ${c.pages} readable real-site pages, mean (new − base) with paired bootstrap 95 % interval:`,
    '| measure | all pages | odd half | even half |',
    '| --- | --- | --- | --- |',
    ...Object.entries(c.measures).map(([name, m]) => `| ${name} | ${i(m.all)} | ${i(m.odd)} | ${i(m.even)} |`),
  ];
  if (c.moved.length) lines.push('', `body F1 moved on ${c.moved.length} pages: ${c.moved.map((m) => `${m.slug} ${m.base.toFixed(3)} → ${m.next.toFixed(3)}`).join('; ')}`);
  if (c.unpaired.length) lines.push('', `in one run only (left out): ${c.unpaired.join(', ')}`);
  return lines.join('\n');
}
