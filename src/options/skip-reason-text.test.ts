/** Every reason a collection's line can be left out for is said in every locale, with what it names. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { CorpusLines } from '../lib/corpus/lines';
import { RESTORE_SKIP_KEYS, SKIP_REASON_KEYS, skipWords, type SkipReason } from '../lib/corpus/parse-line';
import { JSON_TYPE_TEXT, SKIP_TEXT, skippedLineText } from './skip-reason-text';

const localesDir = resolve(__dirname, '../../public/_locales');
const locales = readdirSync(localesDir).map((lang) => [lang, JSON.parse(readFileSync(resolve(localesDir, lang, 'messages.json'), 'utf8'))] as const);

/** Bad lines that between them give every reason the reader has (a test below checks they do). */
const BAD_LINES = [
  '{bad',
  '[1]',
  '{"title":"t","body":"b"}',
  '{"id":7,"title":"t","body":"b"}',
  '{"id":"a","title":"t","body":"b","url":5}',
  '{"id":"a","title":"t","body":"b","tags":"x"}',
  '{"id":"a","title":"t","body":" "}',
  `{"id":"${'i'.repeat(513)}","title":"t","body":"b"}`,
  `{"id":"a","title":"${'t'.repeat(2001)}","body":"b"}`,
  `{"id":"a","title":"t","body":"${'b'.repeat(500_001)}"}`,
  `{"id":"a","title":"t","body":"b","source":"${'s'.repeat(1001)}"}`,
  `{"id":"a","title":"t","body":"b","tags":[${Array(201).fill('"x"').join(',')}]}`,
  '{"id":"a","title":"t","body":"b","published":"yesterday"}',
  '{"id":"ok","title":"t","body":"b"}',
  '{"id":"ok","title":"t2","body":"b2"}',
  '{"id":"ok2","title":"t","body":"b"}',
];

function skippedOf(lines: string[]) {
  const found: { line: number; reason: string; why: SkipReason }[] = [];
  const reader = new CorpusLines({ onSkip: (s) => found.push(s), maxLineBytes: 600_000 });
  const bytes = new TextEncoder();
  for (const line of lines) reader.push(bytes.encode(`${line}\n`));
  reader.push(new Uint8Array([0xff, 0x0a]));
  reader.push(bytes.encode(`${'x'.repeat(600_001)}\n`));
  reader.end();
  return found;
}

describe('a bad line’s reason', () => {
  it('has a text for every reason key and every JSON type in every locale', () => {
    expect(locales.map(([lang]) => lang).sort()).toEqual(expect.arrayContaining(['ar', 'en']));
    for (const [lang, messages] of locales) {
      for (const key of SKIP_REASON_KEYS) expect(messages[SKIP_TEXT[key]]?.message, `${lang}: ${key}`).toBeTruthy();
      for (const key of Object.values(JSON_TYPE_TEXT)) expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy();
      expect(messages.collectionSkippedLine?.message, lang).toBeTruthy();
    }
  });

  it('is given by the reader for every key, and the builder’s sentence is its English words after the line number', () => {
    const found = skippedOf(BAD_LINES);
    expect(new Set(found.map((s) => s.why.key))).toEqual(new Set(SKIP_REASON_KEYS.filter((k) => !RESTORE_SKIP_KEYS.includes(k))));
    for (const s of found) expect(s.reason).toBe(`line ${s.line}: ${skipWords(s.why)}`);
  });

  it('is said in the interface’s language, naming what the builder names', () => {
    const found = skippedOf(BAD_LINES);
    for (const language of ['ar', 'en'] as const) {
      const i18n = createI18n({ language, digits: 'latn' });
      for (const s of found) {
        const text = skippedLineText(i18n, s);
        expect(text, s.reason).toContain(String(s.line));
        for (const p of s.why.params) {
          if (typeof p === 'number') expect(text, s.reason).toContain(i18n.number(p));
          else if (s.why.key !== 'wrong-type' && s.why.key !== 'wrong-type-optional') expect(text, s.reason).toContain(p.slice(0, 20));
        }
        if (language === 'ar') expect(text, s.reason).not.toContain(skipWords(s.why));
      }
    }
    const ar = createI18n({ language: 'ar', digits: 'latn' });
    const empty = found.find((s) => s.why.key === 'empty-field')!;
    expect(skippedLineText(ar, empty)).toBe(`السطر ${empty.line}: الحقل «\u2068body\u2069» فارغ`);
    const wrong = found.find((s) => s.why.key === 'wrong-type')!;
    expect(skippedLineText(createI18n({ language: 'en', digits: 'latn' }), wrong)).toBe(`line ${wrong.line}: field "\u2068id\u2069" must be a string, got a number`);
  });

  it('stored before reasons carried their key, is shown in the builder’s words', () => {
    const old = { line: 12, reason: 'line 12: field "body" is empty' };
    expect(skippedLineText(createI18n({ language: 'ar', digits: 'latn' }), old)).toBe(old.reason);
    // A key a newer Sila wrote that this one does not know: its stored sentence too.
    const unknown = { ...old, why: { key: 'not-yet-known', params: [] } as unknown as SkipReason };
    expect(skippedLineText(createI18n({ language: 'ar', digits: 'latn' }), unknown)).toBe(old.reason);
  });
});
