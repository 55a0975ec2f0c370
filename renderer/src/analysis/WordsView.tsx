// Word frequency for Chinese: segmented words of a document, a theme's passages or the library, as a table and a cloud.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { reportError } from '../actions';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import type { WordScope } from '../store/analysis';
import { Chart } from './Chart';
import { DocumentSelect } from './DocumentSelect';
import type { ChartPalette } from './palette';
import { Empty, Failed, Loading } from './states';
import { StopwordsEditor } from './StopwordsEditor';
import { themeRows } from './themeTree';
import { useQuery } from './useQuery';
import { wordCloudOption } from './wordCloudChart';

const TOPS = [50, 100, 200, 500];
const CLOUD_WORDS = 160;

function scopeInput(scope: WordScope): { documentId?: string; themeId?: string } {
  if (scope.kind === 'document') return { documentId: scope.id };
  if (scope.kind === 'theme') return { themeId: scope.id };
  return {};
}

/** Opens library search on a word: from counting to reading. */
function searchWord(word: string) {
  const s = useStore.getState();
  s.closeAnalysis();
  s.setSearchQuery(word);
  s.openSearch();
}

export function WordsView() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const docs = useStore((s) => s.docs);
  const themes = useStore((s) => s.themes);
  const scope = useStore((s) => s.wordScope);
  const top = useStore((s) => s.wordTop);
  const set = useStore((s) => s.setAnalysisParams);
  const [stopwords, setStopwords] = useState<string[] | null>(null);
  const [stopOpen, setStopOpen] = useState(false);

  useEffect(() => {
    api['analysis.stopwords']({}).then(setStopwords, reportError);
  }, []);

  // A scope whose document or theme is gone falls back to the library.
  const live: WordScope =
    (scope.kind === 'document' && !docs.some((d) => d.id === scope.id)) || (scope.kind === 'theme' && !themes.some((th) => th.id === scope.id)) ? { kind: 'library' } : scope;
  const themeKey = live.kind === 'theme' ? themes.find((th) => th.id === live.id)?.annotationCount ?? 0 : 0;
  const ask = useCallback(() => api['analysis.words']({ ...scopeInput(live), top }), [live.kind, 'id' in live ? live.id : '', top]);
  const q = useQuery(ask, `${live.kind}|${'id' in live ? live.id : ''}|${top}|${themeKey}|${docs.length}|${(stopwords ?? []).join(' ')}`);
  const words = q.data?.words ?? [];
  const maxCount = words[0]?.count ?? 1;

  const scopeTitle = live.kind === 'document' ? docs.find((d) => d.id === live.id)?.title ?? '' : live.kind === 'theme' ? themes.find((th) => th.id === live.id)?.name ?? '' : t('anWholeLibrary');
  const title = fill(t('anTitleScope'), { title: t('anWordsTitle'), scope: scopeTitle });
  const cloudWords = useMemo(() => words.slice(0, CLOUD_WORDS), [words]);
  const build = useCallback((p: ChartPalette) => wordCloudOption(cloudWords, p, { tip: t('anWordTip') }), [cloudWords, lang]);

  const addStopword = async (word: string) => {
    try {
      const saved = await api['analysis.setStopwords']({ words: [...(stopwords ?? []), word] });
      setStopwords(saved);
      useStore.getState().pushToast('info', fill(t('anStopwordAdded'), { w: word }));
    } catch (err) {
      reportError(err);
    }
  };

  const setKind = (kind: WordScope['kind']) => {
    if (kind === 'library') set({ wordScope: { kind } });
    else if (kind === 'document') set({ wordScope: { kind, id: useStore.getState().doc?.id ?? docs[0]?.id ?? '' } });
    else {
      const first = themeRows(themes).find((r) => r.theme.annotationCount > 0) ?? themeRows(themes)[0];
      if (first) set({ wordScope: { kind, id: first.theme.id } });
    }
  };

  return (
    <section className="an-page" data-testid="an-words">
      <div className="an-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('anScope')}>
          {(['library', 'document', 'theme'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={live.kind === k} data-testid={`an-words-scope-${k}`} className={live.kind === k ? 'on' : ''} disabled={k === 'theme' && themes.length === 0} onClick={() => setKind(k)}>
              {t(k === 'library' ? 'anWholeLibrary' : k === 'document' ? 'anOneDocument' : 'anThemePassages')}
            </button>
          ))}
        </div>
        {live.kind === 'document' && <DocumentSelect value={live.id} onChange={(id) => set({ wordScope: id ? { kind: 'document', id } : { kind: 'library' } })} testId="an-words-doc" />}
        {live.kind === 'theme' && (
          <select className="an-select" data-testid="an-words-theme" aria-label={t('anThemePassages')} value={live.id} onChange={(e) => set({ wordScope: { kind: 'theme', id: e.target.value } })}>
            {themeRows(themes).map((r) => (
              <option key={r.theme.id} value={r.theme.id}>
                {r.path}（{r.theme.annotationCount}）
              </option>
            ))}
          </select>
        )}
        <label className="an-inline-label">
          {t('anTop')}
          <select className="an-select narrow" value={top} data-testid="an-words-top" onChange={(e) => set({ wordTop: Number(e.target.value) })}>
            {TOPS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="an-grow" />
        <button type="button" data-testid="an-stopwords-toggle" aria-expanded={stopOpen} onClick={() => setStopOpen(!stopOpen)}>
          {t('anStopwords')}
          {stopwords && <span className="an-count-badge">{formatCount(stopwords.length, lang)}</span>}
        </button>
      </div>
      {stopOpen && stopwords && <StopwordsEditor words={stopwords} onSaved={setStopwords} />}
      <div className="an-scroll">
        {q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
        {q.status === 'loading' && !q.data && <Loading label={t('anSegmenting')} />}
        {q.data && words.length === 0 && <Empty title={t('anNoWords')}>{t(live.kind === 'theme' ? 'anNoWordsTheme' : 'anNoWordsHint')}</Empty>}
        {q.data && words.length > 0 && (
          <>
            <div className={'an-summary' + (q.status === 'loading' ? ' stale' : '')} data-testid="an-words-summary">
              <span>{fill(t('anWordsSummary'), { total: formatCount(q.data.totalWords, lang), distinct: formatCount(q.data.distinctWords, lang) })}</span>
              {q.status === 'loading' && <span className="spinner" aria-hidden="true" />}
            </div>
            <div className="an-words-layout">
              <div className="an-table-wrap">
                <table className="an-table an-word-table" data-testid="an-word-table">
                  <thead>
                    <tr>
                      <th className="num">#</th>
                      <th>{t('anWord')}</th>
                      <th aria-hidden="true" />
                      <th className="num">{t('anOccurrences')}</th>
                      <th className="num" title={t('anDocuments')}>{t('anDocsShort')}</th>
                      <th aria-label={t('anStopwords')} />
                    </tr>
                  </thead>
                  <tbody>
                    {words.map((w, i) => (
                      <tr key={w.word} data-testid="an-word-row" data-word={w.word} data-count={w.count}>
                        <td className="num muted">{i + 1}</td>
                        <td>
                          <button type="button" className="an-word" title={t('anSearchWord')} onClick={() => searchWord(w.word)}>
                            {w.word}
                          </button>
                        </td>
                        <td className="an-bar-cell" aria-hidden="true">
                          <span className="an-bar" style={{ width: Math.max(2, Math.round((w.count / maxCount) * 80)) }} />
                        </td>
                        <td className="num">{formatCount(w.count, lang)}</td>
                        <td className="num">{formatCount(w.documents, lang)}</td>
                        <td>
                          <button type="button" className="an-stop-x" title={t('anAddStopword')} aria-label={t('anAddStopword') + ' ' + w.word} onClick={() => void addStopword(w.word)}>
                            ⊘
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Chart build={build} height={460} title={title} testId="an-wordcloud" />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
