/**
 * Near-duplicate articles (the same wire story in several outlets) grouped into stories at build time.
 *
 * Candidates are each article's closest neighbours by the related-articles score (a near-duplicate is always
 * among them, so no separate MinHash/LSH pass is needed); a pair is joined when the smaller body's word
 * n-grams (over analyzed terms) are mostly contained in the other's: the definition used to make
 * near-duplicates.jsonl. Joined pairs are merged with union-find.
 */
export interface StoryInput {
  bodies: Uint32Array[];
  rawPos: Uint32Array;
  rawScore: Float32Array;
  perDoc: number;
  queryNorm: Float32Array;
  docNorm: Float32Array;
  shingle: number;
  containment: number;
  /** Only the first this-many neighbours with at least this cosine are checked. */
  candidates?: number;
  minCosine?: number;
  onProgress?: (done: number) => void;
}

export interface Stories {
  /** Story of each document. */
  ofDoc: Uint32Array;
  /** Members of story s: members[offsets[s] .. offsets[s+1]), ascending. */
  offsets: Uint32Array;
  members: Uint32Array;
}

/** Fewer distinct n-grams than this and a body is too short to call a near-duplicate of anything. */
const MIN_SHINGLES = 8;

export function findStories(input: StoryInput): Stories {
  const n = input.bodies.length;
  const parent = Uint32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const shingles: (Uint32Array | undefined)[] = new Array(n);
  const shinglesOf = (d: number) => (shingles[d] ??= shingleSet(input.bodies[d], input.shingle));
  const candidates = input.candidates ?? 10;
  const minCosine = input.minCosine ?? 0.2;

  for (let d = 0; d < n; d++) {
    for (let i = 0; i < candidates; i++) {
      const c = input.rawPos[d * input.perDoc + i];
      if (c === 0xffffffff) break;
      const cosine = input.rawScore[d * input.perDoc + i] / (input.queryNorm[d] * input.docNorm[c] || 1);
      if (cosine < minCosine) break;
      if (find(c) === find(d)) continue;
      if (containment(shinglesOf(d), shinglesOf(c)) >= input.containment) parent[find(c)] = find(d);
    }
    if (d % 2000 === 0) input.onProgress?.(d);
  }

  const storyOfRoot = new Map<number, number>();
  const ofDoc = new Uint32Array(n);
  const sizes: number[] = [];
  for (let d = 0; d < n; d++) {
    const root = find(d);
    let s = storyOfRoot.get(root);
    if (s === undefined) {
      s = sizes.length;
      storyOfRoot.set(root, s);
      sizes.push(0);
    }
    ofDoc[d] = s;
    sizes[s]++;
  }
  const offsets = new Uint32Array(sizes.length + 1);
  for (let s = 0; s < sizes.length; s++) offsets[s + 1] = offsets[s] + sizes[s];
  const members = new Uint32Array(n);
  const fill = offsets.slice(0, sizes.length);
  for (let d = 0; d < n; d++) members[fill[ofDoc[d]]++] = d;
  return { ofDoc, offsets, members };
}

/** Sorted distinct hashes of the word n-grams of a term sequence (analyzed terms: stopwords don't count). */
export function shingleSet(words: ArrayLike<number>, size: number): Uint32Array {
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < size; j++) h = Math.imul(h ^ words[i + j], 0x01000193);
    out.add(h >>> 0);
  }
  return Uint32Array.from(out).sort();
}

/** |A ∩ B| / min(|A|, |B|) over sorted distinct arrays; 0 when the smaller is too short to judge. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  if (smaller < MIN_SHINGLES) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / smaller;
}
