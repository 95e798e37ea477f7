/** The search field in the header: type to search, Esc clears (and a second Esc closes the popup as usual). */
import type { Ref } from 'preact';
import { useUi } from '../context';

export function SearchBox({ value, onInput, inputRef }: { value: string; onInput: (value: string) => void; inputRef: Ref<HTMLInputElement> }) {
  const { i18n } = useUi();
  return (
    <div class="search" role="search">
      <svg class="search-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14Zm5-2 4.5 4.5" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        value={value}
        placeholder={i18n.t('searchPlaceholder')}
        aria-label={i18n.t('searchLabel')}
        autocomplete="off"
        spellcheck={false}
        maxLength={500}
        data-nav-search=""
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            e.stopPropagation();
            onInput('');
          }
        }}
      />
      {value && (
        <button type="button" class="search-clear" aria-label={i18n.t('clearSearch')} title={i18n.t('clearSearch')} onClick={() => onInput('')}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M7 7l10 10M17 7 7 17" />
          </svg>
        </button>
      )}
    </div>
  );
}
