/** Sila's mark: the toolbar icon's interlocked rings (scripts/make-icons.ts), drawn as SVG for crisp headers. */
export function Logo({ size = 24 }: { size?: number }) {
  const crossing = 'M10.3 7.47A4.6 4.6 0 0 1 13.27 9.36';
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="6.5" fill="var(--accent-bg)" />
      <g fill="none" stroke-width="2.1">
        <circle cx="9.5" cy="12" r="4.6" stroke="var(--accent-fg)" />
        <circle cx="14.5" cy="12" r="4.6" stroke="var(--accent-fg)" />
        {/* The left ring passes over the right one at the top crossing. */}
        <path d={crossing} stroke="var(--accent-bg)" stroke-width="4.2" />
        <path d={crossing} stroke="var(--accent-fg)" />
      </g>
    </svg>
  );
}
