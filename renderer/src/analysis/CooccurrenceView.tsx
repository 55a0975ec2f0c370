// Co-occurrence: how often two themes code the same highlight (or overlapping ones); a cell opens those passages.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import { Chart, type ChartClick } from './Chart';
import { cooccurrenceOption, matrixLayout, type MatrixData } from './cooccurrenceChart';
import type { echarts } from './echarts';
import type { ChartPalette } from './palette';
import { PassageList } from './PassageList';
import { Empty, Failed, Loading } from './states';
import { themeRows } from './themeTree';
import { useQuery } from './useQuery';

type EChart = ReturnType<typeof echarts.init>;

/** The tooltip templates carry a little HTML; the live region reads plain text. */
const plain = (s: string) => s.replace(/<br\/?>/g, ' — ').replace(/<[^>]+>/g, '');

/** `pairs`: the cell's number in overlap mode, where one highlight can overlap several of the other theme. */
function CellPassages({ a, b, pairs }: { a: string; b: string; pairs: number | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const mode = useStore((s) => s.cooccurrenceMode);
  const ask = useCallback(
    () => (a === b ? api['retrieve.coded']({ themeIds: [a], mode: 'any', includeSubthemes: false }) : api['analysis.cooccurrencePassages']({ a, b, mode })),
    [a, b, mode],
  );
  const countsKey = themes.map((th) => th.annotationCount).join(',');
  const q = useQuery(ask, `${a}|${b}|${mode}|${countsKey}`);
  const ta = themes.find((x) => x.id === a);
  const tb = themes.find((x) => x.id === b);
  if (!ta || !tb) return null;
  const passages = q.data ?? [];
  return (
    <section className="an-cell-passages" data-testid="an-cell-passages" aria-live="polite">
      <div className="an-summary">
        <span className="chip">
          <span className="swatch" style={{ background: ta.color }} />
          {ta.name}
        </span>
        {a !== b && (
          <>
            <span className="an-op">×</span>
            <span className="chip">
              <span className="swatch" style={{ background: tb.color }} />
              {tb.name}
            </span>
          </>
        )}
        <strong data-testid="an-cell-count">{fill(t(passages.length === 1 ? 'anPassagesOne' : 'anPassages'), { n: formatCount(passages.length, lang) })}</strong>
        {a !== b && mode === 'overlap' && pairs !== null && <span>{fill(t('anOverlapPairs'), { n: formatCount(pairs, lang) })}</span>}
        {a !== b && <span className="muted">{t(mode === 'same' ? 'anModeSame' : 'anModeOverlap')}</span>}
        {q.status === 'loading' && <span className="spinner" aria-hidden="true" />}
      </div>
      {q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
      {q.status === 'loading' && !q.data && <Loading />}
      {q.data && passages.length === 0 && <Empty title={t('anNoPassages')} />}
      {passages.length > 0 && <PassageList passages={passages} label={t('anCooccurrenceTitle')} />}
    </section>
  );
}

export function CooccurrenceView() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const mode = useStore((s) => s.cooccurrenceMode);
  const cell = useStore((s) => s.cooccurrenceCell);
  const set = useStore((s) => s.setAnalysisParams);
  const chartRef = useRef<EChart | null>(null);
  const [cursor, setCursor] = useState<[number, number] | null>(null);

  const countsKey = themes.map((th) => th.id + ':' + th.annotationCount).join(',');
  const ask = useCallback(() => api['analysis.cooccurrence']({ mode }), [mode]);
  const q = useQuery(themes.length ? ask : null, `${mode}|${countsKey}`);

  // Codebook order, only themes that code something: an empty row says nothing.
  const matrix = useMemo(() => {
    if (!q.data) return null;
    const index = new Map(q.data.themeIds.map((id, i) => [id, i]));
    const rows = themeRows(themes).filter((r) => {
      const i = index.get(r.theme.id);
      return i !== undefined && q.data!.counts[i][i] > 0;
    });
    const at = rows.map((r) => index.get(r.theme.id)!);
    return {
      ids: rows.map((r) => r.theme.id),
      paths: rows.map((r) => r.path),
      names: rows.map((r) => r.theme.name),
      colors: rows.map((r) => r.theme.color),
      counts: at.map((i) => at.map((j) => q.data!.counts[i][j])),
    };
  }, [q.data, themes]);

  const selected = useMemo<[number, number] | null>(() => {
    if (!matrix || !cell) return null;
    const i = matrix.ids.indexOf(cell[0]);
    const j = matrix.ids.indexOf(cell[1]);
    return i >= 0 && j >= 0 ? [i, j] : null;
  }, [matrix, cell]);

  const layout = useMemo(() => (matrix && matrix.ids.length ? matrixLayout(matrix) : null), [matrix]);
  const build = useCallback(
    (p: ChartPalette) => {
      const data: MatrixData = { ...matrix!, cursor, selected };
      return cooccurrenceOption(data, layout!, p, { pair: t('anPairTip'), own: t('anOwnTip'), click: t('anClickCell') });
    },
    [matrix, layout, cursor, selected, lang],
  );

  const choose = (i: number, j: number) => matrix && set({ cooccurrenceCell: [matrix.ids[i], matrix.ids[j]] });
  const onClick = useCallback(
    (c: ChartClick) => {
      const v = (c.data as { value?: number[] } | number[] | undefined) ?? [];
      const [j, i] = Array.isArray(v) ? v : v.value ?? [];
      if (typeof i === 'number' && typeof j === 'number') {
        setCursor([i, j]);
        choose(i, j);
      }
    },
    [matrix],
  );

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!matrix || !matrix.ids.length) return;
    const n = matrix.ids.length;
    const [i, j] = cursor ?? selected ?? [0, 0];
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      const [di, dj] = moves[e.key];
      const next: [number, number] = cursor ? [Math.max(0, Math.min(n - 1, i + di)), Math.max(0, Math.min(n - 1, j + dj))] : [i, j];
      setCursor(next);
      const c = chartRef.current;
      if (c) {
        const [x, y] = c.convertToPixel({ gridIndex: 0 }, [next[1], next[0]]) as number[];
        c.dispatchAction({ type: 'showTip', x, y });
      }
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor) {
      e.preventDefault();
      choose(cursor[0], cursor[1]);
    }
  };

  const cursorText = plain(
    matrix && cursor
      ? cursor[0] === cursor[1]
        ? fill(t('anOwnTip'), { a: matrix.paths[cursor[0]], n: matrix.counts[cursor[0]][cursor[0]] })
        : fill(t('anPairTip'), { a: matrix.paths[cursor[0]], b: matrix.paths[cursor[1]], n: matrix.counts[cursor[0]][cursor[1]] })
      : '',
  );
  const title = fill(t('anTitleScope'), { title: t('anCooccurrenceTitle'), scope: t(mode === 'same' ? 'anModeSame' : 'anModeOverlap') });

  return (
    <section className="an-page" data-testid="an-cooccurrence">
      <div className="an-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('anCooccurrenceMode')}>
          {(['same', 'overlap'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`an-cooc-${m}`} className={mode === m ? 'on' : ''} title={t(m === 'same' ? 'anModeSameHint' : 'anModeOverlapHint')} onClick={() => set({ cooccurrenceMode: m })}>
              {t(m === 'same' ? 'anModeSame' : 'anModeOverlap')}
            </button>
          ))}
        </div>
        <span className="muted small">{t(mode === 'same' ? 'anModeSameHint' : 'anModeOverlapHint')}</span>
        {q.status === 'loading' && q.data && <span className="spinner" aria-hidden="true" />}
      </div>
      <div className="an-scroll">
        {themes.length === 0 && <Empty title={t('anNoThemesYet')}>{t('anNoThemesHint')}</Empty>}
        {themes.length > 0 && q.status === 'error' && <Failed error={q.error ?? ''} retry={q.reload} />}
        {themes.length > 0 && q.status === 'loading' && !q.data && <Loading />}
        {matrix && matrix.ids.length < 2 && <Empty title={t('anMatrixTooSmall')}>{t('anMatrixTooSmallHint')}</Empty>}
        {matrix && matrix.ids.length >= 2 && layout && (
          <>
            <div className="an-matrix-keys" tabIndex={0} role="group" aria-label={t('anMatrixKeys')} data-testid="an-matrix" onKeyDown={onKey} onBlur={() => setCursor(null)}>
              <Chart build={build} height={layout.height} width={layout.width} title={title} testId="an-cooccurrence-chart" onItemClick={onClick} chartRef={chartRef} />
              <div className="an-live" aria-live="polite" data-testid="an-matrix-cursor">
                {cursorText}
              </div>
            </div>
            <p className="muted small an-note">{t('anMatrixNote')}</p>
          </>
        )}
        {cell && <CellPassages a={cell[0]} b={cell[1]} pairs={selected && matrix ? matrix.counts[selected[0]][selected[1]] : null} />}
      </div>
    </section>
  );
}
