/**
 * Corpus → shipped index files, in memory and without I/O (scripts/build-index.ts does the reading, writing and
 * hashing). Articles are added one at a time and only their term-id sequences and display fields are kept, so
 * a 150k-article corpus builds in well under 2 GB.
 *
 * @example
 * const builder = new IndexBuilder({ corpusName: 'ant-2018' });
 * for await (const article of articles) builder.add(article);
 * const { meta, files } = builder.finish(); // meta.files is filled by the caller once files are hashed
 */
import { analyze, analyzeTokens } from '../text';
import type { CorpusArticle, CorpusCredit } from '../types';
import { Scorer } from './scorer';
import { defaultQueryTermParams, selectQueryTerms, type WeightContext } from './query-terms';
import { countTerms, idf as idfOf, toSequence } from './terms';
import { ByteWriter, ChunkedBytes, SAT_LEVELS_BASE, chunkAt, sortedPairs } from './bytes';
import {
  FIELD_SEP,
  FORMAT_VERSION,
  LAZY_CHUNK_BYTES,
  MAX_FILE_BYTES,
  NO_DATE,
  NO_SOURCE,
  defaultIndexParams,
  nbRecordBytes,
  toHours,
  type IndexParams,
  type ShippedMeta,
} from './format';
import { fnv1a, leadHash, normalizeUrl, titleTermsHash } from './identity';
import { PackWriter } from './pack';
import { weighDocument, type WeighStats } from './weigh';
import { findStories } from './stories';

export interface BuildOptions {
  corpusName: string;
  licenceNote?: string;
  credit?: CorpusCredit | null;
  params?: Partial<IndexParams>;
  maxPartBytes?: number;
  /** Size limit of the files read on demand (postings, doc store, neighbours). Default LAZY_CHUNK_BYTES. */
  lazyChunkBytes?: number;
  /** Called now and then during finish(): phase name, items done, items in all. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface BuiltIndex {
  /** Everything but `files` and `builtAt`, which the writer fills in. */
  meta: Omit<ShippedMeta, 'files' | 'builtAt'>;
  files: Map<string, Uint8Array>;
}

const NONE = 0xffffffff;

/** Raw neighbours kept per document before grouping into stories. */
const RAW_NEIGHBOURS = 40;

export class IndexBuilder {
  readonly params: IndexParams;
  private readonly vocab = new Map<string, number>();
  private readonly terms: string[] = [];
  private df: Uint32Array = new Uint32Array(1 << 16);
  private lastSeen: Int32Array = new Int32Array(1 << 16).fill(-1);
  private readonly titles: Uint32Array[] = [];
  private readonly bodies: Uint32Array[] = [];
  private readonly lengths: number[] = [];
  private readonly records: string[] = [];
  private readonly docSource: number[] = [];
  private readonly docHours: number[] = [];
  private readonly urlHashes: number[] = [];
  private readonly urlPositions: number[] = [];
  private readonly titleHashes: number[] = [];
  private readonly leadHashes: number[] = [];
  private readonly sources = new Map<string, number>();
  private readonly sourceCounts: number[] = [];
  private readonly languages = new Set<string>();
  private minDate: string | null = null;
  private maxDate: string | null = null;
  private maxDateHours = -Infinity;
  private minDateHours = Infinity;

  constructor(private readonly options: BuildOptions) {
    this.params = { ...defaultIndexParams, ...options.params };
  }

  get count(): number {
    return this.records.length;
  }

  add(article: CorpusArticle): void {
    const position = this.records.length;
    const idOf = (term: string) => {
      let id = this.vocab.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.vocab.set(term, id);
        this.terms.push(term);
        if (id >= this.df.length) this.grow();
      }
      if (this.lastSeen[id] !== position) {
        this.lastSeen[id] = position;
        this.df[id]++;
      }
      return id;
    };
    const titleTokens = analyzeTokens(article.title);
    const bodyTokens = analyzeTokens(article.body);
    const title = Uint32Array.from(toSequence(titleTokens, idOf));
    const body = Uint32Array.from(toSequence(bodyTokens, idOf));
    this.titles.push(title);
    this.bodies.push(body);
    this.lengths.push(titleTokens.length + bodyTokens.length);
    this.languages.add(/[\u0600-\u06ff]/.test(article.title + article.body.slice(0, 500)) ? 'ar' : 'en');

