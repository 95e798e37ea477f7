/** A state with nothing to list (empty, not an article, error…): what happened, and something to do next. */
import type { ComponentChildren } from 'preact';

export type StateIcon = 'empty' | 'page' | 'lock' | 'pause' | 'error' | 'search';

const PATHS: Record<StateIcon, string> = {
  empty: 'M4 6h16M4 12h10M4 18h7M17 15l4 4m-1.5-5.5a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z',
  page: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h4',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v10H6z',
  pause: 'M9 6v12M15 6v12',
  error: 'M12 8v5m0 3.5v.5M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14Zm5-2 4.5 4.5',
};

export function StateMessage(props: {
  icon: StateIcon;
  title: string;
  body?: ComponentChildren;
  children?: ComponentChildren;
  tone?: 'neutral' | 'error';
}) {
  return (
    <section class={`state ${props.tone === 'error' ? 'state-error' : ''}`} role={props.tone === 'error' ? 'alert' : undefined}>
      <svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d={PATHS[props.icon]} />
      </svg>
      <h2 class="state-title">{props.title}</h2>
      {props.body && <p class="state-body">{props.body}</p>}
      {props.children && <div class="state-actions">{props.children}</div>}
    </section>
  );
}
