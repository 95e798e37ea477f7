/**
 * A story split between sibling blocks is read whole: the smaller part beside the container (an opening in
 * "story-body-1" before "story-body-2", bare paragraphs before a "read more" wrapper) is kept, and a sidebar or a
 * box of another kind beside it is not. A stream of teasers (linked headline + summary per item) is not the story.
 */
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { extractSnapshot } from '../../src/content/extract';
import { sameKind } from '../../src/content/siblings';

const para = (i: number) => `Paragraph ${i} of the story tells the reader what happened in the city yesterday and why it matters to everyone.`;
const paras = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `<p>${para(from + i)}</p>`).join('');

function textOf(body: string): string {
  const { document } = parseHTML(
    `<!doctype html><html><head><title>A headline of several words</title><meta property="og:type" content="article"></head><body>${body}</body></html>`,
  );
  const snap = extractSnapshot(document as unknown as Document, 'https://news.example/2024/03/story');
  expect(snap.isArticle).toBe(true);
  return snap.text;
}

test('the opening in a same-kind sibling block (one level up) is kept', () => {
  const text = textOf(
    '<h1>A headline of several words</h1><div class="wrap">' +
      `<div class="supplemental"><div class="story-body story-body-1">${paras(1, 2)}</div></div>` +
      `<div class="supplemental"><div class="story-body story-body-2">${paras(3, 14)}</div></div>` +
      `<div class="sidebar-box"><p>${'A sidebar paragraph of some length about something else entirely, not the story.'}</p></div></div>`,
  );
  // Paragraph 1 would be kept as the lead anyway; paragraph 2 only as a part of the story.
  expect(text).toContain(para(1));
  expect(text).toContain(para(2));
  expect(text).toContain(para(14));
  expect(text).not.toContain('sidebar paragraph');
});

test('bare prose paragraphs beside the container are kept; a box of another kind is not', () => {
  const text = textOf(
    `<h1>A headline of several words</h1><div class="content">${paras(1, 2)}<div class="toggle-group">${paras(3, 14)}</div>` +
      '<div class="promo"><p>Another box beside the story holds a paragraph long enough to look like prose to a reader.</p></div></div>',
  );
  expect(text.split('\n').slice(0, 2)).toEqual([para(1), para(2)]);
  expect(text).toContain(para(14));
  expect(text).not.toContain('Another box');
});

test('sameKind: same tag and a class word in common', () => {
  const { document } = parseHTML('<div class="a b"></div><div class="b c"></div><section class="b"></section><div></div><div></div>');
  const [x, y, z, u, v] = Array.from(document.querySelectorAll('div, section')) as unknown as Element[];
  expect(sameKind(x, y)).toBe(true);
  expect(sameKind(x, z)).toBe(false);
  expect(sameKind(u, v)).toBe(false);
});

test('a stream of teasers (linked headline + summary per item) beside the story is not read as the story', () => {
  const summary = (i: number) =>
    `Summary ${i} of another story: a long paragraph that a feed shows under each headline so that the reader clicks through to it.`;
  const feed = Array.from(
    { length: 12 },
    (_, i) => `<li class="item"><div><h3><a href="/other-${i}">Headline of other story ${i}</a></h3><p>${summary(i)}</p></div></li>`,
  ).join('');
  const text = textOf(`<div class="page"><h1>A headline of several words</h1><div class="text">${paras(1, 4)}</div><ul class="list">${feed}</ul></div>`);
  expect(text).toContain(para(1));
  expect(text).toContain(para(4));
  expect(text).not.toContain('Summary 3 of another story');
});

test('list items that do not open with a linked headline stay in the story', () => {
  const items = Array.from({ length: 4 }, (_, i) => `<li><h3>Step ${i} of the method</h3><p>${para(10 + i)}</p></li>`).join('');
  const text = textOf(`<h1>A headline of several words</h1><div class="text">${paras(1, 3)}<ol>${items}</ol></div>`);
  expect(text).toContain(para(12));
});

