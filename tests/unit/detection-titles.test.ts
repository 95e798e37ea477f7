/** The title rules of extract.ts: publisher headline vs visible heading, site-logo <h1>, <title> cut. */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { chooseTitle, findTitleHeading, titleFromDocTitle } from '../../src/content/extract';

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
