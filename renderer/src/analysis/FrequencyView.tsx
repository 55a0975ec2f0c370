// Theme frequency: highlights per theme across the library or in one document.
import { useCallback, useMemo } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import { Chart } from './Chart';
import { DocumentSelect } from './DocumentSelect';
import { frequencyHeight, frequencyOption, type FrequencyBar } from './frequencyChart';
import type { ChartPalette } from './palette';
import { Empty, Failed, Loading } from './states';
import { hasChildren, themeRows } from './themeTree';
import { useQuery } from './useQuery';

export function FrequencyView() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const docs = useStore((s) => s.docs);
  const docId = useStore((s) => s.frequencyDocumentId);
  const sort = useStore((s) => s.frequencySort);
  const set = useStore((s) => s.setAnalysisParams);

  const scopeId = docs.some((d) => d.id === docId) ? docId : '';
  const countsKey = themes.map((th) => th.id + ':' + th.annotationCount).join(',');
  const ask = useCallback(() => api['analysis.frequency'](scopeId ? { documentId: scopeId } : {}), [scopeId]);
  const q = useQuery(themes.length ? ask : null, `${scopeId}|${countsKey}`);

  const bars = useMemo<FrequencyBar[]>(() => {
    const counts = new Map((q.data ?? []).map((c) => [c.themeId, c]));
    const rows = themeRows(themes).map((r) => {
      const c = counts.get(r.theme.id);
      return {
        themeId: r.theme.id,
        path: r.path,
        color: r.theme.color,
        count: c?.count ?? 0,
        withSubthemes: c?.withSubthemes ?? c?.count ?? 0,
        hasChildren: hasChildren(themes, r.theme.id),
      };
    });
    return sort === 'count' ? [...rows].sort((a, b) => b.count - a.count || b.withSubthemes - a.withSubthemes) : rows;
  }, [q.data, themes, sort]);

  const total = bars.reduce((s, b) => s + b.count, 0);
  const used = bars.filter((b) => b.count > 0).length;
  const scopeTitle = scopeId ? docs.find((d) => d.id === scopeId)?.title ?? '' : t('anWholeLibrary');
  const title = fill(t('anTitleScope'), { title: t('anFrequencyTitle'), scope: scopeTitle });
  const build = useCallback(
    (p: ChartPalette) => frequencyOption(bars, p, { own: t('anOwnHighlights'), withSub: t('anWithSubthemes'), axis: t('anHighlightsAxis'), unit: t('anUnitPlaces'), share: t('anShare'), line: t('anTipLine') }),
    [bars, lang],
  );

  return (
    <section className="an-page" data-testid="an-frequency">
      <div className="an-toolbar">
        <DocumentSelect value={scopeId} onChange={(id) => set({ frequencyDocumentId: id })} testId="an-frequency-scope" />
        <div className="segmented" role="radiogroup" aria-label={t('anSortBy')}>
          {(['count', 'codebook'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={sort === m} className={sort === m ? 'on' : ''} onClick={() => set({ frequencySort: m })}>
              {t(m === 'count' ? 'anSortCount' : 'anSortCodebook')}
            </button>
          ))}
        </div>
        <span className="an-grow" />
        {q.data && (
          <span className="an-summary-inline" data-testid="an-frequency-summary">
            {fill(t('anFrequencySummary'), { n: formatCount(total, lang), k: formatCount(used, lang), all: formatCount(bars.length, lang) })}
          </span>
        )}
      </div>
      <div className="an-scroll">
        {themes.length === 0 && <Empty title={t('anNoThemesYet')}>{t('anNoThemesHint')}</Empty>}
        {themes.length > 0 && q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
        {themes.length > 0 && q.status === 'loading' && !q.data && <Loading />}
        {themes.length > 0 && q.data && total === 0 && (
          <Empty title={t(scopeId ? 'anNothingCodedDoc' : 'anNothingCoded')}>{t('anNothingCodedHint')}</Empty>
        )}
        {themes.length > 0 && q.data && total > 0 && (
          <Chart build={build} height={frequencyHeight(bars.length)} title={title} testId="an-frequency-chart" />
        )}
      </div>
    </section>
  );
}
