/**
 * Run-time checks of every message the background receives. A page controls what its content script
 * extracts, so a snapshot is untrusted data: shape, types and sizes are checked before anything uses it.
 */
import { LIMITS, type Envelope, type MessageName, type RequestOf } from '../messages';
import type { ArticleSnapshot } from '../lib/types';

export class InvalidMessage extends Error {}

const NAMES: readonly MessageName[] = ['page/snapshot', 'tab/state', 'corpus/search', 'corpus/search-hints', 'corpus/about', 'library/remember', 'library/related', 'library/status', 'library/forget',
  'collections/list', 'collections/import', 'collections/cancel', 'collections/rename', 'collections/switch', 'collections/remove',
  'library/restore', 'library/restore-status', 'library/restore-cancel'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidMessage(`${field} must be a string`);
  if (value.length > max) throw new InvalidMessage(`${field} is longer than ${max} characters`);
  return value;
}

function strOrNull(value: unknown, field: string, max: number): string | null {
  return value === null || value === undefined ? null : str(value, field, max);
}

function int(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidMessage(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidMessage(`${field} must be true or false`);
  return value;
}

export function validateSnapshot(value: unknown): ArticleSnapshot {
  if (!isRecord(value)) throw new InvalidMessage('snapshot must be an object');
  const dir = value.dir === 'rtl' ? 'rtl' : value.dir === 'ltr' ? 'ltr' : null;
  if (!dir) throw new InvalidMessage('snapshot.dir must be "rtl" or "ltr"');
  if (typeof value.isArticle !== 'boolean') throw new InvalidMessage('snapshot.isArticle must be a boolean');
  // Text longer than the limit is cut rather than refused: a very long article is still an article.
  const text = typeof value.text === 'string' ? value.text.slice(0, LIMITS.textChars) : str(value.text, 'snapshot.text', 0);
  return {
    isArticle: value.isArticle,
    title: str(value.title, 'snapshot.title', LIMITS.titleChars),
    text,
    lang: str(value.lang, 'snapshot.lang', 35),
    dir,
    url: str(value.url, 'snapshot.url', LIMITS.urlChars),
    canonicalUrl: strOrNull(value.canonicalUrl, 'snapshot.canonicalUrl', LIMITS.urlChars),
    published: strOrNull(value.published, 'snapshot.published', 64),
    siteName: strOrNull(value.siteName, 'snapshot.siteName', 200),
  };
}

/** Checks the envelope and the payload of its message; returns a fresh, typed copy (never the input object). */
export function validateEnvelope(value: unknown): Envelope {
  if (!isRecord(value) || value.sila !== 1) throw new InvalidMessage('not a Sila message');
  const name = value.name as MessageName;
  if (!NAMES.includes(name)) throw new InvalidMessage(`unknown message ${JSON.stringify(String(value.name).slice(0, 40))}`);
  const payload = value.payload;
  if (!isRecord(payload)) throw new InvalidMessage('payload must be an object');
  return { sila: 1, name, payload: validatePayload(name, payload) } as Envelope;
}

function validatePayload<N extends MessageName>(name: N, p: Record<string, unknown>): RequestOf<N> {
  switch (name) {
    case 'page/snapshot':
      return { snapshot: validateSnapshot(p.snapshot) } as RequestOf<N>;
    case 'tab/state':
      return { tabId: int(p.tabId, 'tabId', 0, Number.MAX_SAFE_INTEGER) } as RequestOf<N>;
    case 'corpus/search':
      return {
        query: str(p.query, 'query', LIMITS.queryChars),
        limit: int(p.limit, 'limit', 1, LIMITS.maxSearchLimit),
      } as RequestOf<N>;
    case 'corpus/search-hints':
      return { query: str(p.query, 'query', LIMITS.queryChars) } as RequestOf<N>;
    case 'corpus/about':
    case 'library/status':
    case 'library/forget':
    case 'collections/list':
    case 'library/restore-status':
      return {} as RequestOf<N>;
    case 'library/restore':
    case 'library/restore-cancel':
    case 'collections/import':
    case 'collections/cancel':
    case 'collections/remove':
      return { id: int(p.id, 'id', 1, Number.MAX_SAFE_INTEGER) } as RequestOf<N>;
    case 'collections/rename': {
      const name = str(p.name, 'name', LIMITS.collectionNameChars).trim();
      if (!name) throw new InvalidMessage('name must not be empty');
      return { id: int(p.id, 'id', 1, Number.MAX_SAFE_INTEGER), name } as RequestOf<N>;
    }
    case 'collections/switch':
      return { id: int(p.id, 'id', 1, Number.MAX_SAFE_INTEGER), enabled: bool(p.enabled, 'enabled') } as RequestOf<N>;
    case 'library/remember':
      return { url: str(p.url, 'url', LIMITS.urlChars) } as RequestOf<N>;
    case 'library/related':
      return { tabId: int(p.tabId, 'tabId', 0, Number.MAX_SAFE_INTEGER) } as RequestOf<N>;
    default:
      throw new InvalidMessage('unknown message');
  }
}
