/**
 * Article detection on real saved pages (../shared/detection/readability-test-pages, read at run time, never copied
 * here): the eval of scripts/eval-detection.ts on its "real sites" group, held to floors. Skipped, with one line of
 * notice, where the pages are absent.
 *
 * Detection's targets are recall >= 0.95, precision >= 0.98, title exact >= 0.90, body F1 >= 0.95, all reached
 * (0.989, 0.989, 0.946, 0.953 on 94 real sites). Precision is held to its target; recall, title exact and body F1 just
 * under what was reached, so that a regression fails; raise them as detection improves. The synthetic and RTL groups
 * are held to theirs (recall 0.933 and 1.000, precision 1.000).
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { byGroup, defaultDetectionDir, evalPages } from '../../scripts/eval-detection';

const present = existsSync(defaultDetectionDir);
if (!present) console.log(`detection-real-pages: skipped, no pages at ${defaultDetectionDir}`);

describe.skipIf(!present)('detection on real pages', () => {
  let groups: ReturnType<typeof byGroup> | undefined;
  const measured = () => (groups ??= byGroup(evalPages(defaultDetectionDir)));

  test('real sites: recognised, title and body against Readability\'s labels', () => {
    const real = measured().real;
    expect(real.pages).toBeGreaterThanOrEqual(90);
    expect(real.precision, 'precision').toBeGreaterThanOrEqual(0.98);
    expect(real.recall, 'recall').toBeGreaterThanOrEqual(0.98);
    expect(real.titleExact, 'title exact').toBeGreaterThanOrEqual(0.94);
    expect(real.bodyF1, 'body F1').toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  test('small synthetic and RTL cases', () => {
    const { synthetic, rtl } = measured();
    expect(synthetic.precision, 'synthetic precision').toBe(1);
    expect(synthetic.recall, 'synthetic recall').toBeGreaterThanOrEqual(0.93);
    expect(rtl.recall, 'rtl recall').toBe(1);
    expect(rtl.bodyF1, 'rtl body F1').toBeGreaterThanOrEqual(0.99);
  }, 120_000);
});
