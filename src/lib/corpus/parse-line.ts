/**
 * One corpus line → one article, or the reason it can't be one. Pure: no I/O, no state (duplicate ids and
 * duplicate articles are the reader's job, since they need the lines seen before).
 *
 * @example
 * parseCorpusLine('{"id":"a1","title":"T","body":"B"}', 1) // → { ok: true, article: { id: 'a1', title: 'T', body: 'B' } }
 * parseCorpusLine('{"id":"a1","title":"T","body":""}', 7)
 *   // → { ok: false, code: 'empty-field', why: { key: 'empty-field', params: ['body'] }, reason: 'line 7: field "body" is empty' }
 */
import type { CorpusArticle } from '../types';

/** Sizes far above anything a news article needs; they stop one runaway line from bloating the index. */
export const corpusLimits = {
  idChars: 512,
  titleChars: 2_000,
  bodyChars: 500_000,
  urlChars: 4_096,
  shortFieldChars: 1_000,
  abstractChars: 20_000,
  listItems: 200,
} as const;

/** Why a line was skipped: stable codes, so a build summary can count them. */
export type SkipCode =
  | 'not-json'
  | 'not-object'
  | 'missing-field'
  | 'wrong-type'
  | 'empty-field'
  | 'too-long'
  | 'bad-date'
  | 'invalid-utf8'
  | 'line-too-long'
  | 'duplicate-id'
  | 'duplicate-article';

/**
 * Which sentence says why a line was skipped: the code, or the code and what it is about ("too-long-body").
 * Each has an English text here (the builder's words, skipWords) and one in every interface locale.
 */
export const SKIP_REASON_KEYS = [
  'not-json',
  'not-object',
  'missing-field',
  'wrong-type',
  'wrong-type-optional',
  'wrong-type-list',
  'empty-field',
  'too-long-id',
  'too-long-title',
  'too-long-body',
  'too-long-field',
  'too-long-list',
  'bad-date',
  'invalid-utf8',
  'line-too-long',
  'duplicate-id',
  'duplicate-article',
  // Said by a restore (src/library/library-restore.ts), never by the corpus reader.
  'not-backup',
  'bad-backup',
] as const;

/** The keys a restore gives and the corpus reader never does. */
export const RESTORE_SKIP_KEYS: readonly SkipReasonKey[] = ['not-backup', 'bad-backup'];
export type SkipReasonKey = (typeof SKIP_REASON_KEYS)[number];

/** A JSON value's type, as a wrong-type reason names what it got. */
export type JsonType = 'null' | 'array' | 'object' | 'number' | 'boolean' | 'string';

/**
 * Why a line was skipped, as data: the sentence's key and what it names, in order (a field, a limit, a length,
 * a value), so that an interface says it in its own language. `skipWords` gives the builder's English.
 */
export type SkipReason =
  | { key: 'not-json'; params: [detail: string] }
  | { key: 'not-object' | 'invalid-utf8'; params: [] }
  | { key: 'missing-field' | 'empty-field' | 'wrong-type-list' | 'too-long-list'; params: [field: string] }
  | { key: 'wrong-type' | 'wrong-type-optional'; params: [field: string, got: JsonType] }
  | { key: 'too-long-id' | 'too-long-title' | 'line-too-long'; params: [max: number] }
  | { key: 'too-long-body'; params: [max: number, length: number] }
  | { key: 'too-long-field'; params: [field: string, max: number] }
  | { key: 'bad-date'; params: [value: string] }
  | { key: 'duplicate-id' | 'duplicate-article'; params: [id: string] }
  // A restore's own reasons (src/library/backup-format.ts): a line with no "sila" field, or one whose field is wrong.
  | { key: 'not-backup'; params: [] }
  | { key: 'bad-backup'; params: [detail: string] };

/** What a restore says of a line with no "sila" field (an ordinary corpus line, or a backup older than restore). */
export const NOT_BACKUP = 'not a line of a Sila backup (it has no "sila" field): add the file as a collection instead';