test('a list item that is a sentence with links, between paragraphs, stays; a list of links at the end does not', () => {
  // More than half of it is link text, so it reads as a link line, yet it is a sentence of the story.
  const sentence = 'Thanks to evilpie, users can <a href="/bug/1">now import logins from KeePass into Firefox</a> again';
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 2)}<ul><li>${sentence}</li></ul>${paras(3, 4)}` +
      '<ul><li>Read <a href="/other">this other story about something else entirely</a></li></ul></div>',
  );
  expect(text).toContain('Thanks to evilpie, users can now import logins from KeePass into Firefox again');
  expect(text).not.toContain('this other story');
});

test('a list item that is one link (a headline) stays out even between paragraphs', () => {
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 2)}<ul><li><a href="/a/1">Gold prices rise in the morning trading session</a></li></ul>${paras(3, 4)}</div>`,
  );
  expect(text).not.toContain('Gold prices rise');
});

test("the standfirst in the story's own <header> is kept; the site's <header> stays out", () => {
  const standfirst = 'The standfirst sums the whole story up in one long sentence, above the body, inside the article header.';
  const text = textOf(
    '<header class="site"><p>The site masthead carries a long tagline that is not part of any story on the page at all.</p></header>' +
      `<article><header><h1>A headline of several words</h1><p>${standfirst}</p></header><div class="text">${paras(1, 6)}</div></article>`,
  );
  expect(text.split('\n')[0]).toBe(standfirst);
  expect(text).not.toContain('masthead');
});

test('after a "See also" section heading, the next section of the same rank (References) is the page\'s, not a new story', () => {
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/wiki/T${i}">Topic number ${i} of the encyclopedia</a></li>`).join('');
  const citation = 'Smith, John (2009). A history of the place and its people. Wellington: University Press. p. 82. Retrieved 2011.';
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 6)}<h2>See also</h2><ul>${links}</ul>` +
      `<h2>References</h2><ol><li>${citation}</li></ol></div>`,
  );
  expect(text).toContain(para(6));
  expect(text).toContain(citation);
  expect(text).not.toContain('Topic number 3');
});

test('a paragraph that is a sentence with links, between paragraphs, stays; one that is a single link does not', () => {
  // Over half link text (a gloss on the words, a citation), yet a sentence of the story, as in a list item.
  const glossed = 'He said, <a href="/gloss/1">"I owe you twelve dollars on account; here are thirty-two."</a> and handed them over';
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 2)}<p>${glossed}</p>${paras(3, 4)}` +
      `<p><a href="/other/2">Another story about something else entirely</a></p>${paras(5, 6)}</div>`,
  );
  expect(text).toContain('He said, "I owe you twelve dollars on account; here are thirty-two." and handed them over');
  expect(text).not.toContain('Another story about');
});

test("a link's class does not drop its text from the sentence; a share box's class drops the box", () => {
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 2)}` +
      '<p>At the end of that period I looked behind the screen, and <a class="popup" href="#">there he was, still.</a></p>' +
      `${paras(3, 4)}<div class="share-bar"><a href="/share/fb">Share this story with your friends on the network</a></div></div>`,
  );
  expect(text).toContain('I looked behind the screen, and there he was, still.');
  expect(text).not.toContain('Share this story');
});

test("a table row's linked title is kept beside its description; a row of links only is not", () => {
  const description = 'A student relives the same day over and over until she finds out what she has to change in it.';
  const rows =
    `<tr><th><i><a href="/wiki/Film_1">The Girl Who Leapt</a></i></th><td>1983</td><td>${description}</td></tr>` +
    '<tr><th><a href="/wiki/Film_2">Only a Link Here</a></th><td><a href="/wiki/Year_1984">1984</a></td></tr>';
  const text = textOf(`<h1>A headline of several words</h1><div class="text">${paras(1, 3)}<table>${rows}</table>${paras(4, 5)}</div>`);
  expect(text).toContain(`The Girl Who Leapt\n1983\n${description}`);
  expect(text).not.toContain('Only a Link Here');
});

test('a citation that is mostly a link is kept in the appendix section after "See also"; the see-also links are not', () => {
  const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/wiki/T${i}">Topic number ${i} of the encyclopedia</a></li>`).join('');
  const citation = 'Hartl, John (1998). <a href="https://paper.example/a">"Disney will distribute animated Japanese movie"</a>. The Times.';
  const text = textOf(
    `<h1>A headline of several words</h1><div class="text">${paras(1, 6)}<h2>See also</h2><ul>${links}</ul>` +
      `<h2>References</h2><ol><li>${citation}</li></ol></div>`,
  );
  expect(text).toContain('Hartl, John (1998). "Disney will distribute animated Japanese movie". The Times.');
  expect(text).not.toContain('Topic number 3');
});
