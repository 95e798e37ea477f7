/**
 * Realistic news pages for the demo and the end-to-end tests: a header with navigation, breadcrumbs, the article
 * (with or without JSON-LD/OpenGraph), a "read also" box, a sidebar, comments and a footer, in the markup styles of
 * several outlets. Every piece of text is HTML-escaped: the pages carry corpus text, which is data.
 *
 * @example
 *   const html = renderArticlePage({ title, body, source: 'BBC Arabic', published }, 'bbc-arabic');
 *   const seed = renderSeedPage(readFileSync('../shared/seed/000_….txt', 'utf8')); // never commit the seed text
 */

export type OutletStyle =
  | 'rt-arabic' | 'sky-news-arabia' | 'al-arabiya' | 'bbc-arabic' | 'cnn-arabic' | 'france24-arabic' | 'youm7'
  | 'almasry-alyoum' | 'aljazeera' | 'bbc' | 'reuters' | 'guardian';

export interface RenderArticle {
  title: string;
  /** Paragraphs separated by "\n". */
  body: string;
  source?: string | null;
  published?: string | null;
  url?: string | null;
  lang?: string;
}

export interface RenderOptions {
  /** JSON-LD and OpenGraph in the head (default true). */
  metadata?: boolean;
  /** Links of the "read also" box (default: three made-up headlines). */
  readAlso?: { title: string; url: string }[];
}

interface Style {
  site: string;
  lang: 'ar' | 'en';
  domain: string;
  /** Class names for the main pieces, after the outlet's own markup. */
  wrap: string;
  h1: string;
  body: string;
  para: 'p' | 'div' | 'br';
  date: string;
  /** How the outlet writes its JSON-LD. */
  ld: 'plain' | 'graph' | 'array' | 'type-array' | 'no-protocol';
}

const STYLES: Record<OutletStyle, Style> = {
  'rt-arabic': { site: 'RT Arabic', lang: 'ar', domain: 'arabic.rt.example', wrap: 'article', h1: 'heading', body: 'text js-mediator-article', para: 'p', date: 'date', ld: 'plain' },
  'sky-news-arabia': { site: 'Sky News Arabia', lang: 'ar', domain: 'www.skynewsarabia.example', wrap: 'article-content sna_content', h1: 'sna_content_heading', body: 'article-body', para: 'p', date: 'time', ld: 'no-protocol' },
  'al-arabiya': { site: 'Al Arabiya', lang: 'ar', domain: 'www.alarabiya.example', wrap: 'article-page', h1: 'headingInfo_title', body: 'body-text', para: 'p', date: 'timeDate_element', ld: 'type-array' },
  'bbc-arabic': { site: 'BBC News عربي', lang: 'ar', domain: 'www.bbc.example', wrap: 'bbc-1151pbn', h1: 'bbc-1ts7ca0 e1p3vdyi0', body: 'bbc-19j92fr ebmt73l0', para: 'p', date: 'bbc-1dafq0j', ld: 'graph' },
  'cnn-arabic': { site: 'CNN Arabic', lang: 'ar', domain: 'arabic.cnn.example', wrap: 'news-container', h1: 'news-title', body: 'content-body', para: 'p', date: 'news-date', ld: 'plain' },
  'france24-arabic': { site: 'فرانس 24', lang: 'ar', domain: 'www.france24.example', wrap: 't-content t-content--article', h1: 't-content__title a-page-title', body: 't-content__body u-clearfix', para: 'p', date: 'm-pub-dates', ld: 'array' },
  youm7: { site: 'اليوم السابع', lang: 'ar', domain: 'www.youm7.example', wrap: 'newsStory', h1: 'newsStoryTitle', body: 'articleCont', para: 'br', date: 'newsStoryDate', ld: 'no-protocol' },
  'almasry-alyoum': { site: 'المصري اليوم', lang: 'ar', domain: 'www.almasryalyoum.example', wrap: 'article', h1: 'title', body: 'news-text', para: 'p', date: 'pubdate', ld: 'plain' },
  aljazeera: { site: 'الجزيرة نت', lang: 'ar', domain: 'www.aljazeera.example', wrap: 'article-page', h1: 'article-title', body: 'wysiwyg wysiwyg--all-content', para: 'p', date: 'date-simple', ld: 'graph' },
  bbc: { site: 'BBC News', lang: 'en', domain: 'www.bbc.example', wrap: 'ssrcss-pv1rh6-ArticleWrapper', h1: 'ssrcss-15xko80-StyledHeading', body: 'ssrcss-7uxr49-RichTextContainer', para: 'p', date: 'ssrcss-1if1g9v-MetadataText', ld: 'plain' },
  reuters: { site: 'Reuters', lang: 'en', domain: 'www.reuters.example', wrap: 'article__container', h1: 'text__heading_1', body: 'article-body__content', para: 'div', date: 'date-line__date', ld: 'type-array' },
  guardian: { site: 'The Guardian', lang: 'en', domain: 'www.theguardian.example', wrap: 'dcr-article', h1: 'dcr-headline', body: 'article-body-commercial-selector article-body-viewer-selector', para: 'p', date: 'dcr-date', ld: 'array' },
};

