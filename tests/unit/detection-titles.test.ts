/** The title rules of extract.ts: publisher headline vs visible heading, site-logo <h1>, <title> cut, title lines. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chooseTitle, extractSnapshot, findTitleHeading, isTitlePart, titleFromDocTitle } from '../../src/content/extract';

describe('chooseTitle', () => {
  test('the publisher headline wins over a restyled visible heading of the same story', () => {
    expect(chooseTitle('Seven secrets hotel owners hide', 'The seven secrets hotel owners hide from you', 'x', null)).toBe(
      'The seven secrets hotel owners hide from you',
    );
  });
  test('the heading wins when the headline only adds a site name, or <title> names the heading\'s story', () => {
    expect(chooseTitle('Rockets hit the port', 'Rockets hit the port | Daily Planet', '', null)).toBe('Rockets hit the port');
    expect(chooseTitle('Space ship breaks up over Siberia', 'Yahoo News - Latest News', 'Space ship breaks up over Siberia', null)).toBe(
      'Space ship breaks up over Siberia',
    );
  });
  test('without heading: the headline with the known site stripped, else <title> cut before its last separator', () => {
    expect(chooseTitle('', 'عنوان الخبر هنا | RT Arabic', '', 'RT Arabic')).toBe('عنوان الخبر هنا');
    expect(titleFromDocTitle('A long chapter name - Part 1 | Fandom [Archive]', null)).toBe('A long chapter name - Part 1');
    expect(titleFromDocTitle('Colophon - Site', null)).toBe('Colophon');
  });
});

test('an <h1> whose text links home is the site logo, not the title', () => {
  const { document } = parseHTML(
    '<html><body><h1><a href="/">Example Site</a></h1><article><h1>The story that the page tells today</h1><p>x</p></article></body></html>',
  );
  expect(findTitleHeading(document as unknown as Document, [''])?.textContent).toBe('The story that the page tells today');
});

describe('isTitlePart', () => {
  test('the title, or its part before or after a separator set off by a space, in any script', () => {
    expect(isTitlePart('Rockets hit the port', 'Rockets hit the port | Daily Planet')).toBe(true);
    expect(isTitlePart('Daily Planet', 'Rockets hit the port | Daily Planet')).toBe(true);
    expect(isTitlePart('小さな川の話', '小さな川の話\u3000＜童話の森＞')).toBe(true);
    expect(isTitlePart('عنوان الخبر', 'عنوان الخبر « موقع الأخبار')).toBe(true);
    expect(isTitlePart('  Same   title ', 'same title')).toBe(true);
  });
  test('not a subtitle after a colon, nor a word cut in the middle, nor a line longer than the title', () => {
    expect(isTitlePart('Better Student Journalism', 'The Open Journalism Project: Better Student Journalism')).toBe(false);
    expect(isTitlePart('Rockets hit the po', 'Rockets hit the port | Daily Planet')).toBe(false);
    expect(isTitlePart('hit the port', 'Rockets hit the port | Daily Planet')).toBe(false);
    expect(isTitlePart('Rockets hit the port | Daily Planet today', 'Rockets hit the port | Daily Planet')).toBe(false);
    expect(isTitlePart('', 'Anything')).toBe(false);
  });
});

const word = fc.stringMatching(/^[a-zA-Z\u0621-\u064A\u4E00-\u9FA5]{1,8}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const separator = fc.constantFrom('|', '-', '–', '—', '»', '«', '·', '＜', '/', '::', '(');

test('property: both parts of "part <sep> part" are title parts, and a title part is always inside the title', () => {
  fc.assert(
    fc.property(phrase, separator, phrase, (head, sep, tail) => {
      const title = `${head} ${sep} ${tail}`;
      expect(isTitlePart(head, title)).toBe(true);
      expect(isTitlePart(tail, title)).toBe(true);
      expect(isTitlePart(title, title)).toBe(true);
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 60 }), (line, title) => {
      if (isTitlePart(line, title)) expect(title.replace(/\s+/g, ' ').toLowerCase()).toContain(line.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[‘’“”]/g, ''));
    }),
    { numRuns: 500 },
  );
});
