/**
 * Which related results the popup and side panel show, and under which heading: the one rule both use
 * (RelatedSection draws it, TabView and the app's data-state read it to tell "nothing shown" from a list).
 *
 * - close: confidence ≥ the user's badge threshold (settings.minConfidence), the results the badge counts;
 * - loose ("less closely related"): below that threshold but at least CONFIDENT (0.5);
 * - the rest is not shown: when nothing is left, the popup says so and offers the search box.
 *
 * Why CONFIDENT is the floor (`npm run eval:sections`: the 300 dev queries, 42 of them judged, top 8 as the
 * popup asks; confidence from the whole-page cosine, see RankParams.confidenceWholeHalf): below 0.5, 14 of 64
 * judged results were related (grade ≥ 1; 22%, bootstrap 95% 11–34%; odd and even halves 22% and 21%), at 0.5
 * or above 162 of 186 (87%). A logistic fit of related on confidence crosses one half at 0.49 (95% 0.42–0.55;
 * odd half 0.47, even 0.51), not told apart from 0.5: under 0.5 a result is more often noise than not, and 0.5
 * is where the engine's confidence already means "even odds".
 */
import { CONFIDENT } from '../lib/related/rank';
import type { RelatedResult } from '../lib/types';
import type { Settings } from '../settings';

export interface RelatedSections<T> {
  close: T[];
  loose: T[];
}

export function relatedSections<T extends Pick<RelatedResult, 'confidence'>>(results: readonly T[], minConfidence: number): RelatedSections<T> {
  const close: T[] = [];
  const loose: T[] = [];
  for (const r of results) {
    const confidence = r.confidence ?? 1;
    if (confidence >= minConfidence) close.push(r);
    else if (confidence >= CONFIDENT) loose.push(r);
  }
  return { close, loose };
}

/** How many of the first `resultCount` results the sections show (0: the empty state, with the search box offered). */
export function shownCount(results: readonly Pick<RelatedResult, 'confidence'>[], settings: Pick<Settings, 'resultCount' | 'minConfidence'>): number {
  const { close, loose } = relatedSections(results.slice(0, settings.resultCount), settings.minConfidence);
  return close.length + loose.length;
}
