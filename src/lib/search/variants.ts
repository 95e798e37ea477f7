/**
 * Spelling variants learned from the corpus at build time: outlets spell one name differently
 * (ترامب / ترمب, غوتيريش / غوتيرش), and each spelling alone loses the outlets that use the other.
 *
 * A candidate pair is two analysed terms (after normalisation and stemming) that differ by one long vowel
 * (ا, و or ي inserted). Arabic morphology makes many such pairs distinct words (كتاب / كتب, عامل / عمل), so a
 * pair is merged only when the corpus says it is one word written two ways:
 * - the two spellings seldom share an article (an outlet keeps to one spelling; two words of one root often
 *   meet in one text): co-occurrence at most `maxShared` of the rarer form's articles;
 * - different outlets use them: the total-variation distance between the two spellings' outlet distributions
 *   is at least `minOutletSplit` (a spelling is an outlet's convention; a plural and its singular, or a verb and
 *   its noun, are used by every outlet alike). Without outlets (sources unknown) this test is skipped;
 * - they are used in the same contexts (the same events): cosine of their context-word vectors (idf-weighted,
 *   over the articles' title and lead terms) at least `minCosine`.
 * The rarer spelling is mapped to the commoner one (a shared key: both are indexed and searched as one term).
 */

const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
const ARABIC_WORD = /^[\u0621-\u064a]+$/;

export interface VariantLearning {
  /** Smallest document frequency of either spelling (rarer forms are noise, or too rare to judge). */
  minDf: number;
  /** Shortest term (in letters) of the shorter spelling: 3-letter stems are mostly distinct roots. */
  minLength: number;
  minCosine: number;
  maxShared: number;
  minOutletSplit: number;
  /** Articles sampled per term for its context vector (bounds the build's work). */
  sample: number;
}

export const variantLearning: VariantLearning = { minDf: 2, minLength: 4, minCosine: 0.4, maxShared: 0.1, minOutletSplit: 0.5, sample: 200 };

/** Candidate pairs [longer, shorter]: `longer` with one long vowel removed is `shorter`, both in `vocabulary`. */
export function variantCandidates(vocabulary: ReadonlySet<string>, minLength = variantLearning.minLength): [string, string][] {
  const out: [string, string][] = [];
  for (const term of vocabulary) {
    if (term.length < minLength + 1 || !ARABIC_WORD.test(term)) continue;
    const seen = new Set<string>();
    for (let i = 0; i < term.length; i++) {
      if (!LONG_VOWELS.has(term[i])) continue;
      const shorter = term.slice(0, i) + term.slice(i + 1);
      if (seen.has(shorter) || !vocabulary.has(shorter)) continue;
      seen.add(shorter);
      out.push([term, shorter]);
    }
  }
  return out;
}

export interface PairEvidence {
  pair: [string, string];
  df: [number, number];
  shared: number;
  cosine: number;
  /** Total-variation distance of the two spellings' outlet distributions (1 when sources are unknown). */
  outletSplit: number;
  merged: boolean;
}

/**
 * Learn the variant table from the articles' terms (title and lead terms of each article, in position order).
 * Returns variant → canonical (the commoner spelling), and the evidence of every candidate (for the eval).
 */
export function learnVariants(
  docs: readonly (readonly string[])[],
  options: Partial<VariantLearning> = {},
  sources?: readonly (string | null | undefined)[],
): { table: Map<string, string>; evidence: PairEvidence[] } {
  const o = { ...variantLearning, ...options };
  const postings = new Map<string, number[]>();
  docs.forEach((terms, d) => {
    for (const t of new Set(terms)) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(d);
    }
  });
  const vocabulary = new Set<string>();
  for (const [t, list] of postings) if (list.length >= o.minDf) vocabulary.add(t);
  const candidates = variantCandidates(vocabulary, o.minLength);
  const n = docs.length;
  const idf = (t: string) => Math.log(n / (postings.get(t)?.length ?? n));
  const contexts = new Map<string, Map<string, number>>();
  const contextOf = (term: string, other: string): Map<string, number> => {
    const key = `${term}\u0000${other}`;
    let v = contexts.get(key);
    if (v) return v;
    v = new Map();
    const list = postings.get(term)!;
    const step = Math.max(1, list.length / o.sample);
    for (let i = 0; i < list.length; i += step) {
      for (const t of new Set(docs[list[Math.floor(i)]])) if (t !== term && t !== other) v.set(t, (v.get(t) ?? 0) + 1);
    }
    for (const [t, c] of v) v.set(t, c * idf(t));
    contexts.set(key, v);
    return v;
  };
  const evidence: PairEvidence[] = [];
  for (const [a, b] of candidates) {
    const la = postings.get(a)!;
    const lb = postings.get(b)!;
    const shared = intersectionSize(la, lb);
    const rarer = Math.min(la.length, lb.length);
    const split = sources ? outletSplit(la, lb, sources) : 1;
    const plausible = shared / rarer <= o.maxShared && split >= o.minOutletSplit;
    const cos = plausible ? cosine(contextOf(a, b), contextOf(b, a)) : 0;
    evidence.push({ pair: [a, b], df: [la.length, lb.length], shared, cosine: cos, outletSplit: split, merged: plausible && cos >= o.minCosine });
  }
  // Union the merged pairs; each group's canonical spelling is its commonest.
  const parent = new Map<string, string>();
  const find = (t: string): string => {
    let r = t;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  for (const e of evidence) {
    if (!e.merged) continue;
    const ra = find(e.pair[0]);
    const rb = find(e.pair[1]);
    if (ra === rb) continue;
    const [keep, drop] = postings.get(ra)!.length >= postings.get(rb)!.length ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
  }
  const table = new Map<string, string>();
  for (const t of parent.keys()) table.set(t, find(t));
  return { table, evidence };
}

/** The canonical spelling of a term (itself when it has no variant). */
export function canonicalTerm(table: ReadonlyMap<string, string>, term: string): string {
  return table.get(term) ?? term;
}

/** Total-variation distance between the outlet distributions of two posting lists. */
export function outletSplit(a: readonly number[], b: readonly number[], sources: readonly (string | null | undefined)[]): number {
  const share = (list: readonly number[]) => {
    const m = new Map<string, number>();
    for (const d of list) m.set(sources[d] ?? '', (m.get(sources[d] ?? '') ?? 0) + 1 / list.length);
    return m;
  };
  const pa = share(a);
  const pb = share(b);
  let sum = 0;
  for (const [k, x] of pa) sum += Math.abs(x - (pb.get(k) ?? 0));
  for (const [k, y] of pb) if (!pa.has(k)) sum += y;
  return sum / 2;
}

function intersectionSize(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) n++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
