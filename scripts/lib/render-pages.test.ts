import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, test } from 'vitest';
import { extractSnapshot } from '../../src/content/extract';
import { OUTLET_STYLES, renderArticlePage, renderListingPage } from './render-pages';
import { start, type PageServer } from './serve-pages';

const article = {
  title: 'عنوان فيه <script>alert(1)</script> و<img src=x onerror=alert(2)>',
  body: [
    'فقرة أولى كتبت للاختبار فيها علامات <b>ليست</b> وسوما وإنما نص عادي يجب أن يظهر كما هو تماما.',
    'فقرة ثانية تذكر أن "الاقتباس" و\'الفاصلة\' و&amp; كلها نص لا أكثر ولا أقل في هذه الصفحة.',
    'فقرة ثالثة أطول قليلا تشرح أن المكتبة العامة الجديدة ستفتح أبوابها للزوار مطلع الشهر المقبل بعد سنوات من العمل.',
    'فقرة رابعة تختم الخبر بذكر أن الدخول مجاني للطلاب وكبار السن طوال أيام الأسبوع بما فيها العطلات الرسمية.',
  ].join('\n'),
  source: 'Sila Test Times',
  published: '2024-03-25T10:00:00Z',
  url: 'https://news.example/world/2024/03/25/library',
};

describe('renderArticlePage', () => {
  test.each(OUTLET_STYLES)('%s: escaped, and read back by the extractor', (style) => {
    const html = renderArticlePage(article, style);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script:not([type])').length).toBe(0);
    const snap = extractSnapshot(document as unknown as Document, article.url);
    expect(snap.isArticle).toBe(true);
    expect(snap.title).toBe(article.title);
    expect(snap.text).toBe(article.body);
    expect(snap.published).toBe(article.published);
    expect(snap.canonicalUrl).toBe(article.url);
  });
});

describe('renderListingPage', () => {
  test('is not an article', () => {
    const html = renderListingPage({ siteName: 'Sila Test Times', lang: 'ar', headlines: [{ title: article.title, url: '/a' }] });
    const { document } = parseHTML(html);
    expect(extractSnapshot(document as unknown as Document, 'http://127.0.0.1/world/').isArticle).toBe(false);
  });
});

describe('serve-pages', () => {
  let server: PageServer;
  afterAll(() => server?.close());
  test('serves routes on 127.0.0.1 and records requests', async () => {
    server = await start({ '/a': '<p>hello</p>', '/b.json': { body: '{}', type: 'application/json' } });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const a = await fetch(server.url + '/a?x=1');
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toContain('text/html');
    expect(await a.text()).toBe('<p>hello</p>');
    expect((await fetch(server.url + '/b.json')).headers.get('content-type')).toBe('application/json');
    expect((await fetch(server.url + '/missing')).status).toBe(404);
    server.set('/late', 'late');
    expect(await (await fetch(server.url + '/late')).text()).toBe('late');
    expect(server.requests.map((r) => r.path)).toEqual(['/a?x=1', '/b.json', '/missing', '/late']);
  });
});
