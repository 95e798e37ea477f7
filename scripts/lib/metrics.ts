/**
 * Relevance metrics of the related-articles eval (README of the corpus): nDCG@k with gain 2^grade − 1 and the
 * ideal ranking from the judgments, P@k with grade ≥ 1, same-story recall@k, and the share of unjudged results.
 * Pure functions over plain maps so they can be unit-tested on examples computed by hand.
 */

/** query id → (doc id → grade). */
export type Qrels = Map<string, Map<string, number>>;
/** query id → ranked doc ids. */
export type Run = Map<string, string[]>;

export function dcg(grades: number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** grades[i] - 1) / Math.log2(i + 2);
  return sum;
}

/** nDCG@k of one ranking; 0 when the judgments hold no relevant document (as the reference figures count it). */
export function ndcgAt(ranked: string[], judged: Map<string, number>, k: number): number {
  const ideal = dcg([...judged.values()].sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((d) => judged.get(d) ?? 0), k) / ideal;
}

/** Share of the first k results with grade ≥ 1 (missing ranks count as not relevant). */
export function precisionAt(ranked: string[], judged: Map<string, number>, k: number): number {
  let hits = 0;
  for (const d of ranked.slice(0, k)) if ((judged.get(d) ?? 0) >= 1) hits++;
  return hits / k;
}

export function unjudgedShare(ranked: string[], judged: Map<string, number>, k: number): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((d) => !judged.has(d)).length / top.length;
}

export interface RelevanceSummary {
  ndcg10: number;
  p5: number;
  unjudged10: number;
  /** Judged queries (all averaged, including those with no relevant document, as the reference does). */
  queries: number;
  perQuery: { query: string; ndcg10: number; p5: number }[];
}

export function summarize(run: Run, qrels: Qrels): RelevanceSummary {
  const perQuery: RelevanceSummary['perQuery'] = [];
  let unjudged = 0;
  for (const [query, judged] of qrels) {
    const ranked = run.get(query) ?? [];
    const ndcg = ndcgAt(ranked, judged, 10);
    perQuery.push({ query, ndcg10: ndcg, p5: precisionAt(ranked, judged, 5) });
    unjudged += unjudgedShare(ranked, judged, 10);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    ndcg10: mean(perQuery.map((q) => q.ndcg10)),
    p5: mean(perQuery.map((q) => q.p5)),
    unjudged10: perQuery.length ? unjudged / perQuery.length : 0,
    queries: perQuery.length,
    perQuery,
  };
}

/**
 * Share of near-duplicate pairs with one side a query of the run whose other side is in that query's top k.
 * Pairs are unordered (near-duplicates.jsonl lists a dev query as `a` or `b`); pairs of two queries are skipped.
 */
export function sameStoryRecall(run: Run, pairs: { a: string; b: string }[], k: number): { recall: number; pairs: number; missed: { a: string; b: string }[] } {
  const counted: { a: string; b: string }[] = [];
  for (const p of pairs) {
    if (run.has(p.a) && !run.has(p.b)) counted.push(p);
    else if (run.has(p.b) && !run.has(p.a)) counted.push({ a: p.b, b: p.a });
  }
  const missed = counted.filter((p) => !run.get(p.a)!.slice(0, k).includes(p.b));
  return { recall: counted.length ? 1 - missed.length / counted.length : 0, pairs: counted.length, missed };
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Parse a qrels TSV (query, doc, grade; lines starting with # are comments). */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [q, d, g] = line.split('\t');
    if (!qrels.has(q)) qrels.set(q, new Map());
    qrels.get(q)!.set(d, Number(g));
  }
  return qrels;
}

/** Parse a run TSV (query, rank, doc, score) into ranked lists. */
export function parseRun(text: string): Run {
  const rows: { q: string; rank: number; d: string }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [q, rank, d] = line.split('\t');
    rows.push({ q, rank: Number(rank), d });
  }
  rows.sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : a.rank - b.rank));
  const run: Run = new Map();
  for (const r of rows) {
    if (!run.has(r.q)) run.set(r.q, []);
    run.get(r.q)!.push(r.d);
  }
  return run;
}