const typeName = (t: JsonType) => (t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`);

/** The builder's English for a reason (what `npm run build:index` prints after "line N: "). */
export function skipWords(r: SkipReason): string {
  switch (r.key) {
    case 'not-json':
      return `not valid JSON (${r.params[0]})`;
    case 'not-object':
      return 'not a JSON object';
    case 'missing-field':
      return `required field "${r.params[0]}" is missing`;
    case 'wrong-type':
      return `field "${r.params[0]}" must be a string, got ${typeName(r.params[1])}`;
    case 'wrong-type-optional':
      return `field "${r.params[0]}" must be a string or null, got ${typeName(r.params[1])}`;
    case 'wrong-type-list':
      return `field "${r.params[0]}" must be an array of strings`;
    case 'empty-field':
      return `field "${r.params[0]}" is empty`;
    case 'too-long-id':
      return `id longer than ${r.params[0]} characters`;
    case 'too-long-title':
      return `title longer than ${r.params[0]} characters`;
    case 'too-long-body':
      return `body longer than ${r.params[0]} characters (${r.params[1]})`;
    case 'too-long-field':
      return `field "${r.params[0]}" longer than ${r.params[1]} characters`;
    case 'too-long-list':
      return `field "${r.params[0]}" has too many or too long items`;
    case 'bad-date':
      return `field "published" is not an ISO 8601 date: ${JSON.stringify(r.params[0])}`;
    case 'invalid-utf8':
      return 'not valid UTF-8';
    case 'line-too-long':
      return `longer than ${r.params[0]} bytes`;
    case 'duplicate-id':
      return `duplicate id ${JSON.stringify(r.params[0])}`;
    case 'duplicate-article':
      return `same title and body as an earlier article (id ${r.params[0]})`;
    case 'not-backup':
      return NOT_BACKUP;
    case 'bad-backup':
      return r.params[0];
  }
}

/** A skipped line's reason: its code (counted by build summaries), the reason as data, and the builder's sentence. */
export interface Skip {
  code: SkipCode;
  why: SkipReason;
  /** "line 7: field "body" is empty": what the builder prints. */
  reason: string;
}

/** The skip of line `lineNumber` for `why`. */
export const skipOf = (code: SkipCode, lineNumber: number, why: SkipReason): Skip => ({ code, why, reason: `line ${lineNumber}: ${skipWords(why)}` });

/** `extra`: the line's field named by `keep` (parseCorpusLine), as parsed; undefined when the line has none. */
export type ParseResult = { ok: true; article: CorpusArticle; extra?: unknown } | ({ ok: false } & Skip);

const fail = (code: SkipCode, lineNumber: number, why: SkipReason): ParseResult => ({ ok: false, ...skipOf(code, lineNumber, why) });

/**
 * Parse one JSONL line of the corpus schema (README "Corpus schema"). `lineNumber` is 1-based, for messages.
 * `keep` names one field outside the schema that the caller wants back as it is (`extra`), unchecked: a host's
 * own field, which the article itself leaves out like any unknown field.
 */
export function parseCorpusLine(line: string, lineNumber: number, keep?: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'parse error';
    return fail('not-json', lineNumber, { key: 'not-json', params: [detail] });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-object', lineNumber, { key: 'not-object', params: [] });
  }
  const raw = value as Record<string, unknown>;

  for (const field of ['id', 'title', 'body'] as const) {
    if (!(field in raw) || raw[field] === null || raw[field] === undefined) {
      return fail('missing-field', lineNumber, { key: 'missing-field', params: [field] });
    }
    if (typeof raw[field] !== 'string') {
      return fail('wrong-type', lineNumber, { key: 'wrong-type', params: [field, jsonType(raw[field])] });
    }
  }
  const id = (raw.id as string).trim();
  const title = (raw.title as string).trim();
  const body = (raw.body as string).trim();
  if (id === '') return fail('empty-field', lineNumber, { key: 'empty-field', params: ['id'] });
  if (body === '') return fail('empty-field', lineNumber, { key: 'empty-field', params: ['body'] });
  if (id.length > corpusLimits.idChars) return fail('too-long', lineNumber, { key: 'too-long-id', params: [corpusLimits.idChars] });
  if (title.length > corpusLimits.titleChars) {
    return fail('too-long', lineNumber, { key: 'too-long-title', params: [corpusLimits.titleChars] });
  }
  if (body.length > corpusLimits.bodyChars) {
    return fail('too-long', lineNumber, { key: 'too-long-body', params: [corpusLimits.bodyChars, body.length] });
  }

  const article: CorpusArticle = { id, title, body };

  const optionalStrings = [
    ['url', corpusLimits.urlChars],
    ['source', corpusLimits.shortFieldChars],
    ['published', corpusLimits.shortFieldChars],
    ['category', corpusLimits.shortFieldChars],
    ['abstract', corpusLimits.abstractChars],
    ['author', corpusLimits.shortFieldChars],
  ] as const;
  for (const [field, maxChars] of optionalStrings) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') {
      return fail('wrong-type', lineNumber, { key: 'wrong-type-optional', params: [field, jsonType(v)] });
    }
    if (v.length > maxChars) return fail('too-long', lineNumber, { key: 'too-long-field', params: [field, maxChars] });
    const trimmed = v.trim();
    if (trimmed !== '') article[field] = trimmed;
  }
  if (article.published !== undefined && article.published !== null && !isIsoDate(article.published)) {
    return fail('bad-date', lineNumber, { key: 'bad-date', params: [article.published.slice(0, 40)] });
  }

  for (const field of ['other_categories', 'tags'] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((item) => typeof item !== 'string')) {
      return fail('wrong-type', lineNumber, { key: 'wrong-type-list', params: [field] });
    }
    if (v.length > corpusLimits.listItems || v.some((item: string) => item.length > corpusLimits.shortFieldChars)) {
      return fail('too-long', lineNumber, { key: 'too-long-list', params: [field] });
    }
    article[field] = v as string[];
  }
  return keep === undefined ? { ok: true, article } : { ok: true, article, extra: raw[keep] };
}

/** ISO 8601 date or date-time, with or without offset (e.g. 2018-03-21, 2013-01-29T14:10:00, …+03:00). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return false;
  return !Number.isNaN(Date.parse(text.replace(' ', 'T')));
}

function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType; // JSON.parse gives no other types
}
