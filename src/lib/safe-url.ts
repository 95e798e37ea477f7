/**
 * Article URLs come from the corpus and page URLs from the page: both are data. Only http(s) URLs are ever
 * linked or opened; anything else (javascript:, data:, file:, chrome:, relative, malformed) is not.
 */

/** The URL, normalised, when it is absolute http(s); otherwise null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  return parsed.href;
}

/** The host to show for a URL ("www.bbc.com" → "bbc.com"), or "" when it is not http(s). */
export function displayHost(url: string | null | undefined): string {
  const safe = safeHttpUrl(url);
  if (!safe) return '';
  return new URL(safe).hostname.replace(/^www\./, '');
}
