/**
 * Highlighting must agree with the engine on what counts as the same word (hamza forms, diacritics, tatweel,
 * ى/ي, ة/ه, case, Arabic-Indic digits), so it uses the analyzer's own character normalisation. Only the
 * normalisation module is imported, not the stemmer and stopword lists, to keep the popup small.
 */
import { normalize } from '../lib/text/normalize';

export function normalizeForMatch(text: string): string {
  return normalize(text);
}
