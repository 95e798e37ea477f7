import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PostingsTable, PostingsWriter } from './postings';
import { concatBytes, splitBinary, splitLines } from './files';

describe('postings', () => {
  it('round-trip documents, term frequencies (capped at 4) and lengths', () => {
    const w = new PostingsWriter();
    w.add(0, ['b', 'a', 'a']);
    w.add(1, []);
    w.add(2, ['a', 'c', 'c', 'c', 'c', 'c']);
    const t = new PostingsTable(w.finish());
    expect(t.terms).toEqual(['a', 'b', 'c']);
    expect([...t.lengths]).toEqual([2, 0, 2]);
    const seen: [number, number][] = [];
    t.forEach(t.find('a'), (d, tf) => seen.push([d, tf]));
    expect(seen).toEqual([[0, 2], [2, 1]]);
    expect(t.df(t.find('c'))).toBe(1);
    t.forEach(t.find('c'), (_d, tf) => expect(tf).toBe(4));
    expect(t.find('zz')).toBe(-1);
  });

  it('drop terms above maxDf', () => {
    const w = new PostingsWriter();
    for (let i = 0; i < 10; i++) w.add(i, i < 5 ? ['common', `r${i}`] : ['common']);
    const t = new PostingsTable(w.finish({ maxDf: 5 }));
    expect(t.find('common')).toBe(-1);
    expect(t.find('r3')).toBeGreaterThanOrEqual(0);
  });

  it('round-trip arbitrary data, also from an unaligned buffer', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('x', 'y', 'كتاب', 'z9', '\u0000', ''), { maxLength: 8 }), { maxLength: 40 }), (docs) => {
        const w = new PostingsWriter();
        docs.forEach((terms, i) => w.add(i, terms));
        const blob = w.finish();
        const shifted = new Uint8Array(blob.length + 1).subarray(1);
        shifted.set(blob);
        const t = new PostingsTable(shifted);
        for (const term of t.terms) {
          const want = docs.flatMap((terms, i) => ((terms as string[]).includes(term) ? [i] : []));
          const got: number[] = [];
          t.forEach(t.find(term), (d) => got.push(d));
          expect(got).toEqual(want);
        }
        return t.header.docCount === docs.length;
      }),
    );
  });

  it('reject a file that is not postings', () => {
    expect(() => new PostingsTable(new Uint8Array(16))).toThrow(/magic/);
  });
});

describe('files', () => {
  it('split a blob into parts that concatenate back', () => {
    const bytes = Uint8Array.from({ length: 25 }, (_, i) => i);
    const parts = splitBinary('search-x', bytes, 10);
    expect(parts.map(([n]) => n)).toEqual(['search-x-0.bin', 'search-x-1.bin', 'search-x-2.bin']);
    expect([...concatBytes(parts.map(([, b]) => b))]).toEqual([...bytes]);
    expect(splitBinary('search-x', bytes)[0][0]).toBe('search-x.bin');
  });

  it('split lines at line ends', () => {
    const parts = splitLines('search-t', ['aaaa', 'bbbb', 'cccc'], 10);
    expect(parts.length).toBe(2);
    expect(parts.flatMap(([, text]) => text.split('\n'))).toEqual(['aaaa', 'bbbb', 'cccc']);
  });
});
