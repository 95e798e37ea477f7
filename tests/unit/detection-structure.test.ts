/**
 * Page structures detection must read right: the direction declared nearest the article's text, wherever the page
 * declares it; an RT-style lead paragraph (div.article__summary) kept above the body (div.article__text).
 */
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { mainText, walkParagraphs } from '../../src/content/body-text';
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

test('the lead above the body container is kept, the byline and the aside after the story are not', () => {
  const lead = 'فقرة المقدمة التي تلخص الخبر كله في سطرين وتأتي قبل النص الرئيسي للمقال، وهي جزء من القصة التي يقرؤها الزائر.';
  const body = 'فقرة من النص الرئيسي تحمل تفاصيل كثيرة عن الحدث الذي وقع في المدينة أمس وعن ردود الفعل عليه.';
  const aside = 'نص جانبي لا علاقة له بالمقال يأتي بعد نهايته في الصفحة، وهو طويل بعض الشيء حتى يبدو كفقرة.';
  const html =
    '<html lang="ar" dir="rtl"><head><title>عنوان الخبر الطويل عن الأحداث | RT Arabic</title>' +
    '<meta property="og:type" content="article"></head><body><div class="layout"><div class="article">' +
    '<h1 class="article__heading">عنوان الخبر الطويل عن الأحداث</h1><div class="article__byline">بقلم: مراسل</div>' +
    `<div class="article__summary"><p>${lead}</p></div><div class="article__text">` +
    Array.from({ length: 12 }, (_, i) => `<p>${i + 1}. ${body}</p>`).join('') +
    `</div></div><div class="more"><p>${aside}</p></div></div></body></html>`;
  const { document } = parseHTML(`<!doctype html>${html}`);
  const snap = extractSnapshot(document as unknown as Document, 'https://arabic.rt.example/world/1543210-x/');
  expect(snap.isArticle).toBe(true);
  expect(snap.text.split('\n')[0]).toBe(lead);
  expect(snap.text).toContain(`12. ${body}`);
  expect(snap.text).not.toContain('مراسل');
  expect(snap.text).not.toContain(aside);
});

test('a product tour whose sections end in "Next" / "Learn more" links is an article, a list of headlines is not', () => {
  // Six sections with a subheading, a short paragraph and link buttons each: seven "link lines" per the old count,
  // as many as the paragraphs, read as a listing. The same page with headline links in place of the buttons is one.
  const section = (i: number, links: string) =>
    `<h2>Section ${i} of the tour</h2><p>Feature ${i} of the browser lets you work the way you do, every day, on every device and with every site you visit.</p>${links}`;
  const page = (links: (i: number) => string) =>
    '<html><head><title>Make the browser your own</title></head><body><main><h1>Make the browser your own</h1>' +
    Array.from({ length: 6 }, (_, i) => section(i, links(i))).join('') +
    '</main></body></html>';
  const read = (html: string) =>
    extractSnapshot(parseHTML(`<!doctype html>${html}`).document as unknown as Document, 'https://www.example.org/browser/customize/');
  expect(read(page(() => '<div><a href="/try">Try it</a></div><div><a href="/next">Next</a></div>')).isArticle).toBe(true);
  const headlines = (i: number) =>
    `<div><a href="/a/${i}">A headline of another story ${i}</a></div><div><a href="/b/${i}">And one more headline ${i}</a></div>`;
  expect(read(page(headlines)).isArticle).toBe(false);
});

test('a <style>, <link> or emoji <img> inside a sentence does not cut it in two', () => {
  // A wiki puts a <style> and a <link> in every citation; cut there, the citation's linked half read as a link line.
  const { document } = parseHTML(
    '<!doctype html><html><body><div id="c"><p>Hartl, John. <a href="/x">"A film is distributed"</a><style>.x{}</style>' +
      '<link rel="stylesheet" href="/s.css"> The Seattle Times <img src="/e.png" alt=""> retrieved in May.</p></div></body></html>',
  );
  const root = document.getElementById('c') as unknown as Element;
  expect(walkParagraphs(root).paras.map((p) => p.text)).toEqual(['Hartl, John. "A film is distributed" The Seattle Times retrieved in May.']);
});

function mainOf(inner: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body><div id="c">${inner}</div></body></html>`);
  const root = document.getElementById('c') as unknown as Element;
  return mainText(walkParagraphs(root).paras, root, null, 200_000).text.split('\n');
}

test('a table cell that is a sentence dense with links is kept when the story goes on after it', () => {
  const cell = 'The <a href="/w/1">second film</a> adaptation of <a href="/w/2">the short story by Richard Lupoff</a>, shown on TV.';
  const lines = mainOf(`<p>${para}</p><table><tr><td>1993</td><td>${cell}</td></tr></table><p>${para}</p>`);
  expect(lines).toContain('The second film adaptation of the short story by Richard Lupoff, shown on TV.');
});

test('a section heading linking back to the table of contents is kept; a heading linking to another page is not', () => {
  const lines = mainOf(
    `<p>${para}</p><h2><a href="#toc-2">Sharing with a single developer</a></h2><p>${para}</p>` +
      `<h2><a href="/other-story">A headline of another page</a></h2><p>${para}</p>`,
  );
  expect(lines).toContain('Sharing with a single developer');
  expect(lines).not.toContain('A headline of another page');
});

test('a list mixing prose items and linked items is the story\'s own: its linked items are kept; a list of links is not', () => {
  const lines = mainOf(
    `<p>${para}</p><ul><li>${para}</li><li><a href="/bug/1677080">Bug 1677080 – Fullscreen window is affected by switching video source</a></li></ul>` +
      `<p>${para}</p><ul><li><a href="/a">A headline of another story on the site</a></li><li><a href="/b">And one more headline of another</a></li></ul>`,
  );
  expect(lines).toContain('Bug 1677080 – Fullscreen window is affected by switching video source');
  expect(lines).not.toContain('A headline of another story on the site');
});

test('a caption between paragraphs of the story is kept in its place; the lead image\'s and a trailing one are not', () => {
  const fig = (c: string) => `<figure class="caption"><img src="/i.jpg" alt=""><figcaption>${c}</figcaption></figure>`;
  const lines = mainOf(
    `${fig('The lead picture above the story')}<p>${para}</p>${fig('Step two: dig a hole in the foam')}<p>Step 2</p>` +
      `<p>${para} Again.</p>${fig('A picture after the end of the story')}`,
  );
  expect(lines).toEqual([para, 'Step two: dig a hole in the foam', 'Step 2', `${para} Again.`]);
});
