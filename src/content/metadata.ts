/**
 * What the page says about itself: JSON-LD (schema.org), OpenGraph and other <meta> tags, the canonical link and
 * <html lang dir>. JSON-LD is read defensively: in arrays, in @graph, with @type as an array, with "schema.org"
 * written with or without protocol, malformed (raw newlines, trailing commas, HTML comments) or deeply nested.
 * Work is capped: MAX_LD_BLOCKS blocks, MAX_LD_BYTES characters in all, MAX_LD_NODES objects visited per block.
 */
import { cleanLine, isArray, jsonParse } from './text-utils';
import { normalizeDate } from './dates';
import { scriptText } from './body-text';

export const MAX_LD_BLOCKS = 40;
export const MAX_LD_BYTES = 1_000_000;
const MAX_LD_BLOCK_BYTES = 300_000;
const MAX_LD_NODES = 2_000;
const MAX_LD_DEPTH = 12;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting',
  'report', 'scholarlyarticle', 'techarticle', 'satiricalarticle', 'advertisercontentarticle', 'socialmediaposting',
]);
const LISTING_TYPES = new Set(['collectionpage', 'searchresultspage', 'itemlist', 'profilepage']);
const VIDEO_TYPES = new Set(['videoobject', 'videogallery']);
/**
 * <meta> keys naming the page's own title, in order of preference. Dublin Core (DC.title, dcterms.title: documents,
 * standards, libraries, repositories) and Parse.ly (parsely-title: news CMSs) come after OpenGraph and Twitter, which
 * news pages keep most carefully; Readability reads all of these.
 */
const META_TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dc:title', 'dcterms.title', 'dcterms:title', 'dcterm:title', 'parsely-title'];

export interface LdArticle {
  types: string[];
  headline: string;
  published: string | null;
  url: string | null;
  publisher: string | null;
  inLanguage: string;
}

export interface PageMeta {
  /** The article object the page describes about itself, if any (the one matching the URL when several). */
  ldArticle: LdArticle | null;
  /** Kinds declared at top level: 'article' | 'listing' | 'video'. */
  ldKinds: Set<string>;
  ogType: string;
  /** The title the <meta> tags give: OpenGraph's, else Twitter's, Dublin Core's or Parse.ly's. */
  metaTitle: string;
  ogSiteName: string;
  ogUrl: string | null;
  published: string | null;
  canonicalUrl: string | null;
  lang: string;
  dir: 'rtl' | 'ltr' | '';
  applicationName: string;
  /** microdata itemtype=…Article present. */
  microdataArticle: boolean;
}

/** Schema type name without its vocabulary prefix, lower case: "https://schema.org/NewsArticle" → "newsarticle". */
function typeName(value: unknown): string {
  if (typeof value !== 'string') return '';
  const v = value.length > 200 ? value.slice(0, 200) : value;
  const slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf(':'), v.lastIndexOf('#'));
  return v.slice(slash + 1).trim().toLowerCase();
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  const out: string[] = [];
  if (typeof t === 'string') out.push(typeName(t));
  else if (isArray(t)) for (let i = 0; i < t.length && i < 10; i++) out.push(typeName(t[i]));
  return out;
}

function firstString(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (depth > 3 || value === null || typeof value !== 'object') return '';
  if (isArray(value)) return value.length ? firstString(value[0], depth + 1) : '';
  const o = value as Record<string, unknown>;
  return firstString(o.name ?? o['@value'] ?? o['@id'] ?? o.url ?? '', depth + 1);
}

/** Parse one block, tolerating the mistakes outlets' CMSs commonly make. */
export function parseLdText(raw: string): unknown {
  let text = raw.replace(/^\s*(?:<!--|<!\[CDATA\[)/, '').replace(/(?:-->|\]\]>)\s*$/, '').trim();
  if (text.length === 0) return null;
  try {
    return jsonParse(text);
  } catch {
    /* try the repairs below */
  }
  text = text
    .replace(/[\u0000-\u001F]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/;\s*$/, '');
  try {
    return jsonParse(text);
  } catch {
    /* concatenated objects: {…}{…} */
  }
  try {
    return jsonParse('[' + text.replace(/}\s*{/g, '},{') + ']');
  } catch {
    return null;
  }
}

