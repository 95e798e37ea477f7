/**
 * Learn the Arabic stemmer's exception lists from a corpus and write src/lib/text/arabic-stem-exceptions.ts.
 *
 *   npx tsx scripts/learn-stem-exceptions.ts [--corpus FILE.jsonl[.gz]] [--out FILE] [--min N]
 *
 * The corpus defaults to SILA_CORPUS or ../shared/corpus/ant-2018/articles.jsonl.gz. Only single vocabulary
 * words are written, never corpus text. Three questions are answered from word frequencies:
 *
 * 1. Is the ال of a word the article? Writers who write hamza write إلغاء, ألمانيا, ألعاب, and the article
 *    never carries one: a word written with أ/إ/آ in ≥ 20% of its occurrences keeps its ال.
 * 2. Is a suffix (ون ين ان هم ها نا …) part of the word? If the word is ≥ 90% of all words that share its
 *    stripped stem (تعاون is nearly all of "تعا…"), the ending belongs to it. The feminine ه, ات and nisba ي
 *    are never learned: وزارات is rare next to وزارة, and must still meet it.
 * 3. Is a leading و ف ب ل ك part of the word? Compare the word family (وكالة, الوكالة, وكالات …) with the
 *    family of what is left (كالة …): when the remainder's family is under half the word's, the letter
 *    belongs to the word.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { defaultCorpusFile, repoRoot } from './paths';
import { parseArgs } from './lib/args';
import { normalizeWithOffsets, SourceMap } from '../src/lib/text/normalize';
import { tokenize } from '../src/lib/text/tokenize';
import { ARABIC_STOPWORDS } from '../src/lib/text/stopwords';
import { createArabicStemmer } from '../src/lib/text/arabic-stem';
import { CURATED_KEEP_SUFFIX } from '../src/lib/text/arabic-stem-curated';

const args = parseArgs(process.argv.slice(2));
const corpus = resolve(args.get('corpus') || defaultCorpusFile);
const out = resolve(args.get('out') || resolve(repoRoot, 'src/lib/text/arabic-stem-exceptions.ts'));
const MIN = args.num('min', 8);
/** Size budget for the generated file: the most frequent words win. */
const MAX_PREFIX_WORDS = 4000;
const MAX_SUFFIX_WORDS = 1500;

const HAMZA_ALEFS = new Set([0x0622, 0x0623, 0x0625]);
const isArabic = (t: string): boolean => t.charCodeAt(0) >= 0x0621 && t.charCodeAt(0) <= 0x06ff;

