import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { InvalidMessage, validateEnvelope, validateSnapshot } from './validate';
import { LIMITS } from '../messages';

const snapshot = {
  isArticle: true,
  title: 'وكالة الفضاء تطلق قمرا جديدا',
  text: 'نص المقال.\nفقرة ثانية.',
  lang: 'ar',
  dir: 'rtl',
  url: 'https://news.example/a',
  canonicalUrl: null,
  published: '2018-03-01T10:00:00Z',
  siteName: 'Example News',
};

describe('validateEnvelope', () => {
  test('accepts each message with a well-formed payload and returns a copy', () => {
    const input = { sila: 1, name: 'page/snapshot', payload: { snapshot } };
    const out = validateEnvelope(input);
    expect(out).toEqual(input);
    expect(out.payload).not.toBe(input.payload);
    expect(validateEnvelope({ sila: 1, name: 'tab/state', payload: { tabId: 3 } }).payload).toEqual({ tabId: 3 });
    expect(validateEnvelope({ sila: 1, name: 'corpus/search', payload: { query: 'مصر', limit: 10 } }).payload).toEqual({ query: 'مصر', limit: 10 });
    expect(validateEnvelope({ sila: 1, name: 'corpus/about', payload: {} }).payload).toEqual({});
    expect(validateEnvelope({ sila: 1, name: 'collections/rename', payload: { id: 2, name: '  Desk 2013 ', extra: 1 } }).payload).toEqual({ id: 2, name: 'Desk 2013' });
    expect(validateEnvelope({ sila: 1, name: 'collections/switch', payload: { id: 2, enabled: false } }).payload).toEqual({ id: 2, enabled: false });
    expect(validateEnvelope({ sila: 1, name: 'collections/import', payload: { id: 7 } }).payload).toEqual({ id: 7 });
  });

  test.each([
    ['not an object', 'hello', /not a Sila message/],
    ['wrong marker', { sila: 2, name: 'corpus/about', payload: {} }, /not a Sila message/],
    ['unknown name', { sila: 1, name: 'tabs/closeAll', payload: {} }, /unknown message/],
    ['payload missing', { sila: 1, name: 'corpus/about' }, /payload must be an object/],
    ['tab id negative', { sila: 1, name: 'tab/state', payload: { tabId: -1 } }, /tabId/],
    ['tab id fractional', { sila: 1, name: 'tab/state', payload: { tabId: 1.5 } }, /tabId/],
    ['query too long', { sila: 1, name: 'corpus/search', payload: { query: 'x'.repeat(LIMITS.queryChars + 1), limit: 5 } }, /query/],
    ['limit too high', { sila: 1, name: 'corpus/search', payload: { query: 'x', limit: 10_000 } }, /limit/],
    ['title too long', { sila: 1, name: 'page/snapshot', payload: { snapshot: { ...snapshot, title: 't'.repeat(LIMITS.titleChars + 1) } } }, /title/],
    ['dir not rtl/ltr', { sila: 1, name: 'page/snapshot', payload: { snapshot: { ...snapshot, dir: 'auto' } } }, /dir/],
    ['isArticle not boolean', { sila: 1, name: 'page/snapshot', payload: { snapshot: { ...snapshot, isArticle: 'yes' } } }, /isArticle/],
    ['collection id zero', { sila: 1, name: 'collections/remove', payload: { id: 0 } }, /id/],
    ['collection name blank', { sila: 1, name: 'collections/rename', payload: { id: 1, name: '   ' } }, /name must not be empty/],
    ['collection name too long', { sila: 1, name: 'collections/rename', payload: { id: 1, name: 'n'.repeat(LIMITS.collectionNameChars + 1) } }, /name/],
    ['switch not boolean', { sila: 1, name: 'collections/switch', payload: { id: 1, enabled: 'off' } }, /enabled/],
    ['url not a string', { sila: 1, name: 'page/snapshot', payload: { snapshot: { ...snapshot, url: 42 } } }, /url/],
  ])('refuses %s with a clear message', (_, message, reason) => {
    expect(() => validateEnvelope(message)).toThrow(InvalidMessage);
    expect(() => validateEnvelope(message)).toThrow(reason);
  });

  test('a very long article text is cut, not refused', () => {
    const out = validateSnapshot({ ...snapshot, text: 'ا'.repeat(LIMITS.textChars + 500) });
    expect(out.text.length).toBe(LIMITS.textChars);
  });

  test('never throws anything but InvalidMessage, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }), (value) => {
        try {
          validateEnvelope(value);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidMessage);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('snapshots with arbitrary field values are either refused cleanly or come back well-typed (property)', () => {
    const field = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.boolean(), fc.constantFrom('rtl', 'ltr'));
    fc.assert(
      fc.property(fc.record({ isArticle: field, title: field, text: field, lang: field, dir: field, url: field, canonicalUrl: field, published: field, siteName: field }), (raw) => {
        try {
          const out = validateSnapshot(raw);
          expect(typeof out.title).toBe('string');
          expect(['rtl', 'ltr']).toContain(out.dir);
          expect(out.text.length).toBeLessThanOrEqual(LIMITS.textChars);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidMessage);
        }
      }),
    );
  });
});
