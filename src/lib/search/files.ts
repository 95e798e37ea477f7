/**
 * Names and chunking of the search files. Every packaged file must stay under 4 MiB (Firefox refuses larger
 * .js/.json/.html files and we keep one rule for all), so a large blob is cut into numbered parts.
 */
import { MAX_FILE_BYTES } from '../index/format';

export const SEARCH_META_FILE = 'search-meta.json';

export interface SearchMeta {
  format: number;
  docCount: number;
  /** Files of each component, in order; concatenated they give the component's blob (or text). */
  files: { title: string[]; lead: string[]; titles: string[] };
  /** Build-time choices the runtime must know (e.g. how much of the body the lead signal saw). */
  leadChars: number;
  leadMaxDf: number;
  /** Learned spelling variants, [variant, canonical] (variants.ts); both are indexed and searched as canonical. */
  variants: [string, string][];
}

/** Cut `bytes` into parts named `${stem}.bin` or `${stem}-0.bin`, `${stem}-1.bin`, … */
export function splitBinary(stem: string, bytes: Uint8Array, max = MAX_FILE_BYTES): [string, Uint8Array][] {
  if (bytes.length <= max) return [[`${stem}.bin`, bytes]];
  const parts: [string, Uint8Array][] = [];
  for (let at = 0, i = 0; at < bytes.length; at += max, i++) parts.push([`${stem}-${i}.bin`, bytes.slice(at, at + max)]);
  return parts;
}

/** Lines joined by "\n" in parts of at most `max` UTF-8 bytes, each cut at a line end (so each part decodes alone). */
export function splitLines(stem: string, lines: readonly string[], max = MAX_FILE_BYTES): [string, string][] {
  const encoder = new TextEncoder();
  const parts: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    const bytes = encoder.encode(line).length + 1;
    if (size + bytes > max && parts[parts.length - 1].length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(line);
    size += bytes;
  }
  if (parts.length === 1) return [[`${stem}.txt`, parts[0].join('\n')]];
  return parts.map((p, i) => [`${stem}-${i}.txt`, p.join('\n')]);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
