/** The text's direction is the one declared nearest the article's text, wherever the page declares it. */
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { extractSnapshot } from '../../src/content/extract';

const para = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
const story = `<article><h1>A headline of several words</h1><p>${para}</p><p>${para}</p><p>${para}</p><p>${para}</p></article>`;

function dirOf(html: string): string {
  const { document } = parseHTML(`<!doctype html>${html}`);
  return extractSnapshot(document as unknown as Document, 'https://news.example/2024/03/story').dir;
}

test.each([
  ['<html dir="ltr"><body dir="rtl">' + story + '</body></html>', 'rtl'],
  ['<html><body><main dir="rtl">' + story + '</main></body></html>', 'rtl'],
  ['<html><body>' + story.replace('<article>', '<article dir="rtl">') + '</body></html>', 'rtl'],
  ['<html dir="rtl"><body>' + story.replace('<article>', '<article dir="ltr">') + '</body></html>', 'ltr'],
  ['<html dir="rtl"><body>' + story + '</body></html>', 'rtl'],
  ['<html><body>' + story + '</body></html>', 'ltr'],
])('dir %#', (html, dir) => {
  expect(dirOf(html)).toBe(dir);
});
