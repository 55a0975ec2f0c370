// The analysis workspace: five views behind tabs, full width in place of the reader.
import { useEffect, useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useT, type Key } from '../i18n';
import { useStore } from '../store';
import { ANALYSIS_TABS, type AnalysisTab } from '../store/analysis';
import { CooccurrenceView } from './CooccurrenceView';
import { FrequencyView } from './FrequencyView';
import { RetrievalView } from './RetrievalView';
import { TermsView } from './TermsView';
import { WordsView } from './WordsView';

const LABELS: Record<AnalysisTab, [Key, Key]> = {
  retrieval: ['anRetrievalTitle', 'anRetrievalHint'],
  frequency: ['anFrequencyTitle', 'anFrequencyHint'],
  cooccurrence: ['anCooccurrenceTitle', 'anCooccurrenceHint'],
  terms: ['anTermsTitle', 'anTermsHint'],
  words: ['anWordsTitle', 'anWordsHint'],
};

const VIEWS: Record<AnalysisTab, ComponentType> = {
  retrieval: RetrievalView,
  frequency: FrequencyView,
  cooccurrence: CooccurrenceView,
  terms: TermsView,
  words: WordsView,
};

export default function AnalysisView() {
  const t = useT();
  const tab = useStore((s) => s.analysisTab);
  const setTab = useStore((s) => s.setAnalysisTab);
  const close = useStore((s) => s.closeAnalysis);
  const tabs = useRef<HTMLDivElement>(null);

  // Opening the workspace puts the keyboard on the tabs.
  useEffect(() => {
    tabs.current?.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus();
  }, []);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = ANALYSIS_TABS.indexOf(tab);
    const n = ANALYSIS_TABS.length;
    const next = e.key === 'ArrowRight' ? (at + 1) % n : e.key === 'ArrowLeft' ? (at + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(ANALYSIS_TABS[next]);
    requestAnimationFrame(() => tabs.current?.querySelector<HTMLButtonElement>(`#an-tab-${ANALYSIS_TABS[next]}`)?.focus());
  };

  const View = VIEWS[tab];
  return (
    <main className="analysis" data-testid="analysis-view" aria-label={t('anTitle')}>
      <header className="an-head">
        <h1 className="an-title">{t('anTitle')}</h1>
        <div className="an-tabs" role="tablist" aria-label={t('anTitle')} ref={tabs} onKeyDown={onTabKey}>
          {ANALYSIS_TABS.map((id) => (
            <button
              key={id}
              id={`an-tab-${id}`}
              type="button"
              role="tab"
              data-testid={`an-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="an-panel"
              tabIndex={tab === id ? 0 : -1}
              className={tab === id ? 'on' : ''}
              title={t(LABELS[id][1])}
              onClick={() => setTab(id)}
            >
              {t(LABELS[id][0])}
            </button>
          ))}
        </div>
        <span className="an-grow" />
        <span className="muted small an-tab-hint">{t(LABELS[tab][1])}</span>
        <button type="button" className="icon an-close" data-testid="analysis-close" title={t('anClose') + ' (Esc)'} aria-label={t('anClose')} onClick={() => close()}>
          ×
        </button>
      </header>
      <div className="an-body" id="an-panel" role="tabpanel" aria-labelledby={`an-tab-${tab}`}>
        <View />
      </div>
    </main>
  );
}
