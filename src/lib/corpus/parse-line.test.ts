import { describe, expect, it } from 'vitest';
import { isIsoDate, parseCorpusLine } from './parse-line';

const line = (o: unknown) => JSON.stringify(o);

describe('parseCorpusLine', () => {
  it('accepts the minimal schema and trims', () => {
    const r = parseCorpusLine(line({ id: ' a1 ', title: 'وكالة الفضاء', body: ' نص الخبر ' }), 1);
    expect(r).toEqual({ ok: true, article: { id: 'a1', title: 'وكالة الفضاء', body: 'نص الخبر' } });
  });

  it('keeps typed optional fields and drops null ones', () => {
    const r = parseCorpusLine(
      line({ id: 'x', title: 't', body: 'b', url: 'https://e.com/1', source: null, published: '2018-03-21T10:00:00+04:00', tags: ['a'] }),
      2,
    );
    expect(r.ok && r.article).toEqual({ id: 'x', title: 't', body: 'b', url: 'https://e.com/1', published: '2018-03-21T10:00:00+04:00', tags: ['a'] });
  });

  it.each([
    ['not json', '{"id": "a",', 'not-json'],
    ['an array', '[1,2]', 'not-object'],
    ['missing body', line({ id: 'a', title: 't' }), 'missing-field'],
    ['null title', line({ id: 'a', title: null, body: 'b' }), 'missing-field'],
    ['numeric id', line({ id: 7, title: 't', body: 'b' }), 'wrong-type'],
    ['empty body', line({ id: 'a', title: 't', body: '  \n ' }), 'empty-field'],
    ['empty id', line({ id: '', title: 't', body: 'b' }), 'empty-field'],
    ['url number', line({ id: 'a', title: 't', body: 'b', url: 5 }), 'wrong-type'],
    ['tags not strings', line({ id: 'a', title: 't', body: 'b', tags: [1] }), 'wrong-type'],
    ['bad date', line({ id: 'a', title: 't', body: 'b', published: 'yesterday' }), 'bad-date'],
    ['huge body', line({ id: 'a', title: 't', body: 'x'.repeat(600_000) }), 'too-long'],
  ])('rejects %s with a line number', (_name, text, code) => {
    const r = parseCorpusLine(text, 42);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason).toMatch(/^line 42: /);
    }
  });
});

describe('isIsoDate', () => {
  it.each(['2018-03-21', '2013-01-29T14:10:00', '2018-02-18T21:35:43+04:00', '2018-02-18T21:35:43Z'])('accepts %s', (d) =>
    expect(isIsoDate(d)).toBe(true),
  );
  it.each(['21/03/2018', '2018-13-45', '', 'now'])('rejects %s', (d) => expect(isIsoDate(d)).toBe(false));
});
