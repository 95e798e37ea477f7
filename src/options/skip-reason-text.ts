/**
 * A collection's bad line in the interface's language: the parser's reason as data (src/lib/corpus/parse-line.ts
 * SkipReason) said by the locale's sentence for its key, its numbers in the interface's digits (a limit with its
 * noun in the plural form, the line number ungrouped), the names it
 * quotes from the file (a field, an id, a date as written) isolated so they keep their order in either direction.
 * A line stored before reasons carried their key (no `why`) is said in the builder's English, as it was.
 */
import type { I18n, MessageKey } from '../i18n';
import type { JsonType, SkipReason, SkipReasonKey } from '../lib/corpus/parse-line';

/** The locale key of each reason (a test checks every one is in every locale). */
export const SKIP_TEXT: Record<SkipReasonKey, MessageKey> = {
  'not-json': 'skipNotJson',
  'not-object': 'skipNotObject',
  'missing-field': 'skipMissingField',
  'wrong-type': 'skipWrongType',
  'wrong-type-optional': 'skipWrongTypeOptional',
  'wrong-type-list': 'skipWrongTypeList',
  'empty-field': 'skipEmptyField',
  'too-long-id': 'skipTooLongId',
  'too-long-title': 'skipTooLongTitle',
  'too-long-body': 'skipTooLongBody',
  'too-long-field': 'skipTooLongField',
  'too-long-list': 'skipTooLongList',
  'bad-date': 'skipBadDate',
  'invalid-utf8': 'skipInvalidUtf8',
  'line-too-long': 'skipLineTooLong',
  'duplicate-id': 'skipDuplicateId',
  'duplicate-article': 'skipDuplicateArticle',
  'not-backup': 'skipNotBackup',
  'bad-backup': 'skipBadBackup',
};

export const JSON_TYPE_TEXT: Record<JsonType, MessageKey> = {
  null: 'jsonTypeNull',
  array: 'jsonTypeArray',
  object: 'jsonTypeObject',
  number: 'jsonTypeNumber',
  boolean: 'jsonTypeBoolean',
  string: 'jsonTypeString',
};

/** Text from the file inside an interface sentence, isolated (FSI…PDI): "body" stays "body" in Arabic. */
const quoted = (text: string) => `\u2068${text}\u2069`;

function params(i18n: I18n, why: SkipReason): string[] {
  switch (why.key) {
    case 'wrong-type':
    case 'wrong-type-optional':
      return [quoted(why.params[0]), i18n.t(JSON_TYPE_TEXT[why.params[1]] ?? 'jsonTypeObject')];
    // A limit is a count, said with its noun in the language's plural form ("2,000 characters", "٢٠٠٠ حرف").
    case 'too-long-id':
    case 'too-long-title':
      return [i18n.plural('charCount', why.params[0])];
    case 'too-long-body':
      return [i18n.plural('charCount', why.params[0]), i18n.number(why.params[1])];
    case 'too-long-field':
      return [quoted(why.params[0]), i18n.plural('charCount', why.params[1])];
    case 'line-too-long':
      return [i18n.plural('byteCount', why.params[0])];
    case 'bad-date':
    case 'duplicate-id':
      return [quoted(JSON.stringify(why.params[0]))];
    default:
      return why.params.map((p) => (typeof p === 'number' ? i18n.number(p) : quoted(p)));
  }
}

/** "line 4211: field "body" is empty", or its Arabic, for a stored bad line. */
export function skippedLineText(i18n: I18n, s: { line: number; reason: string; why?: SkipReason }): string {
  const key = s.why && SKIP_TEXT[s.why.key];
  if (!s.why || !key) return s.reason;
  // A line number names a line: not grouped ("line 1234", not "line 1,234").
  return i18n.t('collectionSkippedLine', i18n.identifier(s.line), i18n.t(key, ...params(i18n, s.why)));
}
