/**
 * "The reads changed other than by remember" (a restore put some back), said by the imports' side
 * (collection-handlers.ts) and heard by the reads' side (library-handlers.ts), which keeps its decoded segments
 * and search records for the worker's life. A module of its own, so that neither side imports the other.
 */
const listeners = new Set<() => void>();

export function onReadsChanged(listener: () => void): void {
  listeners.add(listener);
}

export function readsChanged(): void {
  for (const listener of listeners) listener();
}
