/**
 * One card per event across outlets. Stories (index/stories.ts) join only near-duplicate bodies, the
 * same wire copy; two outlets' own reports of one match or one announcement are separate stories, and each took a
 * card of its own ("also in" on 2 of ~60 cards). Here a candidate joins a listed result's card when it comes from
 * another outlet, within `hours` of it, and their headlines share most of their idf weight: the overlap
 * coefficient Σ idf(shared) / min(Σ idf(a), Σ idf(b)) ≥ `minOverlap`, over title terms rare enough to be query
 * terms.
 */

export interface EventInput {
  /** Title terms of a candidate (distinct). */
  titleTerms: (position: number) => number[];
  weight: (term: number) => number;
  source: ArrayLike<number>;
  hours: ArrayLike<number>;
  noDate: number;
}

export function sameEventTest(input: EventInput, hours: number, minOverlap: number): (a: number, b: number) => boolean {
  const cache = new Map<number, { terms: Set<number>; total: number }>();
  const titleOf = (position: number) => {
    let t = cache.get(position);
    if (!t) {
      const terms = new Set(input.titleTerms(position));
      let total = 0;
      for (const term of terms) total += input.weight(term);
      cache.set(position, (t = { terms, total }));
    }
    return t;
  };
  return (a, b) => {
    if (input.source[a] === input.source[b]) return false;
    const ha = input.hours[a];
    const hb = input.hours[b];
    if (ha === input.noDate || hb === input.noDate || Math.abs(ha - hb) > hours) return false;
    return titleOverlap(titleOf(a), titleOf(b), input.weight) >= minOverlap;
  };
}

/** Σ weight(shared) / min(Σ weight(a), Σ weight(b)); 0 when either title is empty. */
export function titleOverlap(a: { terms: Set<number>; total: number }, b: { terms: Set<number>; total: number }, weight: (term: number) => number): number {
  if (a.total <= 0 || b.total <= 0) return 0;
  let shared = 0;
  for (const term of a.terms) if (b.terms.has(term)) shared += weight(term);
  return shared / Math.min(a.total, b.total);
}