interface LdScan {
  articles: LdArticle[];
  kinds: Set<string>;
  /** Nodes with an @id, across blocks: publishers are often declared in another block than the article. */
  byId: Map<string, Record<string, unknown>>;
  /** Top-level nodes of every block examined. */
  top: Record<string, unknown>[];
}

/** The publisher's name: a string, {name}, an array of either, or an @id reference to a node elsewhere on the page. */
function publisherName(value: unknown, byId: Map<string, Record<string, unknown>>): string {
  let v = isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return '';
  let o = v as Record<string, unknown>;
  const ref = o['@id'];
  if (o.name === undefined && typeof ref === 'string') {
    const resolved = byId.get(ref); // one level only: a cycle of references cannot loop
    if (!resolved) return '';
    o = resolved;
  }
  v = o.name;
  return typeof v === 'string' ? v : firstString(v);
}

function toArticle(node: Record<string, unknown>, types: string[], byId: Map<string, Record<string, unknown>>): LdArticle {
  const publisher = publisherName(node.publisher ?? node.sourceOrganization, byId);
  const main = node.mainEntityOfPage;
  const url = firstString(node.url) || (typeof main === 'string' ? main : firstString((main as Record<string, unknown> | null)?.['@id']));
  return {
    types,
    headline: cleanLine(firstString(node.headline) || firstString(node.name) || firstString(node.alternativeHeadline), 2000),
    published: normalizeDate(firstString(node.datePublished) || firstString(node.dateCreated) || firstString(node.uploadDate)),
    url: url || null,
    publisher: cleanLine(publisher, 200) || null,
    inLanguage: cleanLine(firstString(node.inLanguage), 40),
  };
}

/** Walk one parsed block: top-level items, arrays, @graph and WebPage.mainEntity count as "the page". */
function scanBlock(root: unknown, out: LdScan, budget: { nodes: number }): void {
  const byId = out.byId;
  const top = out.top;
  const stack: { v: unknown; depth: number; top: boolean }[] = [{ v: root, depth: 0, top: true }];
  while (stack.length > 0 && budget.nodes > 0) {
    const { v, depth, top: isTop } = stack.pop()!;
    budget.nodes--;
    if (v === null || typeof v !== 'object' || depth > MAX_LD_DEPTH) continue;
    if (isArray(v)) {
      for (let i = Math.min(v.length, 200) - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1, top: isTop });
      continue;
    }
    const node = v as Record<string, unknown>;
    const id = node['@id'];
    if (typeof id === 'string' && byId.size < 500) byId.set(id, node);
    if (isTop && top.length < 500) top.push(node);
    const graph = node['@graph'];
    if (graph !== undefined) stack.push({ v: graph, depth: depth + 1, top: isTop });
    const main = node.mainEntity;
    if (isTop && main !== undefined && typeof main === 'object') stack.push({ v: main, depth: depth + 1, top: true });
  }
}

function scanJsonLd(doc: Document): LdScan {
  const out: LdScan = { articles: [], kinds: new Set(), byId: new Map(), top: [] };
  const scripts = doc.getElementsByTagName('script');
  let blocks = 0;
  let bytes = 0;
  for (let i = 0; i < scripts.length && blocks < MAX_LD_BLOCKS && bytes < MAX_LD_BYTES; i++) {
    const type = (scripts[i].getAttribute('type') || '').toLowerCase();
    if (type.indexOf('ld+json') < 0) continue;
    blocks++;
    const raw = scriptText(scripts[i], MAX_LD_BLOCK_BYTES + 1);
    bytes += raw.length;
    if (raw.length > MAX_LD_BLOCK_BYTES) continue;
    try {
      scanBlock(parseLdText(raw), out, { nodes: MAX_LD_NODES });
    } catch {
      /* a hostile block is skipped, never fatal */
    }
  }
  for (let i = 0; i < out.top.length; i++) {
    const types = typesOf(out.top[i]);
    for (let j = 0; j < types.length; j++) {
      const t = types[j];
      if (ARTICLE_TYPES.has(t)) out.kinds.add('article');
      else if (LISTING_TYPES.has(t)) out.kinds.add('listing');
      else if (VIDEO_TYPES.has(t)) out.kinds.add('video');
    }
    let isArticle = false;
    for (let j = 0; j < types.length; j++) if (ARTICLE_TYPES.has(types[j])) isArticle = true;
    if (isArticle && out.articles.length < 20) out.articles.push(toArticle(out.top[i], types, out.byId));
  }
  return out;
}

