// The top bar's way into library search (Ctrl+Shift+F does the same).
import { useT } from '../i18n';
import { useStore } from '../store';

export function SearchButton() {
  const t = useT();
  const open = useStore((s) => s.searchOpen);
  return (
    <button
      type="button"
      className={'search-button' + (open ? ' on' : '')}
      data-testid="open-search"
      aria-pressed={open}
      title={t('searchTitle') + ' (Ctrl+Shift+F)'}
      onClick={() => {
        const s = useStore.getState();
        if (open) s.closeSearch();
        else s.openSearch();
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="6.8" cy="6.8" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.7" />
        <path d="M10.3 10.3 14 14" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      </svg>
      {t('search')}
      <kbd>Ctrl+Shift+F</kbd>
    </button>
  );
}