export const OUTLET_STYLES = Object.keys(STYLES) as OutletStyle[];

/** Short names callers may use for a style. */
const ALIASES = {
  rt: 'rt-arabic', skynews: 'sky-news-arabia', alarabiya: 'al-arabiya', bbcarabic: 'bbc-arabic', cnn: 'cnn-arabic',
  cnnarabic: 'cnn-arabic', france24: 'france24-arabic', almasry: 'almasry-alyoum', jazeera: 'aljazeera',
} as const satisfies Record<string, OutletStyle>;
export type OutletAlias = keyof typeof ALIASES;

function styleOf(style: OutletStyle | OutletAlias | undefined): Style {
  if (!style) return STYLES['sky-news-arabia'];
  return STYLES[style as OutletStyle] ?? STYLES[ALIASES[style as OutletAlias]] ?? STYLES['sky-news-arabia'];
}

/** Text as HTML text or attribute value. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON inside <script>: "</script>" and U+2028/2029 cannot break out. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const T = {
  ar: {
    home: 'الرئيسية', news: 'أخبار', world: 'العالم', economy: 'اقتصاد', sport: 'رياضة', tech: 'تكنولوجيا',
    readAlso: 'اقرأ أيضا', mostRead: 'الأكثر قراءة', comments: 'التعليقات', share: 'شارك', published: 'تاريخ النشر',
    rights: 'جميع الحقوق محفوظة', about: 'من نحن', contact: 'اتصل بنا', privacy: 'سياسة الخصوصية', search: 'بحث',
    fakeLinks: ['الأسواق تترقب قرار البنك المركزي بشأن الفائدة', 'افتتاح معرض للكتاب بمشاركة مئات الناشرين', 'منتخب الشباب يتأهل إلى الدور النهائي'],
    fakeComments: ['مقال مفيد، شكرا على التغطية.', 'أتمنى أن تتابعوا هذا الموضوع في الأيام القادمة.'],
  },
  en: {
    home: 'Home', news: 'News', world: 'World', economy: 'Business', sport: 'Sport', tech: 'Technology',
    readAlso: 'Read more', mostRead: 'Most read', comments: 'Comments', share: 'Share', published: 'Published',
    rights: 'All rights reserved', about: 'About us', contact: 'Contact', privacy: 'Privacy policy', search: 'Search',
    fakeLinks: ['Markets wait for the central bank decision on rates', 'Book fair opens with hundreds of publishers', 'Youth team reaches the final'],
    fakeComments: ['Useful piece, thanks for the coverage.', 'I hope you follow this story in the coming days.'],
  },
};

function head(opts: { title: string; lang: string; site: string; url: string; meta: string }): string {
  return `<!doctype html>
<html lang="${esc(opts.lang)}" dir="${opts.lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} | ${esc(opts.site)}</title>
${opts.meta}
<style>
body{font-family:system-ui,"Noto Naskh Arabic",Tahoma,sans-serif;margin:0;color:#222;background:#f6f6f6}
.site-header,.site-footer{background:#1d1d1d;color:#eee;padding:12px 24px}.site-header a,.site-footer a{color:#eee;margin-inline-end:16px;text-decoration:none}
.layout{display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:16px}.layout main{flex:3;background:#fff;padding:24px}.layout aside{flex:1;background:#fff;padding:16px}
h1{font-size:2rem;line-height:1.4}.read-also{border-inline-start:4px solid #c00;padding:8px 16px;background:#fafafa;margin:24px 0}
.breadcrumbs{font-size:.85rem;color:#666}.comments{border-top:1px solid #ddd;margin-top:32px}
</style>
</head>`;
}

function siteHeader(s: Style): string {
  const t = T[s.lang];
  return `<header class="site-header" role="banner"><a class="logo" href="/">${esc(s.site)}</a>
<nav class="main-nav"><ul><li><a href="/">${t.home}</a></li><li><a href="/news/">${t.news}</a></li><li><a href="/world/">${t.world}</a></li><li><a href="/economy/">${t.economy}</a></li><li><a href="/sport/">${t.sport}</a></li><li><a href="/technology/">${t.tech}</a></li></ul></nav>
<form class="search-form" action="/search"><input name="q" placeholder="${t.search}"><button>${t.search}</button></form></header>`;
}

function siteFooter(s: Style): string {
  const t = T[s.lang];
  return `<footer class="site-footer"><nav><a href="/about">${t.about}</a><a href="/contact">${t.contact}</a><a href="/privacy">${t.privacy}</a></nav>
<p>© 2026 ${esc(s.site)}. ${t.rights}.</p></footer>`;
}

function sidebar(s: Style): string {
  const t = T[s.lang];
  return `<aside class="sidebar"><h2>${t.mostRead}</h2><ol>${t.fakeLinks
    .map((l, i) => `<li><a href="/news/most-read-${i + 1}">${esc(l)}</a></li>`)
    .join('')}</ol></aside>`;
}

function comments(s: Style): string {
  const t = T[s.lang];
  return `<section class="comments" id="comments"><h2>${t.comments}</h2>${t.fakeComments
    .map((c, i) => `<div class="comment"><span class="comment-author">user${i + 1}</span><p>${esc(c)}</p></div>`)
    .join('')}</section>`;
}

function readAlsoBox(s: Style, links?: { title: string; url: string }[]): string {
  const t = T[s.lang];
  const items = links ?? t.fakeLinks.map((title, i) => ({ title, url: `/news/related-${i + 1}` }));
  return `<div class="read-also"><strong>${t.readAlso}</strong><ul>${items
    .map((l) => `<li><a href="${esc(l.url)}">${esc(l.title)}</a></li>`)
    .join('')}</ul></div>`;
}

function bodyHtml(s: Style, paragraphs: string[]): string {
  if (s.para === 'br') return `<p>${paragraphs.map(esc).join('<br><br>\n')}</p>`;
  if (s.para === 'div') return paragraphs.map((p, i) => `<div data-testid="paragraph-${i}" class="text__text">${esc(p)}</div>`).join('\n');
  return paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
}

function jsonLd(s: Style, a: RenderArticle, url: string): string {
  const article: Record<string, unknown> = {
    '@type': s.ld === 'type-array' ? ['NewsArticle', 'Article'] : 'NewsArticle',
    headline: a.title,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: a.lang ?? s.lang,
    publisher: { '@type': 'Organization', name: a.source ?? s.site },
  };
  if (a.published) article.datePublished = a.published;
  const ctx = s.ld === 'no-protocol' ? 'schema.org' : 'https://schema.org';
  let data: unknown;
  if (s.ld === 'graph') data = { '@context': ctx, '@graph': [{ '@type': 'WebSite', name: a.source ?? s.site, url: `https://${s.domain}/` }, article] };
  else if (s.ld === 'array') data = [{ '@context': ctx, '@type': 'BreadcrumbList', itemListElement: [] }, { '@context': ctx, ...article }];
  else data = { '@context': ctx, ...article };
  return `<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

function metaTags(s: Style, a: RenderArticle, url: string): string {
  return [
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:site_name" content="${esc(a.source ?? s.site)}">`,
    `<meta property="og:url" content="${esc(url)}">`,
    a.published ? `<meta property="article:published_time" content="${esc(a.published)}">` : '',
    jsonLd(s, a, url),
  ].join('\n');
}

function printedDate(published: string | null | undefined, lang: 'ar' | 'en'): string {
  if (!published) return '';
  const d = new Date(published);
  if (Number.isNaN(d.getTime())) return esc(published);
  return esc(d.toLocaleDateString(lang === 'ar' ? 'ar-EG' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
}

/** A full article page in the given outlet's style. */
export function renderArticlePage(article: RenderArticle, style: OutletStyle | OutletAlias, options: RenderOptions = {}): string {
  const s = styleOf(style);
  const t = T[s.lang];
  const url = article.url ?? `https://${s.domain}/news/${encodeURIComponent(article.title.slice(0, 40))}`;
  const paragraphs = article.body.split('\n').map((p) => p.trim()).filter(Boolean);
  const mid = Math.min(paragraphs.length, Math.max(1, Math.ceil(paragraphs.length / 2)));
  const meta = options.metadata === false ? '' : metaTags(s, article, url);
  const date = article.published
    ? `<div class="${s.date}"><time datetime="${esc(article.published)}">${printedDate(article.published, s.lang)}</time></div>`
    : '';
  return `${head({ title: article.title, lang: article.lang ?? s.lang, site: article.source ?? s.site, url, meta })}
<body class="page-article ${style}">
${siteHeader(s)}
<div class="layout">
<main id="main-content" role="main">
<nav class="breadcrumbs" aria-label="breadcrumb"><a href="/">${t.home}</a> › <a href="/news/">${t.news}</a></nav>
<article class="${s.wrap}">
<header class="article-header"><h1 class="${s.h1}">${esc(article.title)}</h1>${date}
<div class="share-bar"><a href="#">${t.share}</a></div></header>
<div class="${s.body}">
${bodyHtml(s, paragraphs.slice(0, mid))}
${readAlsoBox(s, options.readAlso)}
${bodyHtml(s, paragraphs.slice(mid))}
</div>
<footer class="article-tags"><a href="/tag/1">${t.news}</a> <a href="/tag/2">${t.world}</a></footer>
</article>
${comments(s)}
</main>
${sidebar(s)}
</div>
${siteFooter(s)}
</body>
</html>`;
}

