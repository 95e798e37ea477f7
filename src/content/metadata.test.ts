import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readMeta } from './metadata';

const URL_ = 'https://news.example/2024/03/story';
const meta = (head: string) => readMeta(parseHTML(`<html><head>${head}</head><body></body></html>`).document as unknown as Document, URL_);

describe('the meta title', () => {
  test('OpenGraph first, then Twitter, Dublin Core and Parse.ly', () => {
    expect(meta('<meta name="DC.title" content="DC"><meta property="og:title" content="OG">').metaTitle).toBe('OG');
    expect(meta('<meta name="twitter:title" content="TW"><meta name="DC.title" content="DC">').metaTitle).toBe('TW');
    expect(meta('<meta name="DC.Title" content="remoteStorage">').metaTitle).toBe('remoteStorage');
    expect(meta('<meta property="dcterms:title" content="A standard">').metaTitle).toBe('A standard');
    expect(meta('<meta name="parsely-title" content="Parsed">').metaTitle).toBe('Parsed');
    expect(meta('<meta name="description" content="not a title">').metaTitle).toBe('');
  });

  test('a space-separated property names each of its keys', () => {
    const m = meta('<meta property="x:title dc:title" content="My title"><meta property="og:type  og:whatever" content="article">');
    expect(m.metaTitle).toBe('My title');
    expect(m.ogType).toBe('article');
  });

  test('an empty content does not hide a later tag of the same key', () => {
    expect(meta('<meta property="og:title" content=" "><meta property="og:title" content="Second">').metaTitle).toBe('Second');
  });
});

test('property: keys written in one space-separated property read as if written in separate tags', () => {
  const key = fc.constantFrom('og:title', 'twitter:title', 'dc:title', 'og:type', 'og:site_name', 'x:other');
  fc.assert(
    fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z][a-z ]{0,20}$/), (keys, content) => {
      const joined = meta(`<meta property="${keys.join(' ')}" content="${content}">`);
      const separate = meta(keys.map((k) => `<meta property="${k}" content="${content}">`).join(''));
      expect([joined.metaTitle, joined.ogType, joined.ogSiteName]).toEqual([separate.metaTitle, separate.ogType, separate.ogSiteName]);
    }),
    { numRuns: 100 },
  );
});
