/**
 * Page identity: whether a page is itself a corpus article. The builder stores hashes of each article's URL,
 * title and opening text; the query side hashes the page the same way (these functions, on both sides), then
 * verifies the few candidates a hash names.
 */
import { analyze } from '../text';
import { LoadedIndex } from './load';

/** What identifies a page as a corpus article: its URL, its canonical URL, or the same title and opening text. */
export interface PageIdentity {
  url?: string | null;
  canonicalUrl?: string | null;
  title?: string;
  text?: string;
}

/** FNV-1a, 32 bits: hashes of URLs and titles for findCorpusArticle (candidates are then verified). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The form of a URL used to recognise a corpus article: no scheme, www., fragment, tracking parameters or trailing slash. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid|gclid|ref$|amp$)/i.test(key)) u.searchParams.delete(key);
    }
    const host = u.hostname.toLowerCase().replace(/^(www|m|amp)\./, '');
    const path = decodeURIComponentSafe(u.pathname).replace(/\/(amp\/?)?$/, '');
    const query = u.searchParams.toString();
    return host + path + (query ? `?${query}` : '');
  } catch {
    return url.trim().toLowerCase();
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Hash of the first 30 analyzed body terms: with the title hash, recognises "the same text" as a corpus article. */
export function leadHash(bodyTerms: string[]): number {
  return fnv1a(bodyTerms.slice(0, 30).join(' '));
}

/** Hash of a title's analyzed terms. */
export function titleTermsHash(titleTerms: string[]): number {
  return fnv1a(titleTerms.join(' '));
}

export function titleHash(title: string): number {
  return titleTermsHash(analyze(title));
}

/** Position of the corpus article this page is, or -1. */
export async function findCorpusArticle(ix: LoadedIndex, page: PageIdentity): Promise<number> {
  for (const url of [page.canonicalUrl, page.url]) {
    if (!url) continue;
    const norm = normalizeUrl(url);
    const candidates = LoadedIndex.lookup(ix.urlHash, ix.urlPos, fnv1a(norm));
    if (candidates.length === 0) continue;
    await ix.ensureDocs(candidates);
    for (const p of candidates) {
      const docUrl = ix.doc(p).url;
      if (docUrl && normalizeUrl(docUrl) === norm) return p;
    }
  }
  // Same title and opening text: the page is that article, unless both have URLs and they differ (then it is
  // a republication elsewhere, e.g. the same story filed in two sections, which is a result in its own right).
  const pageHasUrl = Boolean(page.url || page.canonicalUrl);
  if (page.title && page.text) {
    const candidates = LoadedIndex.lookup(ix.titleHash, ix.titlePos, titleHash(page.title));
    if (candidates.length > 0) {
      const lead = leadHash(analyze(page.text));
      const same = candidates.filter((p) => ix.leadHash[p] === lead);
      if (pageHasUrl && same.length > 0) await ix.ensureDocs(same);
      for (const p of same) if (!(pageHasUrl && ix.doc(p).url)) return p;
    }
  }
  return -1;
}
