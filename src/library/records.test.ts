import { describe, expect, it } from 'vitest';
import { leadOf } from '../lib/search/build';
import { searchTuning } from '../lib/search/options';
import { OPENING_CHARS, READ_VERSION, migrateReadV1, openingOf, recordOf, splitReadV2 } from './records';
import { SNIPPET_CHARS } from './search';

const text = 'كلمة '.repeat(200);
const v2 = { v: 2, id: 7, url: 'https://news.example/a', title: 'عنوان', outlet: 'Example', published: '2026-12-01T08:00:00Z', text, readAt: 42 };

describe('read records', () => {
  it('keep the opening search needs (its lead, cut at a space, and the snippet), not the text', () => {
    const record = recordOf({ url: v2.url, title: v2.title, outlet: v2.outlet, published: v2.published, text, readAt: 1 });
    expect(record.v).toBe(READ_VERSION);
    expect('text' in record).toBe(false);
    expect(record.opening).toBe(text.slice(0, OPENING_CHARS));
    expect(text.startsWith(leadOf(record.opening, searchTuning.leadChars))).toBe(true);
    expect(leadOf(record.opening, searchTuning.leadChars)).toBe(leadOf(text, searchTuning.leadChars));
    expect(OPENING_CHARS).toBeGreaterThanOrEqual(Math.max(SNIPPET_CHARS, searchTuning.leadChars + 40));
  });

  it('a version-2 record splits into today’s record (same id, its opening) and its text', () => {
    const split = splitReadV2(v2);
    expect(split).toEqual({
      read: { v: READ_VERSION, id: 7, url: v2.url, title: v2.title, outlet: 'Example', published: v2.published, opening: openingOf(text), readAt: 42 },
      text,
    });
    // A short text is its own opening.
    expect(splitReadV2({ ...v2, text: 'قصير' })?.read.opening).toBe('قصير');
  });

  it('a version-2 record that cannot be used is dropped, not carried over half', () => {
    for (const bad of [null, 'x', { ...v2, id: undefined }, { ...v2, id: 0 }, { ...v2, id: 1.5 }, { ...v2, url: 'javascript:alert(1)' }, { ...v2, text: 3 }]) {
      expect(splitReadV2(bad)).toBeNull();
    }
    // Missing optional fields are filled as version 1's migration fills them.
    expect(splitReadV2({ id: 3, url: 'http://a.example/', text: 't' })?.read).toMatchObject({ title: '', outlet: null, published: null, readAt: 0, opening: 't' });
    expect(migrateReadV1({ url: 'http://a.example/', text: 't' })).toMatchObject({ text: 't' });
  });
});
