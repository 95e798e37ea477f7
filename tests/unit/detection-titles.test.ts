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

describe('a headline written as a plain line, and a story in one long paragraph', () => {
  const story =
    'An old fisherman rowed out before dawn every day of the year, and one winter morning he found the river frozen ' +
    'from bank to bank. He sat on the ice and waited, because waiting was what he knew best, and by noon a fox came ' +
    'to ask him what he was fishing for. "For the spring," he said, and the fox laughed and went away; but the ' +
    'fisherman was still sitting there when the ice broke, and he was the first to row home with a full boat. The ' +
    'others had spent the winter mending nets they would not need.';
  const page = (head: string, titleLine: string, text: string) =>
    `<html><head><title>${head}</title></head><body><table><tr><td><a href="/">Home</a> &gt; <a href="/tales/">Tales</a></td></tr>` +
    `<tr><td><p align="center"><font size="+2">Tale of the day</font><br><br>${titleLine}<br><br><a href="/en">English</a></p>` +
    `<p>${text}</p><p align="center">The end</p></td></tr></table></body></html>`;
  const snap = (html: string) => extractSnapshot(parseHTML(html).document as unknown as Document, 'https://tales.example/winter/fisherman.html');

  test('a line that is the head of <title> is the headline, and a headline above 450 characters of prose is an article', () => {
    const s = snap(page('The fisherman and the ice \u3000＜Tales of the Year＞', 'The fisherman and the ice', story));
    expect(s.isArticle).toBe(true);
    expect(s.title).toBe('The fisherman and the ice');
    expect(s.text).toBe(story);
  });

  test('no such line, a linked one, or too little prose: not an article', () => {
    expect(snap(page('Tales of the Year', 'The fisherman and the ice', story)).isArticle).toBe(false);
    expect(snap(page('The fisherman and the ice | Tales', '<a href="/x">The fisherman and the ice</a>', story)).isArticle).toBe(false);
    expect(snap(page('The fisherman and the ice | Tales', 'The fisherman and the ice', story.slice(0, 300))).isArticle).toBe(false);
  });

  test('a line whose block holds the story is not taken as the headline (the title\'s block is left out of the text)', () => {
    const html = `<html><head><title>The fisherman and the ice | Tales</title></head><body><div>The fisherman and the ice<br>${[story, story, story, story].join('<br>')}</div></body></html>`;
    const s = snap(html);
    expect(s.isArticle).toBe(true);
    expect(s.text).toContain(story);
  });

  test('a CJK story in one paragraph under its <h1>: a CJK character counts as two', () => {
    const cjk =
      'むかし、山のふもとに小さな村がありました。村には年をとった漁師がひとりで住んでいて、毎朝まだ暗いうちに舟を出していました。' +
      'ある冬の朝、川はすっかり凍っていて、漁師は氷の上にすわって春を待つことにしました。昼ごろになると一匹のキツネがやってきて、' +
      'なにをつっているのかとたずねました。漁師は春をつっているのだと答えましたが、キツネは笑って森へ帰っていきました。' +
      'やがて氷がとけたとき、いちばん先に魚でいっぱいの舟で村へもどったのは、その漁師でした。ほかの人たちは冬のあいだ、' +
      '使うこともない網をつくろっていただけだったのです。';
    const html = (text: string) => `<html lang="ja"><head><title>漁師と氷</title></head><body><h1>漁師と氷</h1><p>${text}</p></body></html>`;
    const s = snap(html(cjk));
    expect(s.isArticle).toBe(true);
    expect(s.title).toBe('漁師と氷');
    expect(snap(html(cjk.slice(0, 100))).isArticle).toBe(false);
  });
});
