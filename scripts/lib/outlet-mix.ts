/**
 * Outlet mix of the related lists: how often the first k lines all come from one outlet when the
 * story has coverage from several, and how much of them is the outlet the reader is on. "Coverage from several"
 * is read two ways: the query's relevant judged documents (grade ≥ 1) span two outlets or more, or the
 * engine's own top 10 lines (stories and their "also in" members) do.
 */

export interface OutletRow {
  /** Outlet of the page being read. */
  querySource: string | null;
  /** Outlets of the ranked lines, in order (null: unknown). */
  lines: (string | null)[];
  /** Outlets of the query's relevant judged documents, when it is judged. */
  judgedOutlets?: Set<string>;
}

export interface OutletMix {
  /** Rows counted (coverage from two outlets or more, and at least k lines). */
  queries: number;
  /** Share of them whose first k lines all come from one outlet. */
  oneOutlet: number;
  /** Mean share of the first k lines from the page's own outlet. */
  ownOutlet: number;
  /** Mean number of distinct outlets among the first k lines. */
  distinct: number;
}

export function outletMix(rows: OutletRow[], coverage: (row: OutletRow) => Set<string>, k = 5): OutletMix {
  let queries = 0;
  let one = 0;
  let own = 0;
  let distinct = 0;
  for (const row of rows) {
    if (row.lines.length < k || coverage(row).size < 2) continue;
    const top = row.lines.slice(0, k);
    const outlets = new Set(top);
    queries++;
    if (outlets.size === 1) one++;
    distinct += outlets.size;
    own += top.filter((s) => s !== null && s === row.querySource).length / k;
  }
  const share = (x: number) => (queries ? x / queries : 0);
  return { queries, oneOutlet: share(one), ownOutlet: share(own), distinct: share(distinct) };
}

/** Outlets among a row's first 10 lines (the list the engine itself shows). */
export const listedOutlets = (row: OutletRow): Set<string> => new Set(row.lines.slice(0, 10).filter((s): s is string => s !== null));
/** Outlets of the relevant judged documents (empty for an unjudged query). */
export const judgedOutlets = (row: OutletRow): Set<string> => row.judgedOutlets ?? new Set();
