/**
 * CorpusLines' `keep`: a host's own field comes back with the article of its own line, from the reader's parse,
 * whatever the chunks' boundaries, blank or bad lines between; without `keep` nothing more is handed out.
 */
import { describe, expect, it } from 'vitest';
import { CorpusLines, type NumberedArticle } from './lines';

const bytes = (text: string) => new TextEncoder().encode(text);
const line = (id: string, note?: unknown) => JSON.stringify({ id, title: `T ${id}`, body: `B ${id}`, ...(note === undefined ? {} : { note }) });
const FILE = [line('a', { n: 1 }), '', line('b'), '{"id": "cut', line('c', null), line('a', 'duplicate id'), line('d', [4])].join('\r\n');

function readAll(reader: CorpusLines, text: string, chunkBytes: number): NumberedArticle[] {
  const all = bytes(text);
  const got: NumberedArticle[] = [];
  for (let at = 0; at < all.length; at += chunkBytes) got.push(...reader.push(all.subarray(at, at + chunkBytes)));
  return [...got, ...reader.end()];
}

describe('CorpusLines keep', () => {
  it.each([1, 7, 4096])('hands back each article line’s field as parsed, in chunks of %i bytes', (chunkBytes) => {
    const reader = new CorpusLines({ keep: 'note' });
    const got = readAll(reader, FILE, chunkBytes);
    expect(got.map(({ line, article, extra }) => [line, article.id, extra])).toEqual([
      [1, 'a', { n: 1 }],
      [3, 'b', undefined],
      [5, 'c', null],
      [7, 'd', [4]],
    ]);
    expect(got[0].article).toEqual({ id: 'a', title: 'T a', body: 'B a' }); // the field stays out of the article
    expect(reader.skipped).toEqual({ 'not-json': 1, 'duplicate-id': 1 });
  });

  it('without keep, an article comes with its line number only', () => {
    const got = readAll(new CorpusLines(), FILE, 4096);
    expect(got.map((g) => Object.keys(g))).toEqual(Array(4).fill(['line', 'article']));
  });
});
