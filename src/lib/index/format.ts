/**
 * The shipped index format (see DESIGN.md "Index format"). meta.json is an IndexMeta plus a `sila` block that
 * says how to read the binary pack and with which parameters it was built, so the query side weighs terms
 * exactly as the builder did.
 */
import type { IndexMeta } from '../types';
import type { PackLayout } from './pack';
import type { TermParams } from './terms';

/** Bump when the layout or the meaning of a section changes: a loader refuses other versions. */
export const FORMAT_VERSION = 5;

/**
 * Every packaged file (related and search index alike) is cut below this: Firefox refuses package files of 5 MiB
 * or more, and the package check holds all to 4 MiB; 3.5 MiB leaves room to spare.
 */
export const MAX_FILE_BYTES = 3.5 * 1024 * 1024;

export const META_FILE = 'meta.json';

/**
 * The byte strings read on demand (postings, doc store, neighbour table) are cut into files of at most this
 * many bytes: a query reads the few files holding its query terms' postings (at most 30, see defaultQueryTermParams) and its ~15 shown documents.
 */
export const LAZY_CHUNK_BYTES = 128 * 1024;

/** Neighbour table record of one article: `neighbours` u32 positions (little-endian), then as many u8 scores. */
export const nbRecordBytes = (neighbours: number) => neighbours * 5;

export interface IndexParams extends TermParams {
  k1: number;
  b: number;
  /** A match scores sat_q × sat_d × idf^idfPower; document norms are computed with the same power. */
  idfPower: number;
  /** Terms kept per document in the postings (static pruning), strongest first. */
  keepTerms: number;
  /** Precomputed neighbours kept per corpus article. */
  neighbours: number;
  /** Build-time neighbour queries skip terms in more documents than this, so building stays ~linear in corpus size. */
  neighbourMaxDf: number;
  /** Characters of body kept as the snippet. */
  snippetChars: number;
  /** Word n-gram size and containment threshold for grouping near-duplicates into stories. */
  shingle: number;
  storyContainment: number;
}

export const defaultIndexParams: IndexParams = {
  titleBoost: 1,
  leadBoost: 1,
  leadTokens: 40,
  k1: 1.2,
  b: 0.75,
  idfPower: 1.5,
  keepTerms: 100,
  neighbours: 12,
  neighbourMaxDf: 3000,
  snippetChars: 80,
  shingle: 5,
  storyContainment: 0.6,
};

export interface ShippedMeta extends IndexMeta {
  sila: {
    params: IndexParams;
    docCount: number;
    termCount: number;
    avgLength: number;
    /** Outlet names; docs refer to them by index. */
    sources: string[];
    /** Read at load: the typed arrays every query needs (terms, idf, per-document arrays, lookup tables). */
    pack: PackLayout;
    /** Read on demand, chunk by chunk: each list names one file per chunk (chunk offsets are in the pack). */
    lazy: { postings: string[]; docText: string[]; neighbours: string[] };
    /** Files of the toolbar search (written by src/lib/search), empty when it was not built. */
    searchFiles: string[];
    /** Corpus file + code version the index was built from (scripts/lib/ensure-index.ts), when known. */
    buildKey?: string;
  };
}

/** Field separator inside one document record of the doc store. */
export const FIELD_SEP = '\u001f';
/** `docHours` value of an undated article. */
export const NO_DATE = -2147483648;
export const NO_SOURCE = 0xffff;
export const NO_NEIGHBOUR = 0xffffffff;

/** Date → whole hours since the epoch (offset-less dates read as UTC), or NO_DATE. */
export function toHours(published: string | null | undefined): number {
  if (!published) return NO_DATE;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(published);
  const ms = Date.parse(hasZone || published.length <= 10 ? published : `${published}Z`);
  return Number.isNaN(ms) ? NO_DATE : Math.floor(ms / 3_600_000);
}
