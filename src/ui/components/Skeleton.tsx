/** Placeholder cards with the same size as real results, so nothing jumps when they arrive. */
export function Skeleton({ rows = 4, label, reading = true }: { rows?: number; label: string; reading?: boolean }) {
  return (
    <div class="skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">{label}</span>
      {reading && (
        <div class="skeleton-reading" aria-hidden="true">
          <span class="bone short" />
          <span class="bone" />
          <span class="bone medium" />
        </div>
      )}
      <ul class={reading ? 'articles' : 'articles skeleton-search'} aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <li class="article skeleton-article" key={i}>
            <span class="bone tiny" />
            <span class="bone" />
            <span class="bone medium" />
            <span class="bone faint" />
          </li>
        ))}
      </ul>
    </div>
  );
}
