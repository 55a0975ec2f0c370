// An echarts figure in the app's colours (SVG renderer), resizing with its box, with "save as PNG / SVG".
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { reportError } from '../actions';
import { useT } from '../i18n';
import { useStore } from '../store';
import { echarts, type AnyChartOption } from './echarts';
import { useScreenPalette, type ChartPalette } from './palette';
import { saveFigure, type FigureFormat } from './save';

type EChart = ReturnType<typeof echarts.init>;
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  data: unknown;
  name: string;
}

interface Props {
  build: (p: ChartPalette) => AnyChartOption;
  height: number;
  /** Names the saved file and labels the figure for screen readers. */
  title: string;
  testId: string;
  onItemClick?: (click: ChartClick) => void;
  /** The live chart, for views that drive it from the keyboard. */
  chartRef?: { current: EChart | null };
  /** Extra controls next to the save buttons. */
  tools?: ReactNode;
  /** A fixed width (the matrix, whose cells are square); otherwise the chart fills its box. */
  width?: number;
}

export function Chart({ build, height, title, testId, onItemClick, chartRef, tools, width }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChart | null>(null);
  const palette = useScreenPalette();
  const lang = useStore((s) => s.lang);
  const [saving, setSaving] = useState<FigureFormat | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    if (chartRef) chartRef.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chart.current?.setOption(build(palette) as echarts.EChartsCoreOption, { notMerge: true });
  }, [build, palette, lang]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onItemClick) return;
    const handler = (p: unknown) => onItemClick(p as ChartClick);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onItemClick]);

  const save = async (format: FigureFormat) => {
    const el = box.current;
    if (!el) return;
    setSaving(format);
    try {
      const name = await saveFigure(build, width ?? Math.max(480, el.clientWidth), height, format, title);
      if (name) useStore.getState().pushToast('info', t('anSaved') + name);
    } catch (err) {
      reportError(err);
    } finally {
      setSaving(null);
    }
  };

  return (
    <figure className="an-figure" data-testid={testId}>
      <div className="an-figure-tools">
        {tools}
        <span className="an-save" role="group" aria-label={t('anSaveFigure')}>
          <span className="muted">{t('anSaveFigure')}</span>
          {(['png', 'svg'] as const).map((f) => (
            <button key={f} type="button" className="an-save-btn" data-testid={`save-${f}`} disabled={saving !== null} title={t(f === 'png' ? 'anSavePngHint' : 'anSaveSvgHint')} onClick={() => void save(f)}>
              {saving === f ? '…' : f.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <div className="an-chart" ref={box} style={{ height, width }} role="img" aria-label={title} />
    </figure>
  );
}
