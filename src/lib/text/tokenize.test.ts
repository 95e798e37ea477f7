import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { tokenize } from './tokenize';

const tokens = (text: string): string[] => {
  const out: string[] = [];
  tokenize(normalize(text), (_s, _e, t) => out.push(t));
  return out;
};

describe('tokenize', () => {
  it.each([
    ['قال: «السلام»، ثم؛ لماذا؟', ['قال', 'السلام', 'ثم', 'لماذا']],
    ['كوفيد-19', ['كوفيد', '19']],
    ['كوفيد19', ['كوفيد', '19']],
    ['G20 و MP3', ['g20', 'و', 'mp3']],
    ['بالiPhone', ['بال', 'iphone']],
    ['2,000,000 و 1,5 و 3.14', ['2000000', 'و', '1', '5', 'و', '3.14']],
    ['٢٬٥٠٠ ٣٫٥', ['2500', '3.5']],
    ["Trump's don't rock'n'roll", ['trump', 'dont', 'rocknroll']],
    ['e-mail @user #وسم https://example.com/a_b', ['e', 'mail', 'user', 'وسم', 'https', 'example', 'com', 'a', 'b']],
    ['😀مرحبا😀', ['مرحبا']],
    ['中文 русский हिंदी', ['中文', 'русский', 'हिंदी']],
    ['الـ ١٠٠ الـ100', ['ال', '100', 'ال', '100']],
  ])('%s', (input, expected) => {
    expect(tokens(input)).toEqual(expected);
  });

  it('reports spans in the normalised text', () => {
    const spans: [number, number][] = [];
    tokenize('ab  cd', (s, e) => spans.push([s, e]));
    expect(spans).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });

  it('drops tokens longer than any word', () => {
    expect(tokens(`${'x'.repeat(100)} ok`)).toEqual(['ok']);
  });
});
