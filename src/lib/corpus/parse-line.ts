/**
 * One corpus line → one article, or the reason it can't be one. Pure: no I/O, no state (duplicate ids and
 * duplicate articles are the reader's job, since they need the lines seen before).
 *
 * @example
 * parseCorpusLine('{"id":"a1","title":"T","body":"B"}', 1) // → { ok: true, article: { id: 'a1', title: 'T', body: 'B' } }
 * parseCorpusLine('{"id":"a1","title":"T","body":""}', 7) // → { ok: false, code: 'empty-body', reason: 'line 7: …' }
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

export type ParseResult =
  | { ok: true; article: CorpusArticle }
  | { ok: false; code: SkipCode; reason: string };

const fail = (code: SkipCode, lineNumber: number, what: string): ParseResult => ({
  ok: false,
  code,
  reason: `line ${lineNumber}: ${what}`,
});

/** Parse one JSONL line of the corpus schema (README "Corpus schema"). `lineNumber` is 1-based, for messages. */
export function parseCorpusLine(line: string, lineNumber: number): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'parse error';
    return fail('not-json', lineNumber, `not valid JSON (${detail})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-object', lineNumber, 'not a JSON object');
  }
  const raw = value as Record<string, unknown>;

  for (const field of ['id', 'title', 'body'] as const) {
    if (!(field in raw) || raw[field] === null || raw[field] === undefined) {
      return fail('missing-field', lineNumber, `required field "${field}" is missing`);
    }
    if (typeof raw[field] !== 'string') {
      return fail('wrong-type', lineNumber, `field "${field}" must be a string, got ${typeName(raw[field])}`);
    }
  }
  const id = (raw.id as string).trim();
  const title = (raw.title as string).trim();
  const body = (raw.body as string).trim();
  if (id === '') return fail('empty-field', lineNumber, 'field "id" is empty');
  if (body === '') return fail('empty-field', lineNumber, 'field "body" is empty');
  if (id.length > corpusLimits.idChars) return fail('too-long', lineNumber, `id longer than ${corpusLimits.idChars} characters`);
  if (title.length > corpusLimits.titleChars) {
    return fail('too-long', lineNumber, `title longer than ${corpusLimits.titleChars} characters`);
  }
  if (body.length > corpusLimits.bodyChars) {
    return fail('too-long', lineNumber, `body longer than ${corpusLimits.bodyChars} characters (${body.length})`);
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
      return fail('wrong-type', lineNumber, `field "${field}" must be a string or null, got ${typeName(v)}`);
    }
    if (v.length > maxChars) return fail('too-long', lineNumber, `field "${field}" longer than ${maxChars} characters`);
    const trimmed = v.trim();
    if (trimmed !== '') article[field] = trimmed;
  }
  if (article.published !== undefined && article.published !== null && !isIsoDate(article.published)) {
    return fail('bad-date', lineNumber, `field "published" is not an ISO 8601 date: ${JSON.stringify(article.published.slice(0, 40))}`);
  }

  for (const field of ['other_categories', 'tags'] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((item) => typeof item !== 'string')) {
      return fail('wrong-type', lineNumber, `field "${field}" must be an array of strings`);
    }
    if (v.length > corpusLimits.listItems || v.some((item: string) => item.length > corpusLimits.shortFieldChars)) {
      return fail('too-long', lineNumber, `field "${field}" has too many or too long items`);
    }
    article[field] = v as string[];
  }
  return { ok: true, article };
}

/** ISO 8601 date or date-time, with or without offset (e.g. 2018-03-21, 2013-01-29T14:10:00, …+03:00). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return false;
  return !Number.isNaN(Date.parse(text.replace(' ', 'T')));
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
