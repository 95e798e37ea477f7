/**
 * Resolves once the page has had a chance to paint its next frame (or after 100 ms when it is hidden and paints
 * nothing). For work that the first frame does not need and that would otherwise delay it.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}
