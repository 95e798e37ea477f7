/**
 * Article detection on real saved pages (../shared/detection/readability-test-pages, read at run time, never copied
 * here): the eval of scripts/eval-detection.ts on its "real sites" group, held to floors. Skipped, with one line of
 * notice, where the pages are absent.
 *
 * Issue 14's targets are recall >= 0.95, precision >= 0.98, title exact >= 0.90, body F1 >= 0.95. Precision is held
 * to its target; the other three are held to the level this branch reached (recall 0.859, title exact 0.663, body
 * F1 0.805 on 94 real sites) so that a regression fails, and are to be raised to the targets as the work goes on.
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
    expect(real.recall, 'recall').toBeGreaterThanOrEqual(0.85);
    expect(real.titleExact, 'title exact').toBeGreaterThanOrEqual(0.65);
    expect(real.bodyF1, 'body F1').toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
