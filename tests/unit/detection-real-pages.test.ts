/**
 * Article detection on real saved pages (../shared/detection/readability-test-pages, read at run time, never copied
 * here): the eval of scripts/eval-detection.ts on its "real sites" group, held to floors. Skipped, with one line of
 * notice, where the pages are absent.
 *
 * Issue 14's targets are recall >= 0.95, precision >= 0.98, title exact >= 0.90, body F1 >= 0.95. Precision is held
 * to its target; the other three are not reached yet and are held to the level this branch reached (recall 0.902,
 * title exact 0.783, body F1 0.843 on 94 real sites) so that a regression fails; raise them as detection improves.
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { byGroup, defaultDetectionDir, evalPages } from '../../scripts/eval-detection';

const present = existsSync(defaultDetectionDir);
if (!present) console.log(`detection-real-pages: skipped, no pages at ${defaultDetectionDir}`);

describe.skipIf(!present)('detection on real pages', () => {
  test('real sites: recognised, title and body against Readability\'s labels', () => {
    const real = byGroup(evalPages(defaultDetectionDir)).real;
    expect(real.pages).toBeGreaterThanOrEqual(90);
    expect(real.precision, 'precision').toBeGreaterThanOrEqual(0.98);
    expect(real.recall, 'recall').toBeGreaterThanOrEqual(0.9);
    expect(real.titleExact, 'title exact').toBeGreaterThanOrEqual(0.78);
    expect(real.bodyF1, 'body F1').toBeGreaterThanOrEqual(0.84);
  }, 120_000);
});
