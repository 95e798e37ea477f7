/**
 * The credit a corpus' authors ask for, read from the README they ship (in the corpus folder's licenses/): the
 * corpus' name (the first line or heading), its home page (the first http(s) link) and the first reference
 * listed under a "Publications" (else "Citation") heading, as plain text. The index meta carries it so the
 * About view can show a link a reader can open and the citation, instead of a folder path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CorpusCredit } from '../../src/lib/types';

/** Markdown to plain text: links keep their text, emphasis, emoji codes and heading marks go. */
function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/:[a-z_]+:/g, '')
    .replace(/[*_`>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCorpusCredit(readme: string): CorpusCredit | null {
  const lines = readme.split(/\r?\n/);
  const first = lines.find((l) => plain(l) !== '' && !/^[=\-\s]+$/.test(l));
  if (!first) return null;
  const url = /\bhttps?:\/\/[^\s)\]]+/.exec(readme)?.[0] ?? null;
  let citation: string | null = null;
  // A list of publications first: a "Citation licence" heading holds the terms, not the reference.
  const headed = (pattern: RegExp) => lines.findIndex((l) => /^#+/.test(l.trim()) && pattern.test(plain(l)));
  let heading = headed(/^(publications?|references?|how to cite)\b/i);
  if (heading < 0) heading = headed(/^(citation|cite)\b(?!.*licen[cs]e)/i);
  if (heading >= 0) {
    const entry = lines.slice(heading + 1).find((l) => plain(l) !== '' && !/^#/.test(l.trim()));
    if (entry) citation = plain(entry);
  }
  return { title: plain(first), url, citation };
}

/**
 * The credit of the corpus whose folder is `dir`, from a README in its licenses/ folder, or null. A folder may
 * hold the terms of several data sets (ant-2018 has ANT's and ANS's, the source of its paraphrase test set): the
 * README named like the folder ("ANT_README.md" for "ant-2018") is the corpus' own, else the first one.
 */
export function readCorpusCredit(dir: string): CorpusCredit | null {
  const folder = join(dir, 'licenses');
  if (!existsSync(folder)) return null;
  const readmes = readdirSync(folder)
    .filter((name) => /readme/i.test(name) && /\.(md|txt)$/i.test(name))
    .sort();
  const stem = basename(dir).toLowerCase().split(/[-_.\s]/)[0];
  const readme = readmes.find((name) => stem !== '' && name.toLowerCase().startsWith(stem)) ?? readmes[0];
  return readme ? parseCorpusCredit(readFileSync(join(folder, readme), 'utf8')) : null;
}
