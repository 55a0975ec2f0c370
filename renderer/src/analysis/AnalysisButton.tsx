// The top bar's way into the analysis workspace (Ctrl+Shift+A does the same).
import { useT } from '../i18n';
import { useStore } from '../store';

export function AnalysisButton() {
  const t = useT();
  const open = useStore((s) => s.analysisOpen);
  return (
    <button
      type="button"
      className={'search-button' + (open ? ' on' : '')}
      data-testid="open-analysis"
      aria-pressed={open}
      title={t('anTitle') + ' (Ctrl+Shift+A)'}
      onClick={() => {
        const s = useStore.getState();
        if (open) s.closeAnalysis();
        else s.openAnalysis();
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M2 14h12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        <rect x="3" y="8" width="2.4" height="4.6" rx="0.6" fill="currentColor" />
        <rect x="6.8" y="3.5" width="2.4" height="9.1" rx="0.6" fill="currentColor" />
        <rect x="10.6" y="6" width="2.4" height="6.6" rx="0.6" fill="currentColor" />
      </svg>
      {t('anTitle')}
      <kbd>Ctrl+Shift+A</kbd>
    </button>
  );
}

/** After a passage was opened from the analysis, a quiet way back to where the user was. */
export function ReturnToAnalysis() {
  const t = useT();
  const show = useStore((s) => s.analysisReturn && !s.analysisOpen);
  if (!show) return null;
  return (
    <div className="an-return" data-testid="analysis-return">
      <button type="button" onClick={() => useStore.getState().openAnalysis()}>
        ← {t('anBack')}
        <kbd>Ctrl+Shift+A</kbd>
      </button>
      <button type="button" className="icon" aria-label={t('close')} onClick={() => useStore.getState().dismissAnalysisReturn()}>
        ×
      </button>
    </div>
  );
}
