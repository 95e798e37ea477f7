/**
 * A MiniSearch instance over the titles, made from compact postings instead of `MiniSearch.loadJSON`.
 *
 * Why: on the full corpus `JSON.parse` + `loadJS` of the title index take ~400 ms here, paid every time the
 * service worker wakes up. MiniSearch keeps, per term, a Map fieldId → Map docId → term frequency; it only ever
 * calls `get(fieldId)` on it when searching. So each term gets a tiny object whose `get` decodes that term's
 * postings on first use. Loading is then one radix-tree insert per term, and MiniSearch's own search (BM25+,
 * prefix, fuzzy, query-term coordination) runs unchanged. The searcher itself only uses the tree (completions,
 * fuzzy neighbours) and scores titles from the postings (term-hits.ts), without MiniSearch's per-title objects.
 *
 * This relies on MiniSearch 7's private fields. title-index.test.ts checks that an instance made here answers
 * exactly like one built with `addAll`, so an upgrade that changes them fails loudly in the tests.
 */
import MiniSearch from 'minisearch';
import type { PostingsTable } from './postings';
import { miniSearchOptions, type TitleDoc } from './options';

/** The parts of MiniSearch 7's state we fill in. */
interface MiniSearchState {
  _index: {
    _tree: RadixNode;
    _size: number | undefined;
    set(term: string, data: unknown): unknown;
    has(term: string): boolean;
    atPrefix(prefix: string): Iterable<[string, LazyTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [LazyTermData, number]>;
  };
  _documentCount: number;
  _nextId: number;
  _documentIds: Pick<Map<number, number>, 'get' | 'has' | 'size'>;
  _idToShortId: Pick<Map<number, number>, 'get' | 'has' | 'size'>;
  _fieldIds: Record<string, number>;
  _fieldLength: Pick<Map<number, number[]>, 'get'>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

const STATE_FIELDS = ['_index', '_documentCount', '_nextId', '_documentIds', '_idToShortId', '_fieldIds', '_fieldLength', '_avgFieldLength', '_storedFields', '_dirtCount'];

/** MiniSearch's per-term value: fieldId → (position → tf), decoded on first use and then kept. */
class LazyTermData {
  private decoded: Map<number, number> | undefined;

  constructor(
    private readonly table: PostingsTable,
    private readonly term: number,
  ) {}

  get(fieldId: number): Map<number, number> | undefined {
    if (fieldId !== 0) return undefined;
    if (!this.decoded) {
      const map = new Map<number, number>();
      this.table.forEach(this.term, (doc, tf) => map.set(doc, tf));
      this.decoded = map;
    }
    return this.decoded;
  }

  private count = -1;

  /** Number of titles with the term, counted once: a 2-letter prefix asks it of a thousand completions. */
  df(): number {
    if (this.count < 0) this.count = this.table.df(this.term);
    return this.count;
  }

  // MiniSearch only calls these when documents are added or removed, which a loaded index never does.
  set(): never {
    throw new Error('the search index is read-only');
  }
}

/** Stands in for MiniSearch's id ↔ short-id Maps when both are the position. */
class IdentityMap {
  constructor(readonly size: number) {}
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.size;
  }
  get(id: number): number | undefined {
    return this.has(id) ? id : undefined;
  }
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let i = 0; i < this.size; i++) yield [i, i];
  }
}

/** Stands in for MiniSearch's Map docId → [title length]. MiniSearch reads the array at once, never keeps it. */
class FieldLengths {
  private readonly one = [0];
  constructor(private readonly lengths: Uint16Array) {}
  get(doc: number): number[] | undefined {
    if (doc < 0 || doc >= this.lengths.length) return undefined;
    this.one[0] = this.lengths[doc];
    return this.one;
  }
}

/** SearchableMap's node: edge label → child node; the value of the key ending here sits under "". */
type RadixNode = Map<string, RadixNode | LazyTermData>;

/** The radix tree of terms[lo..hi) (sorted, code-unit order, no duplicates), all sharing their first `depth` units. */
function radixTree(terms: string[], value: (i: number) => LazyTermData, lo: number, hi: number, depth: number): RadixNode {
  const node: RadixNode = new Map();
  let i = lo;
  while (i < hi) {
    const first = terms[i];
    if (first.length === depth) {
      node.set('', value(i)); // the term that is exactly this node's prefix sorts first
      i++;
      continue;
    }
    const c = first.charCodeAt(depth);
    let j = i + 1;
    while (j < hi && terms[j].charCodeAt(depth) === c) j++;
    if (j - i === 1) {
      node.set(first.slice(depth), new Map([['', value(i)]]));
    } else {
      // In a sorted run, the common prefix of all is the common prefix of the first and the last.
      const last = terms[j - 1];
      let end = depth + 1;
      while (end < first.length && end < last.length && first.charCodeAt(end) === last.charCodeAt(end)) end++;
      node.set(first.slice(depth, end), radixTree(terms, value, i, j, end));
    }
    i = j;
  }
  return node;
}

export interface TitleIndex {
  mini: MiniSearch<TitleDoc>;
  /** The title postings (term-hits.ts scores them as MiniSearch does, without its per-document objects). */
  table: PostingsTable;
  /** True when the title vocabulary has this exact term. */
  has(term: string): boolean;
  /** Title terms at edit distance 1..maxDistance from `term`, with the distance, in MiniSearch's order. */
  fuzzy(term: string, maxDistance: number): [string, number][];
  /** Title terms starting with `prefix` (itself included when present), with their document frequency. */
  completions(prefix: string): Iterable<[string, number]>;
}

/** A read-only MiniSearch over the title postings. */
export function titleIndexFrom(table: PostingsTable): TitleIndex {
  const mini = new MiniSearch<TitleDoc>(miniSearchOptions);
  const state = mini as unknown as MiniSearchState;
  for (const field of STATE_FIELDS) {
    if (!(field in state)) throw new Error(`search: MiniSearch ${field} not found; this MiniSearch version is not supported`);
  }
  const n = table.header.docCount;
  // Positions are the ids (0..n-1), so MiniSearch's id maps and per-document field lengths become views over
  // what the postings file already holds, instead of three Maps with an entry per article.
  const ids = new IdentityMap(n);
  const lengths = new FieldLengths(table.lengths);
  state._documentCount = n;
  state._nextId = n;
  state._documentIds = ids;
  state._idToShortId = ids;
  state._fieldIds = { title: 0 };
  state._fieldLength = lengths;
  state._avgFieldLength = [table.header.avgLength];
  state._storedFields = new Map();
  state._dirtCount = 0;
  // The radix tree MiniSearch's SearchableMap would grow by one set() per term, built in one pass over the
  // sorted terms instead (no repeated walks and edge splits).
  state._index._tree = radixTree(table.terms, (i) => new LazyTermData(table, i), 0, table.terms.length, 0);
  state._index._size = undefined;
  return {
    mini,
    table,
    has: (term) => state._index.has(term),
    fuzzy(term, maxDistance) {
      const out: [string, number][] = [];
      for (const [t, [, distance]] of state._index.fuzzyGet(term, maxDistance)) if (distance > 0) out.push([t, distance]);
      return out;
    },
    *completions(prefix) {
      for (const [term, data] of state._index.atPrefix(prefix)) yield [term, data.df()];
    },
  };
}
