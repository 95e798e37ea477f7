/**
 * The seed page (../shared/seed, read at run time: its text never enters the repository) rendered as a real RT
 * Arabic page: the first story is the article, the second one, after "إقرأ أيضاً:", is not part of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { extractSnapshot } from '../../src/content/extract';
import { renderSeedPage } from '../../scripts/lib/render-pages';

const seedDir = resolve(__dirname, '..', '..', '..', 'shared', 'seed');
const seedFile = existsSync(seedDir) ? readdirSync(seedDir).find((f) => f.endsWith('.txt')) : undefined;

if (!seedFile) console.log(`detection-seed: skipped, no seed page (*.txt) in ${seedDir}`);

describe.skipIf(!seedFile)('seed page', () => {
  const seed = seedFile ? readFileSync(resolve(seedDir, seedFile), 'utf8') : '';
  const lines = seed.split('\n').map((l) => l.trim()).filter(Boolean);
  const alsoAt = lines.findIndex((l) => /^[إا]قرأ أيضا/.test(l));
  const firstBody = lines
    .slice(2, alsoAt)
    .filter((l) => !/^كلمات دلالية/.test(l))
    .map((l) => l.replace(/^[إا]قرأ المزيد/, ''));
  const secondBody = lines.slice(alsoAt + 2).filter((l) => l.length > 60);

  for (const metadata of [true, false]) {
    test(`main story found, second story left out (metadata: ${metadata})`, () => {
      const { document } = parseHTML(renderSeedPage(seed, { metadata }));
      const snap = extractSnapshot(document as unknown as Document, 'https://arabic.rt.example/world/1543210-crocus/');
      expect(snap.isArticle).toBe(true);
      expect(snap.title).toBe(lines[0]);
      expect(snap.lang).toBe('ar');
      expect(snap.dir).toBe('rtl');
      expect(snap.published).toBe('2024-03-25');
      for (const line of firstBody) expect(snap.text).toContain(line);
      for (const line of secondBody) expect(snap.text).not.toContain(line.slice(0, 80));
      expect(snap.text).not.toContain(lines[alsoAt + 1]);
      expect(snap.text).not.toMatch(/إقرأ المزيد|كلمات دلالية|التعليقات|جميع الحقوق/);
      if (metadata) expect(snap.siteName).toBe('RT Arabic');
    });
  }
});
