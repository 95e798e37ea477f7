/**
 * Build time: the toolbar-search files for the indexed articles.
 *
 * - search-title.bin: the title index MiniSearch searches (terms from miniSearchOptions' analyzer), as compact
 *   postings that load in milliseconds (see postings.ts; load.ts turns them into a MiniSearch instance).
 * - search-lead.bin: BM25 postings of the first `leadChars` characters of the body, the words a rewritten
 *   headline borrows from the article when it does not reuse the title's.
 * - search-titles.txt, only with { titles: true }: the titles, one a line, so hits can say which title words
 *   matched when the caller cannot hand titles to loadSearcher (the engine can: it holds the DocRecords).
 */
import { miniSearchOptions, searchTuning, SEARCH_FORMAT } from './options';
import { PostingsWriter } from './postings';
import { SEARCH_META_FILE, splitBinary, splitLines, type SearchMeta } from './files';
import { canonicalTerm, learnVariants } from './variants';

export interface SearchDocInput {
  /** Dense 0..n-1 position the index builder gave the article. */
  position: number;
  title: string;
  body: string;
  source?: string | null;
  published?: string | null;
}

export interface BuildSearchOptions {
  /** Write the titles file (default false: the engine gives loadSearcher `titleOf`, and 2.7 MB is saved). */
  titles?: boolean;
  /** Override tuning (for the evals). */
  leadChars?: number;
  leadMaxDfShare?: number;
  /** Learn and merge spelling variants (default true; the evals turn it off to compare). */
  variants?: boolean;
}

/**
 * The files of the search index. Filenames start with "search"; each file is under 4 MiB; no .gz.
 * Documents may come in any order but their positions must be exactly 0..n-1.
 * @example const files = buildSearchFiles([{ position: 0, title: 'وزارة الخارجية', body: '…', source: null, published: null }])
 */
export function buildSearchFiles(docs: Iterable<SearchDocInput>, options: BuildSearchOptions = {}): Record<string, string | Uint8Array> {
  const leadChars = options.leadChars ?? searchTuning.leadChars;
  const sorted = [...docs].sort((a, b) => a.position - b.position);
  sorted.forEach((d, i) => {
    if (d.position !== i) throw new Error(`buildSearchFiles: positions must be 0..n-1, found ${d.position} at ${i}`);
  });
  const tokenize = miniSearchOptions.tokenize!;
  const processTerm = miniSearchOptions.processTerm!;
  const termsOf = (text: string, field: string): string[] => {
    const out: string[] = [];
    for (const token of tokenize(text, field)) {
      const t = processTerm(token, field);
      if (Array.isArray(t)) out.push(...t);
      else if (t) out.push(t);
    }
    return out;
  };
  const titles = sorted.map((d) => oneLine(String(d.title ?? '')));
  const titleTerms = titles.map((t) => termsOf(t, 'title'));
  const leadTerms = sorted.map((d) => termsOf(leadOf(String(d.body ?? ''), leadChars), 'lead'));
  // Spelling variants (variants.ts): learned over title and lead terms together, then indexed as one term.
  const variants = options.variants === false ? new Map<string, string>() : learnVariants(
          titleTerms.map((t, i) => [...t, ...leadTerms[i]]),
          {},
          sorted.map((d) => d.source),
        ).table;
  const canon = (terms: string[]) => (variants.size ? terms.map((t) => canonicalTerm(variants, t)) : terms);
  const title = new PostingsWriter();
  const lead = new PostingsWriter();
  for (const d of sorted) {
    title.add(d.position, canon(titleTerms[d.position]));
    lead.add(d.position, canon(leadTerms[d.position]));
  }
  const leadMaxDf = Math.max(1, Math.floor((options.leadMaxDfShare ?? searchTuning.leadMaxDfShare) * sorted.length));
  const files: Record<string, string | Uint8Array> = {};
  const titleParts = splitBinary('search-title', title.finish());
  const leadParts = splitBinary('search-lead', lead.finish({ maxDf: leadMaxDf }));
  const titleLines = options.titles ? splitLines('search-titles', titles) : [];
  for (const [name, content] of [...titleParts, ...leadParts, ...titleLines]) files[name] = content;
  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    docCount: sorted.length,
    files: { title: titleParts.map(([n]) => n), lead: leadParts.map(([n]) => n), titles: titleLines.map(([n]) => n) },
    leadChars,
    leadMaxDf,
    variants: [...variants].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  };
  files[SEARCH_META_FILE] = JSON.stringify(meta);
  return files;
}

/** The start of the body, cut at a word boundary near `chars`. */
export function leadOf(body: string, chars: number): string {
  if (body.length <= chars) return body;
  const cut = body.indexOf(' ', chars);
  return cut < 0 || cut > chars + 40 ? body.slice(0, chars) : body.slice(0, cut);
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