async function countWords(): Promise<{ count: Map<string, number>; hamza: Map<string, number> }> {
  const count = new Map<string, number>();
  const hamza = new Map<string, number>(); // occurrences of an ال… word written with a hamza on its alef
  const input = createReadStream(corpus);
  const lines = createInterface({ input: corpus.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    let doc: { title?: unknown; body?: unknown };
    try {
      doc = JSON.parse(line);
    } catch {
      continue;
    }
    const text = `${typeof doc.title === 'string' ? doc.title : ''}\n${typeof doc.body === 'string' ? doc.body : ''}`;
    const map = new SourceMap();
    const norm = normalizeWithOffsets(text, map);
    tokenize(norm, (s, _e, tok) => {
      if (tok.length < 2 || !isArabic(tok)) return; // stopwords counted too: they are families of ويكون
      count.set(tok, (count.get(tok) ?? 0) + 1);
      if (tok.startsWith('ال') && HAMZA_ALEFS.has(text.charCodeAt(map.from[s]))) {
        hamza.set(tok, (hamza.get(tok) ?? 0) + 1);
      }
    });
    if (++n % 5000 === 0) process.stderr.write(`${n} articles\n`);
  }
  process.stderr.write(`${n} articles, ${count.size} Arabic word types\n`);
  return { count, hamza };
}

const add = (m: Map<string, number>, k: string, v: number): void => {
  m.set(k, (m.get(k) ?? 0) + v);
};

/** Most frequent first, capped. */
function top(words: Map<string, number>, max: number): string[] {
  return [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([w]) => w).sort();
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const { count, hamza } = await countWords();

  // 1. ال that is not the article.
  const alefLam = new Map<string, number>();
  for (const [w, c] of count) {
    if (w.length >= 4 && c >= MIN && (hamza.get(w) ?? 0) >= 0.2 * c) alefLam.set(w, c);
  }
  /** The word without unambiguous clitic + article (وال بال فال كال لل ال), unless its ال is its own. */
  const RE_ART = /^(?:[وف]?[بك]?ال|[وف]?لل)/u;
  const base = (w: string): string => {
    if (alefLam.has(w)) return w;
    const m = RE_ART.exec(w);
    if (!m) return w;
    const rest = w.slice(m[0].length);
    return rest.length >= 2 && !alefLam.has(`ال${rest}`) ? rest : alefLam.has(`ال${rest}`) ? `ال${rest}` : w;
  };
  const byBase = new Map<string, number>();
  for (const [w, c] of count) add(byBase, base(w), c);

  // 2. Suffixes that belong to the word, judged with a stemmer that knows no exceptions yet.
  const bare = createArabicStemmer({ keepPrefix: [], keepSuffix: [] });
  const family = new Map<string, number>();
  for (const [b, c] of byBase) add(family, bare.stripSuffixes(b), c);
  const LEARNABLE = ['هما', 'هم', 'ها', 'نا', 'يين', 'يون', 'يات', 'ون', 'ين', 'ان'];
  const keepSuffix = new Map<string, number>();
  for (const [b, c] of byBase) {
    if (c < MIN) continue;
    const s = bare.stripSuffixes(b);
    if (s === b) continue;
    const ending = b.slice(s.length);
    if (!LEARNABLE.some((e) => ending === e || ending.endsWith(e)) || /^[هي]$|ات$|ه$/u.test(ending)) continue;
    if (family.get(s)! - c < 0.1 * c) keepSuffix.set(b, c);
  }

  // 3. Leading و ف ب ل ك that belong to the word, judged with the learned suffixes.
  const withSuffixes = createArabicStemmer({ keepPrefix: [], keepSuffix: [...keepSuffix.keys(), ...CURATED_KEEP_SUFFIX.split(/\s+/).filter(Boolean)] });
  const core = (w: string): string => withSuffixes.stripSuffixes(base(w));
  const coreCount = new Map<string, number>();
  const coreBest = new Map<string, [string, number]>(); // most frequent spelling of each core
  for (const [w, c] of count) {
    const k = core(w);
    add(coreCount, k, c);
    const best = coreBest.get(k);
    if (!best || best[1] < c) coreBest.set(k, [base(w), c]);
  }
  const keepPrefix = new Map<string, number>();
  for (const [k, total] of coreCount) {
    if (total < MIN || k.length < 2 || !'وفبلك'.includes(k[0])) continue; // بدات → بد
    const word = coreBest.get(k)![0];
    if (ARABIC_STOPWORDS.has(word)) continue;
    const rest = core(word.slice(1));
    if ((coreCount.get(rest) ?? 0) < 0.5 * total) keepPrefix.set(word, total);
  }
  for (const [w, c] of alefLam) keepPrefix.set(w, c);

  // A clitic form of a word already kept (وايران next to ايران) adds nothing: the stemmer checks suffixes
  // after removing clitics.
  for (const w of keepSuffix.keys()) {
    if ('وفبلك'.includes(w[0]) && (keepSuffix.has(w.slice(1)) || keepSuffix.has(w.slice(2)))) keepSuffix.delete(w);
  }
  const prefixWords = top(keepPrefix, MAX_PREFIX_WORDS);
  const suffixWords = top(keepSuffix, MAX_SUFFIX_WORDS);
  const wrap = (ws: string[]): string => ws.join(' ').replace(/(.{1,110})(?: |$)/gu, '$1\n');
  writeFileSync(
    out,
    `// GENERATED by scripts/learn-stem-exceptions.ts (min count ${MIN}); do not edit by hand: curate in
// arabic-stem-curated.ts and re-run. Single normalised vocabulary words, most frequent of their kind.

/** ${prefixWords.length} words whose leading و ف ب ل ك or ال is part of the word (the stemmer keeps their cores). */
export const LEARNED_KEEP_PREFIX = \`
${wrap(prefixWords)}\`;

/** ${suffixWords.length} words whose ending (ون ين ان هم ها …) is part of the word. */
export const LEARNED_KEEP_SUFFIX = \`
${wrap(suffixWords)}\`;
`,
  );
  process.stderr.write(
    `alef-lam ${alefLam.size}, keep-prefix ${keepPrefix.size} (wrote ${prefixWords.length}), ` +
      `keep-suffix ${keepSuffix.size} (wrote ${suffixWords.length}) → ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