/**
 * The <meta> tags' contents by key, read in one pass: the key is the tag's property, else name, else itemprop, lower
 * case; a space-separated property names several keys at once (RDFa: property="og:title twitter:title"). The first
 * non-empty content of each key is kept, as a page's first tag of a kind is the one meant.
 */
function metaIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 400; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') || m.getAttribute('name') || m.getAttribute('itemprop') || '').slice(0, 200).toLowerCase();
    if (!key) continue;
    const c = m.getAttribute('content');
    if (!c || !c.trim()) continue;
    const keys = key.split(/\s+/);
    for (let k = 0; k < keys.length && k < 8; k++) if (keys[k] && !index.has(keys[k])) index.set(keys[k], c);
  }
  return index;
}

/** The content of the first of `keys` the page has. */
function metaContent(index: Map<string, string>, keys: string[]): string {
  for (let k = 0; k < keys.length; k++) {
    const c = index.get(keys[k]);
    if (c) return c;
  }
  return '';
}

/** An absolute http(s) URL for `href` against the page URL, or null. */
export function absoluteHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href || href.length > 4096) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function canonicalOf(doc: Document, url: string): string | null {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length && i < 400; i++) {
    const rel = (links[i].getAttribute('rel') || '').toLowerCase().split(/\s+/);
    if (rel.indexOf('canonical') >= 0) return absoluteHttpUrl(links[i].getAttribute('href'), url);
  }
  return null;
}

const LANG_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,3}$/i;

export function normalizeLang(value: string): string {
  const v = value.trim().replace(/_/g, '-');
  if (!LANG_TAG.test(v)) return '';
  const parts = v.split('-');
  parts[0] = parts[0].toLowerCase();
  return parts.join('-');
}

export function readMeta(doc: Document, url: string): PageMeta {
  const ld = scanJsonLd(doc);
  const metas = metaIndex(doc);
  const canonicalUrl = canonicalOf(doc, url);
  let ldArticle: LdArticle | null = ld.articles[0] || null;
  if (ld.articles.length > 1) {
    // Several article objects (an infinite-scroll page, a "two stories" page): the one about this URL wins.
    for (let i = 0; i < ld.articles.length; i++) {
      const u = absoluteHttpUrl(ld.articles[i].url, url);
      if (u && (u === canonicalUrl || u === url)) {
        ldArticle = ld.articles[i];
        break;
      }
    }
  }
  const html = doc.documentElement;
  // dir is often set on body, main or article rather than on <html>.
  const dirHolder = doc.body && !doc.body.getAttribute('dir') ? doc.body.querySelector('main[dir], article[dir]') : null;
  const htmlDir = ((html && html.getAttribute('dir')) || (doc.body && doc.body.getAttribute('dir')) || (dirHolder && dirHolder.getAttribute('dir')) || '').toLowerCase();
  const lang = normalizeLang((html && html.getAttribute('lang')) || (html && html.getAttribute('xml:lang')) || '') ||
    normalizeLang(metaContent(metas, ['og:locale', 'content-language', 'language'])) ||
    normalizeLang(ldArticle ? ldArticle.inLanguage : '');
  const published =
    (ldArticle && ldArticle.published) ||
    normalizeDate(metaContent(metas, [
      'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
      'dc.date.issued', 'dcterms.created', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'date',
    ]));
  let microdataArticle = false;
  const typed = doc.querySelectorAll('[itemtype]');
  for (let i = 0; i < typed.length && i < 50; i++) {
    if (ARTICLE_TYPES.has(typeName(typed[i].getAttribute('itemtype')))) microdataArticle = true;
  }
  return {
    ldArticle,
    ldKinds: ld.kinds,
    ogType: metaContent(metas, ['og:type']).trim().toLowerCase(),
    metaTitle: cleanLine(metaContent(metas, META_TITLE_KEYS), 2000),
    ogSiteName: cleanLine(metaContent(metas, ['og:site_name']), 200),
    ogUrl: absoluteHttpUrl(metaContent(metas, ['og:url']), url),
    published,
    canonicalUrl,
    lang,
    dir: htmlDir === 'rtl' ? 'rtl' : htmlDir === 'ltr' ? 'ltr' : '',
    applicationName: cleanLine(metaContent(metas, ['application-name', 'apple-mobile-web-app-title']), 200),
    microdataArticle,
  };
}