    let source = NO_SOURCE;
    if (article.source) {
      source = this.sources.get(article.source) ?? this.sources.size;
      if (source === this.sources.size) {
        if (source >= NO_SOURCE) throw new Error('more than 65,534 distinct sources');
        this.sources.set(article.source, source);
        this.sourceCounts.push(0);
      }
      this.sourceCounts[source]++;
    }
    this.docSource.push(source);
    const hours = toHours(article.published);
    this.docHours.push(hours);
    if (article.published && hours > this.maxDateHours) [this.maxDateHours, this.maxDate] = [hours, article.published];
    if (article.published && hours < this.minDateHours) [this.minDateHours, this.minDate] = [hours, article.published];
    if (article.url) {
      this.urlHashes.push(fnv1a(normalizeUrl(article.url)));
      this.urlPositions.push(position);
    }
    this.titleHashes.push(titleTermsHash(titleTokens.map((t) => t.term)));
    this.leadHashes.push(leadHash(bodyTokens.map((t) => t.term)));
    const snippet = makeSnippet(article.body, this.params.snippetChars);
    this.records.push(
      [article.id, article.title, article.url ?? '', article.published ?? '', snippet].map(clean).join(FIELD_SEP),
    );
  }

  private grow(): void {
    const df = new Uint32Array(this.df.length * 2);
    df.set(this.df);
    this.df = df;
    const seen = new Int32Array(this.lastSeen.length * 2).fill(-1);
    seen.set(this.lastSeen);
    this.lastSeen = seen;
  }

  finish(): BuiltIndex {
    const n = this.records.length;
    if (n === 0) throw new Error('no article to index');
    const p = this.params;
    const progress = this.options.onProgress ?? (() => {});
    const avgLength = this.lengths.reduce((a, b) => a + b, 0) / n;

    const allTerms = this.terms.length;
    const df = this.df.subarray(0, allTerms);

    // 1. Sorted term table (binary search at query time) and idf. Terms too rare for any query (the query side's
    //    minDf) are left out of the vocabulary, and terms too common for any query get no postings: neither can
    //    ever be matched, so they would only take room (and pruning slots).
    const minDf = Math.max(1, Math.min(defaultQueryTermParams.minDf, Math.floor(n / 2000)));
    const maxDf = Math.max(2, defaultQueryTermParams.maxDfRatio * n);
    const order = Array.from({ length: allTerms }, (_, i) => i)
      .filter((old) => df[old] >= minDf)
      .sort((a, b) => (this.terms[a] < this.terms[b] ? -1 : this.terms[a] > this.terms[b] ? 1 : 0));
    const termCount = order.length;
    const newId = new Uint32Array(allTerms).fill(NONE);
    order.forEach((old, i) => (newId[old] = i));
    const idf = new Float32Array(termCount);
    const sortedDf = new Uint32Array(termCount);
    order.forEach((old, t) => {
      idf[t] = idfOf(df[old], n);
      sortedDf[t] = df[old];
    });

    // 2. Each document's strongest terms (static pruning) → postings, document norms.
    const docStart = new Uint32Array(n + 1);
    const keptTerms: Uint32Array[] = new Array(n);
    const keptSats: Uint8Array[] = new Array(n);
    const postingCount = new Uint32Array(termCount);
    const docNorm = new Float32Array(n);
    const counts = new Map<number, number>();
    const weighStats: WeighStats = { idf, avgLength, k1: p.k1, b: p.b, idfPower: p.idfPower, keepTerms: p.keepTerms };
    for (let d = 0; d < n; d++) {
      counts.clear();
      countTerms(this.titles[d], this.bodies[d], p, counts);
      const eligible: [number, number][] = [];
      for (const [old, tf] of counts) {
        const t = newId[old];
        if (t !== NONE && df[old] <= maxDf) eligible.push([t, tf]);
      }
      const kept = weighDocument(eligible, this.lengths[d], weighStats);
      keptTerms[d] = kept.terms;
      keptSats[d] = kept.levels;
      for (const t of kept.terms) postingCount[t]++;
      docNorm[d] = kept.norm;
      docStart[d + 1] = docStart[d] + kept.terms.length;
      if (d % 2000 === 0) progress('weighing', d, n);
    }
    progress('weighing', n, n);

    // 3. Postings: per term, ascending documents as (gap varint, saturation byte).
    // (In a function of its own so that its big temporaries are freed before the neighbour pass.)
    const { postOffsets, postings } = ((): { postOffsets: Uint32Array; postings: Uint8Array } => {
      const postStart = new Uint32Array(termCount + 1);
      for (let t = 0; t < termCount; t++) postStart[t + 1] = postStart[t] + postingCount[t];
      const flatDocs = new Uint32Array(postStart[termCount]);
      const flatSats = new Uint8Array(postStart[termCount]);
      const fill = postStart.slice(0, termCount);
      for (let d = 0; d < n; d++) {
        const ts = keptTerms[d];
        const ss = keptSats[d];
        for (let i = 0; i < ts.length; i++) {
          const at = fill[ts[i]]++;
          flatDocs[at] = d;
          flatSats[at] = ss[i];
        }
      }
      const writer = new ByteWriter();
      const postOffsets = new Uint32Array(termCount + 1);
      for (let t = 0; t < termCount; t++) {
        let last = 0;
        for (let i = postStart[t]; i < postStart[t + 1]; i++) {
          // One varint per entry: the gap to the previous document, shifted left 4 bits, holding the level.
          writer.varint((flatDocs[i] - last) * SAT_LEVELS_BASE + flatSats[i]);
          last = flatDocs[i];
        }
        postOffsets[t + 1] = writer.length;
      }
      return { postOffsets, postings: writer.finish() };
    })();
    keptTerms.length = 0;
    keptSats.length = 0;

    // 4. Neighbours of every corpus article, with the query-time scorer itself.
    const ctx: WeightContext = { idf, df: sortedDf, docCount: n, avgLength, k1: p.k1, b: p.b, idfPower: p.idfPower };
    const scorer = new Scorer({ idf, postOffsets, postings: new ChunkedBytes([postings], Uint32Array.of(0)), docCount: n, k1: p.k1 });
    const rawPos = new Uint32Array(n * RAW_NEIGHBOURS).fill(0xffffffff);
    const rawScore = new Float32Array(n * RAW_NEIGHBOURS);
    const queryNorm = new Float32Array(n);
    const remapped = new Map<number, number>();
    const neighbourQuery = { ...defaultQueryTermParams, maxDfRatio: Math.min(defaultQueryTermParams.maxDfRatio, p.neighbourMaxDf / n) };
    for (let d = 0; d < n; d++) {
      counts.clear();
      countTerms(this.titles[d], this.bodies[d], p, counts);
      remapped.clear();
      for (const [old, tf] of counts) if (newId[old] !== NONE) remapped.set(newId[old], tf);
      const q = selectQueryTerms(remapped, this.lengths[d], ctx, neighbourQuery);
      queryNorm[d] = q.norm;
      const found = scorer.score(q.terms, q.weights, RAW_NEIGHBOURS, d);
      found.forEach((c, i) => {
        rawPos[d * RAW_NEIGHBOURS + i] = c.position;
        rawScore[d * RAW_NEIGHBOURS + i] = c.score;
      });
      if (d % 1000 === 0) progress('neighbours', d, n);
    }
    progress('neighbours', n, n);

    // 5. Stories: near-duplicate bodies among each article's closest neighbours.
    const story = findStories({
      bodies: this.bodies,
      rawPos,
      rawScore,
      perDoc: RAW_NEIGHBOURS,
      queryNorm,
      docNorm,
      shingle: p.shingle,
      containment: p.storyContainment,
      onProgress: (done) => progress('stories', done, n),
    });
    const storyCount = story.offsets.length - 1;

    // The term sequences are not needed any more: let them go before the doc store is encoded.
    this.titles.length = 0;
    this.bodies.length = 0;

    // 6. Stored neighbours: the best-scoring member of each of the closest stories.
    // Scores are kept as a byte relative to the article's best neighbour (nbTop): ranking needs no more.
    const m = p.neighbours;
    const nbPos = new Uint32Array(n * m).fill(0xffffffff);
    const nbScore = new Uint8Array(n * m);
    const nbTop = new Float32Array(n);
    for (let d = 0; d < n; d++) {
      const seen = new Set<number>();
      let kept = 0;
      for (let i = 0; i < RAW_NEIGHBOURS && kept < m; i++) {
        const c = rawPos[d * RAW_NEIGHBOURS + i];
        if (c === 0xffffffff) break;
        if (seen.has(story.ofDoc[c])) continue;
        seen.add(story.ofDoc[c]);
        const score = rawScore[d * RAW_NEIGHBOURS + i];
        if (kept === 0) nbTop[d] = score;
        nbPos[d * m + kept] = c;
        nbScore[d * m + kept] = Math.max(1, Math.round((score / nbTop[d]) * 255));
        kept++;
      }
    }

    // 7. Doc store and lookup tables.
    const encoder = new TextEncoder();
    const docText = new ByteWriter();
    const docOffsets = new Uint32Array(n + 1);
    this.records.forEach((record, d) => {
      docText.bytes(encoder.encode(record));
      docOffsets[d + 1] = docText.length;
    });
    // Each title's distinct terms (as the query side analyses the stored title), ascending ids as varint gaps:
    // the title-agreement step reads these instead of decoding ~30 candidates' titles from the doc store.
    const titleTermIds = new ByteWriter();
    const titleTermOffsets = new Uint32Array(n + 1);
    // How many titles hold each term: the query side's name-likeness (title share) needs it for every term, and
    // counting it there took a pass over all titles on the first related query of each worker life (1.7-19 ms).
    const titleDf = new Uint32Array(termCount);
    this.records.forEach((record, d) => {
      const ids: number[] = [];
      for (const term of new Set(analyze(record.split(FIELD_SEP)[1]))) {
        const old = this.vocab.get(term);
        if (old !== undefined && newId[old] !== NONE) ids.push(newId[old]);
      }
      ids.sort((a, b) => a - b);
      let last = 0;
      for (const id of ids) {
        titleTermIds.varint(id - last);
        titleDf[id]++;
        last = id;
      }
      titleTermOffsets[d + 1] = titleTermIds.length;
    });
    // Neighbour records, one per article: its positions (u32, little-endian), then their scores (u8).
    const nbBytes = nbRecordBytes(m);
    const nbTable = new Uint8Array(n * nbBytes);
    const nbView = new DataView(nbTable.buffer);
    for (let d = 0; d < n; d++) {
      for (let i = 0; i < m; i++) {
        nbView.setUint32(d * nbBytes + 4 * i, nbPos[d * m + i], true);
        nbTable[d * nbBytes + 4 * m + i] = nbScore[d * m + i];
      }
    }
    const termText = encoder.encode(order.map((old) => this.terms[old]).join('\n'));
    this.terms.length = 0; // the strings are in termText now
    this.vocab.clear();
    const urls = sortedPairs(this.urlHashes, this.urlPositions);
    const titles = sortedPairs(this.titleHashes, Array.from({ length: n }, (_, i) => i));

    const pack = new PackWriter()
      .add('termText', termText)
      .add('idf', idf)
      .add('df', sortedDf)
      .add('postOffsets', postOffsets)
      .add('docNorm', docNorm)
      .add('docOffsets', docOffsets)
      .add('docSource', Uint16Array.from(this.docSource))
      .add('docHours', Int32Array.from(this.docHours))
      .add('docStory', story.ofDoc)
      .add('storyOffsets', story.offsets)
      .add('storyMembers', story.members)
      .add('urlHash', urls.keys)
      .add('urlPos', urls.values)
      .add('titleHash', titles.keys)
      .add('titlePos', titles.values)
      .add('leadHash', Uint32Array.from(this.leadHashes))
      .add('queryNorm', queryNorm)
      .add('nbTop', nbTop)
      .add('titleTermOffsets', titleTermOffsets)
      .add('titleTermIds', titleTermIds.finish())
      .add('titleDf', titleDf);
    // The three big byte strings are read on demand: cut at item boundaries into files of their own, whose
    // logical start offsets go in the pack.
    const lazyBytes = this.options.lazyChunkBytes ?? LAZY_CHUNK_BYTES;
    const files = new Map<string, Uint8Array>();
    const lazy = { postings: [] as string[], docText: [] as string[], neighbours: [] as string[] };
    const addLazy = (kind: keyof typeof lazy, file: string, bytes: Uint8Array, bounds: ArrayLike<number>) => {
      const { chunks, starts } = chunkAt(bytes, bounds, lazyBytes, this.options.maxPartBytes ?? MAX_FILE_BYTES);
      pack.add(`${kind}ChunkStarts`, starts);
      chunks.forEach((chunk, i) => {
        const name = `sila-v${FORMAT_VERSION}-${file}-${i}.bin`;
        files.set(name, chunk);
        lazy[kind].push(name);
      });
    };
    addLazy('postings', 'post', postings, postOffsets);
    addLazy('docText', 'doc', docText.finish(), docOffsets);
    addLazy('neighbours', 'nb', nbTable, Array.from({ length: n + 1 }, (_, d) => d * nbBytes));
    const { layout, parts } = pack.finish(`sila-v${FORMAT_VERSION}`, this.options.maxPartBytes ?? MAX_FILE_BYTES);

    layout.parts.forEach((name, i) => files.set(name, parts[i]));
    const sources = [...this.sources.keys()];
    return {
      files,
      meta: {
        formatVersion: FORMAT_VERSION,
        corpus: {
          name: this.options.corpusName,
          articleCount: n,
          storyCount,
          sources: sources.map((name, i) => ({ name, count: this.sourceCounts[i] })).sort((a, b) => b.count - a.count),
          dateRange: this.minDate && this.maxDate ? [this.minDate, this.maxDate] : null,
          languages: [...this.languages].sort(),
          licenceNote: this.options.licenceNote ?? '',
          coverage: coverageSpan(this.docHours),
          credit: this.options.credit ?? null,
        },
        sila: { params: p, docCount: n, termCount, avgLength, sources, pack: layout, lazy, searchFiles: [] },
      },
    };
  }
}

/** Share of dated articles left out at each end of `coverage`: the span then holds 99 % of them. */
const COVERAGE_TAIL = 0.005;

/**
 * The dates between which 99 % of the dated articles lie (0.5 % and 99.5 % quantiles, to the hour): a few stray
 * old articles (86 from 2012–2017 in ANT 2018) would otherwise make "2012 – 2018" of an archive of 2018.
 */
export function coverageSpan(docHours: readonly number[]): [string, string] | null {
  const dated = docHours.filter((h) => h !== NO_DATE).sort((a, b) => a - b);
  if (dated.length === 0) return null;
  const at = (q: number) => dated[Math.min(dated.length - 1, Math.max(0, Math.floor(q * (dated.length - 1))))];
  const iso = (hours: number) => new Date(hours * 3_600_000).toISOString();
  return [iso(at(COVERAGE_TAIL)), iso(at(1 - COVERAGE_TAIL))];
}

/** The first words of the body, cut at a word boundary. */
export function makeSnippet(body: string, maxChars: number): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.lastIndexOf(' ', maxChars);
  return `${flat.slice(0, cut > maxChars / 2 ? cut : maxChars)}…`;
}

const clean = (s: string) => s.replaceAll(FIELD_SEP, ' ');