export interface ListingItem {
  title: string;
  url: string;
  summary?: string;
}

export interface Listing {
  /** The page heading (default: the site name). */
  heading?: string;
  /** Headlines, as `items` or `headlines`. */
  items?: ListingItem[];
  headlines?: ListingItem[];
  kind?: 'home' | 'section' | 'search';
  siteName?: string;
  lang?: 'ar' | 'en';
}

/** A home, section or search-results page: headlines with short summaries, no article. */
export function renderListingPage(listing: Listing, style?: OutletStyle | OutletAlias): string {
  const base = styleOf(style ?? (listing.lang === 'en' ? 'bbc' : 'sky-news-arabia'));
  const s: Style = { ...base, site: listing.siteName ?? base.site, lang: listing.lang ?? base.lang };
  const kind = listing.kind ?? 'section';
  const heading = listing.heading ?? s.site;
  const items = listing.items ?? listing.headlines ?? [];
  const cards = items
    .map(
      (it) => `<article class="card"><h3 class="card__title"><a href="${esc(it.url)}">${esc(it.title)}</a></h3>${
        it.summary ? `<p class="card__summary">${esc(it.summary)}</p>` : ''
      }</article>`,
    )
    .join('\n');
  const meta = `<meta property="og:type" content="website"><meta property="og:site_name" content="${esc(s.site)}">
<script type="application/ld+json">${jsonForScript({ '@context': 'https://schema.org', '@type': kind === 'search' ? 'SearchResultsPage' : 'CollectionPage', name: heading })}</script>`;
  return `${head({ title: heading, lang: s.lang, site: s.site, url: `https://${s.domain}/`, meta })}
<body class="page-${kind} ${style}">
${siteHeader(s)}
<div class="layout">
<main id="main-content" role="main"><h1 class="section-title">${esc(heading)}</h1>
<section class="cards">
${cards}
</section></main>
${sidebar(s)}
</div>
${siteFooter(s)}
</body>
</html>`;
}

/**
 * The seed page (a saved RT Arabic page as text: the main story, "إقرأ المزيد" boxes, source and keyword lines,
 * then "إقرأ أيضاً:" and a second story) as a real page: the first story is the article, the second follows it.
 * The caller reads the seed file at run time; its text never enters the repository.
 */
export function renderSeedPage(seedText: string, options: { url?: string; metadata?: boolean } = {}): string {
  const s = STYLES['rt-arabic'];
  const lines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines[0] ?? '';
  const alsoAt = lines.findIndex((l, i) => i > 0 && /^[إا]قرأ أيضا[ًا]?\s*:?$/.test(l));
  const first = lines.slice(1, alsoAt > 0 ? alsoAt : undefined);
  const second = alsoAt > 0 ? lines.slice(alsoAt + 1) : [];
  const dateLine = first.find((l) => /^تاريخ النشر/.test(l)) ?? '';
  const keywords = first.find((l) => /^كلمات دلالية/.test(l)) ?? '';
  const story: string[] = [];
  for (const l of first) {
    if (l === dateLine || l === keywords) continue;
    const more = /^[إا]قرأ المزيد/.exec(l);
    if (more) {
      story.push(`<div class="read-more-big"><span>إقرأ المزيد</span><a href="/russia/100001-related">موسكو تعلن يوم حداد وطني على ضحايا الهجوم</a></div>`);
      const rest = l.slice(more[0].length).trim();
      if (rest) story.push(`<p>${esc(rest)}</p>`);
    } else story.push(`<p>${esc(l)}</p>`);
  }
  const secondTitle = second[0] ?? '';
  const secondBody = second
    .slice(1)
    .filter((l) => !/^تابع أحدث الأخبار/.test(l))
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
  const url = options.url ?? 'https://arabic.rt.example/world/1543210-crocus/';
  const meta =
    options.metadata === false
      ? ''
      : `<link rel="canonical" href="${esc(url)}">
<meta property="og:type" content="article"><meta property="og:title" content="${esc(title)}">
<meta property="og:site_name" content="RT Arabic"><meta property="og:url" content="${esc(url)}">`;
  const tags = keywords
    .replace(/^كلمات دلالية:\s*/, '')
    .split(/\s{1,}/)
    .slice(0, 12)
    .map((k, i) => `<a href="/tags/${i}">${esc(k)}</a>`)
    .join(' ');
  return `${head({ title, lang: 'ar', site: s.site, url, meta })}
<body class="rt-arabic page-article">
${siteHeader(s)}
<div class="layout">
<main id="main-content" role="main">
<nav class="breadcrumbs"><a href="/">الرئيسية</a> › <a href="/world/">العالم</a></nav>
<article class="article">
<div class="article__head"><h1 class="heading">${esc(title)}</h1>
<div class="date">${esc(dateLine)}</div></div>
<div class="article__text text">
${story.join('\n')}
</div>
<div class="tags-list"><span>كلمات دلالية:</span> ${tags}</div>
</article>
${second.length ? `<div class="also-block"><span class="also-label">إقرأ أيضاً:</span></div>
<article class="article article--next">
<h2 class="heading">${esc(secondTitle)}</h2>
<div class="follow-app">تابع أحدث الأخبار عبر تطبيق</div>
<div class="article__text text">
${secondBody}
</div>
</article>` : ''}
${comments(s)}
</main>
${sidebar(s)}
</div>
${siteFooter(s)}
</body>
</html>`;
}
