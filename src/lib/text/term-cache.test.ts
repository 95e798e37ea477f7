import { describe, expect, it } from 'vitest';
import { TermCache } from './term-cache';

describe('TermCache', () => {
  it('computes each distinct token once and answers from spans', () => {
    let calls = 0;
    const cache = new TermCache((t) => {
      calls++;
      return t === 'stop' ? null : t.toUpperCase();
    });
    const text = 'ab stop ab cd stop';
    expect(cache.termOfSpan(text, 0, 2)).toBe('AB');
    expect(cache.termOfSpan(text, 8, 10)).toBe('AB');
    expect(cache.termOfSpan(text, 3, 7)).toBeNull();
    expect(cache.termOfSpan(text, 14, 18)).toBeNull();
    expect(cache.termOfSpan('cd', 0, 2)).toBe('CD');
    expect(calls).toBe(3);
  });

  it('stays correct through growth and through starting over at its size limit', () => {
    const cache = new TermCache((t) => `<${t}>`);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 400_000; i += 7) {
        const s = `w${i}`;
        expect(cache.termOfSpan(`x ${s} y`, 2, 2 + s.length)).toBe(`<${s}>`);
      }
    }
  });
});
