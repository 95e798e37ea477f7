/**
 * A MiniSearch instance over the titles, made from compact postings instead of `MiniSearch.loadJSON`.
 *
 * Why: on the full corpus `JSON.parse` + `loadJS` of the title index take ~400 ms here, paid every time the
 * service worker wakes up. MiniSearch keeps, per term, a Map fieldId → Map docId → term frequency; it only ever
 * calls `get(fieldId)` on it when searching. So each term gets a tiny object whose `get` decodes that term's
 * postings on first use. Loading is then one radix-tree insert per term, and MiniSearch's own search (BM25+,
 * prefix, fuzzy, query-term coordination) runs unchanged.
 *
 * This relies on MiniSearch 7's private fields. title-index.test.ts checks that an instance made here answers
 * exactly like one built with `addAll`, so an upgrade that changes them fails loudly in the tests.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { PostingsTable } from './postings.ts';
import { miniSearchOptions, type TitleDoc } from './options.ts';

/** The parts of MiniSearch 7's state we fill in. */
interface MiniSearchState {
  _index: { set(term: string, data: unknown): unknown; has(term: string): boolean };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  executeQuery(query: string, options: SearchOptions): Map<number, RawMatch>;
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

  // MiniSearch only calls these when documents are added or removed, which a loaded index never does.
  set(): never {
    throw new Error('the search index is read-only');
  }
}

/** What MiniSearch 7's executeQuery gives per matching document (before search()'s coordination factor). */
export interface RawMatch {
  score: number;
  /** Query terms that matched. */
  terms: string[];
  /** Index term → fields it matched in. */
  match: Record<string, string[]>;
}

export interface TitleIndex {
  mini: MiniSearch<TitleDoc>;
  /** MiniSearch's own query execution, without search()'s per-result objects and full sort. */
  execute(query: string, options: SearchOptions): Map<number, RawMatch>;
  /** True when the title vocabulary has this exact term. */
  has(term: string): boolean;
}

/** A read-only MiniSearch over the title postings. */
export function titleIndexFrom(table: PostingsTable): TitleIndex {
  const mini = new MiniSearch<TitleDoc>(miniSearchOptions);
  const state = mini as unknown as MiniSearchState;
  for (const field of STATE_FIELDS) {
    if (!(field in state)) throw new Error(`search: MiniSearch ${field} not found; this MiniSearch version is not supported`);
  }
  const n = table.header.docCount;
  const ids = new Map<number, number>();
  const lengths = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    ids.set(i, i);
    lengths.set(i, [table.lengths[i]]);
  }
  state._documentCount = n;
  state._nextId = n;
  state._documentIds = ids;
  state._idToShortId = ids;
  state._fieldIds = { title: 0 };
  state._fieldLength = lengths;
  state._avgFieldLength = [table.header.avgLength];
  state._storedFields = new Map();
  state._dirtCount = 0;
  const terms = table.terms;
  for (let i = 0; i < terms.length; i++) state._index.set(terms[i], new LazyTermData(table, i));
  if (typeof state.executeQuery !== 'function') throw new Error('search: MiniSearch executeQuery not found; this MiniSearch version is not supported');
  return { mini, has: (term) => state._index.has(term), execute: (query, options) => state.executeQuery(query, options) };
}
