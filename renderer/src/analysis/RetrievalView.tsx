// Coded retrieval: every passage in the library coded with all (AND) or any (OR) of the chosen themes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JobInfo } from '../../../shared/domain';
import { api } from '../api';
import { useT } from '../i18n';
import { JobProgress } from '../jobs/JobProgress';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import { exportPassages, passageExportLabel, type PassageExportFormat } from './exportPassages';
import { PassageList } from './PassageList';
import { Empty, Failed, Loading } from './states';
import { ThemeChecklist } from './ThemeChecklist';
import { useQuery } from './useQuery';

/** A theme and all of its sub-themes, for the export (which takes the ids themselves). */
function withDescendants(ids: string[], parentOf: Map<string, string | null>): string[] {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, parent] of parentOf) if (parent && out.has(parent) && !out.has(id)) {
      out.add(id);
      grew = true;
    }
  }
  return [...out];
}

/** A passage export under way: its job as last heard of, and the way to cancel it. */
interface ExportRun {
  format: PassageExportFormat;
  info: JobInfo | null;
  since: number;
  controller: AbortController;
  cancelling: boolean;
}

export function RetrievalView() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const ids = useStore((s) => s.retrievalThemeIds);
  const mode = useStore((s) => s.retrievalMode);
  const sub = useStore((s) => s.retrievalSubthemes);
  const set = useStore((s) => s.setAnalysisParams);
  const [exporting, setExporting] = useState<ExportRun | null>(null);
  // Keyboard focus follows the export: to its Cancel while it runs, back to the button that started it after.
  const progressRef = useRef<HTMLDivElement>(null);
  const exportButtons = useRef<Partial<Record<PassageExportFormat, HTMLButtonElement | null>>>({});
  const returnFocusTo = useRef<PassageExportFormat | null>(null);
  const running = exporting !== null;
  // After the render that shows (or hides) the progress: its buttons exist only then.
  useEffect(() => {
    if (running) progressRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    else if (returnFocusTo.current) exportButtons.current[returnFocusTo.current]?.focus();
    returnFocusTo.current = null;
  }, [running]);

  const live = useMemo(() => ids.filter((id) => themes.some((th) => th.id === id)), [ids, themes]);
  // Coding elsewhere changes a theme's count: ask again then.
  const countsKey = themes.map((th) => th.id + ':' + th.annotationCount + ':' + (th.parentId ?? '')).join(',');
  const ask = useCallback(() => api['retrieve.coded']({ themeIds: live, mode, includeSubthemes: sub }), [live, mode, sub]);
  const q = useQuery(live.length ? ask : null, `${live.join(',')}|${mode}|${sub}|${countsKey}`);
  const passages = live.length ? q.data ?? [] : [];
  const documents = new Set(passages.map((p) => p.annotation.documentId)).size;

  const doExport = async (format: PassageExportFormat) => {
    const controller = new AbortController();
    setExporting({ format, info: null, since: Date.now(), controller, cancelling: false });
    const parentOf = new Map(themes.map((th) => [th.id, th.parentId]));
    await exportPassages(format, sub ? withDescendants(live, parentOf) : live, passages.map((p) => p.annotation.id), {
      signal: controller.signal,
      onProgress: (info) => setExporting((run) => run && { ...run, info }),
    });
    // Focus on the page's body means it fell from the Cancel button when that was disabled.
    const active = document.activeElement;
    if (!active || active === document.body || progressRef.current?.contains(active)) returnFocusTo.current = format;
    setExporting(null);
  };
  const cancelExport = () => {
    exporting?.controller.abort();
    setExporting((run) => run && { ...run, cancelling: true });
  };

  return (
    <div className="an-split" data-testid="an-retrieval">
      <aside className="an-side">
        <div className="an-side-title">{t('anChooseThemes')}</div>
        <ThemeChecklist themes={themes} checked={live} onChange={(next) => set({ retrievalThemeIds: next })} />
      </aside>
      <section className="an-main">
        <div className="an-toolbar">
          <div className="segmented" role="radiogroup" aria-label={t('anCombine')}>
            {(['any', 'all'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`an-mode-${m}`} className={mode === m ? 'on' : ''} title={t(m === 'any' ? 'anModeAnyHint' : 'anModeAllHint')} onClick={() => set({ retrievalMode: m })}>
                {t(m === 'any' ? 'anModeAny' : 'anModeAll')}
              </button>
            ))}
          </div>
          <label className="switch" title={t('anSubthemesHint')}>
            <input type="checkbox" data-testid="an-subthemes" checked={sub} onChange={(e) => set({ retrievalSubthemes: e.target.checked })} />
            <span className="switch-track" aria-hidden="true" />
            {t('anSubthemes')}
          </label>
          <span className="an-grow" />
          {exporting ? (
            <div className="an-export-progress" data-testid="an-export-progress" ref={progressRef}>
              <JobProgress compact info={exporting.info} label={passageExportLabel(exporting.format)} since={exporting.since} cancelling={exporting.cancelling} onCancel={cancelExport} />
            </div>
          ) : (
            <>
              <button type="button" data-testid="an-export-md" ref={(b) => void (exportButtons.current.md = b)} disabled={!passages.length} onClick={() => void doExport('md')}>
                {t('anExportMd')}
              </button>
              <button type="button" data-testid="an-export-docx" ref={(b) => void (exportButtons.current.docx = b)} disabled={!passages.length} onClick={() => void doExport('docx')}>
                {t('anExportDocx')}
              </button>
            </>
          )}
        </div>
        {live.length > 0 && (
          <div className={'an-summary' + (q.status === 'loading' ? ' stale' : '')} data-testid="an-retrieval-summary">
            <strong data-testid="an-retrieval-count" data-count={q.status === 'done' ? passages.length : undefined}>
              {fill(t(passages.length === 1 ? 'anPassagesOne' : 'anPassages'), { n: formatCount(passages.length, lang) })}
            </strong>
            <span>{fill(t(documents === 1 ? 'inDocsOne' : 'inDocs'), { n: formatCount(documents, lang) })}</span>
            <span className="an-chips">
              {live.map((id, i) => {
                const th = themes.find((x) => x.id === id)!;
                return (
                  <span key={id} className="an-chip-group">
                    {i > 0 && <span className="an-op">{mode === 'all' ? 'AND' : 'OR'}</span>}
                    <span className="chip">
                      <span className="swatch" style={{ background: th.color }} />
                      {th.name}
                      <button type="button" className="chip-x" aria-label={t('removeTheme')} onClick={() => set({ retrievalThemeIds: live.filter((x) => x !== id) })}>
                        ×
                      </button>
                    </span>
                  </span>
                );
              })}
            </span>
            {q.status === 'loading' && <span className="spinner" aria-hidden="true" />}
          </div>
        )}
        <div className="an-scroll">
          {themes.length === 0 && <Empty title={t('anNoThemesYet')}>{t('anNoThemesHint')}</Empty>}
          {themes.length > 0 && live.length === 0 && <Empty title={t('anPickThemes')} testId="an-pick-themes">{t('anPickThemesHint')}</Empty>}
          {live.length > 0 && q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
          {live.length > 0 && q.status === 'loading' && !q.data && <Loading />}
          {live.length > 0 && q.status === 'done' && passages.length === 0 && (
            <Empty title={t('anNoPassages')}>{t(mode === 'all' && live.length > 1 ? 'anNoPassagesAll' : 'anNoPassagesHint')}</Empty>
          )}
          {passages.length > 0 && <PassageList passages={passages} label={t('anRetrievalTitle')} />}
        </div>
      </section>
    </div>
  );
}
