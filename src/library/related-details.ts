/**
 * What a library result shows beside its title, so that a remembered read or a collection's article reads as a
 * peer of an archive result: its opening as the snippet and the "Shares" chips (the page's words it holds).
 * The ranking (sources.ts) returns the library's results bare; the few that are shown get these here, once:
 * a read's opening from its record (the store reads only the shown reads' records), the chips from the
 * bundled engine's chip rule (SilaIndex.sharedTermsOutside) over the title and the snippet the card shows, from the
 * analysis of the page the library's ranking asked with (SilaIndex.libraryQuery keeps it): the page is analysed once.
 */
import type { RelatedQuery, RelatedResult } from '../lib/types';

export interface DetailSources {
  /** The openings (records.ts OPENING_CHARS) of these remembered reads, by read id. */
  openings(ids: number[]): Promise<Map<number, string>>;
  /** The chips of each article for the page (SilaIndex.sharedTermsOutside). */
  chips(page: RelatedQuery, articles: { title: string; body: string }[]): string[][];
}

/** The read's id of a result made by related-merge.ts readAsRelated (`reading:<id>`), or null for any other. */
export function readIdOf(result: RelatedResult): number | null {
  if (result.readAt === undefined) return null;
  const m = /^reading:(\d+)$/.exec(result.doc.id);
  return m ? Number(m[1]) : null;
}

/**
 * The results with their snippets and chips filled in where they have none. A detail that cannot be had (a
 * read's record gone meanwhile, storage refusing) is left out: the result is still shown, as before.
 */
export async function withDetails(results: readonly RelatedResult[], page: RelatedQuery, sources: DetailSources): Promise<RelatedResult[]> {
  if (results.length === 0) return [];
  const readIds = results.map(readIdOf).filter((id): id is number => id !== null);
  const openings = readIds.length > 0 ? await sources.openings(readIds).catch(() => new Map<number, string>()) : new Map<number, string>();
  const filled = results.map((r) => {
    const id = readIdOf(r);
    const opening = id === null ? undefined : openings.get(id);
    return !r.doc.snippet && opening ? { ...r, doc: { ...r.doc, snippet: opening } } : r;
  });
  const bare = filled.map((r, i) => [r, i] as const).filter(([r]) => r.sharedTerms.length === 0);
  if (bare.length === 0) return filled;
  let chips: string[][];
  try {
    chips = sources.chips(page, bare.map(([r]) => ({ title: r.doc.title, body: r.doc.snippet })));
  } catch (error) {
    console.warn('Sila: the library results’ chips left out', error);
    return filled;
  }
  bare.forEach(([r, i], k) => {
    if (chips[k]?.length) filled[i] = { ...r, sharedTerms: chips[k] };
  });
  return filled;
}
