// The theme × theme co-occurrence heat map: counts in the cells, the diagonal (each theme's own total) set apart.
import type { ChartOption } from './echarts';
import { clip, escapeHtml, isHanLabel, tooltipStyle } from './chartText';
import type { ChartPalette } from './palette';

export interface MatrixData {
  paths: string[];
  names: string[];
  colors: string[];
  counts: number[][];
  /** The keyboard cursor and the clicked cell, as [row, column]. */
  cursor: [number, number] | null;
  selected: [number, number] | null;
}

export interface MatrixLabels {
  /** "{a} × {b}：{n} 处段落同时编码" */
  pair: string;
  /** "{a}：共 {n} 处段落" */
  own: string;
  click: string;
}

export interface MatrixLayout {
  cell: number;
  left: number;
  top: number;
  width: number;
  height: number;
  upright: boolean;
}

const MAX_NAME = 8;
const MAX_PATH = 16;

/** Square cells sized for the number of themes; upright column labels when the names are Chinese. */
export function matrixLayout(m: Pick<MatrixData, 'paths' | 'names'>): MatrixLayout {
  const n = m.names.length;
  const cell = n <= 8 ? 54 : n <= 14 ? 44 : n <= 24 ? 34 : 26;
  const upright = m.names.every(isHanLabel);
  const longestName = Math.max(...m.names.map((s) => Math.min(s.length, MAX_NAME + 1)));
  const longestPath = Math.max(...m.paths.map((s) => clip(s, MAX_PATH).length));
  const top = upright ? longestName * 14 + 22 : 96;
  const left = Math.min(280, longestPath * 13.5 + 24);
  return { cell, left, top, width: left + n * cell + 110, height: top + n * cell + 16, upright };
}

export function cooccurrenceOption(m: MatrixData, layout: MatrixLayout, p: ChartPalette, l: MatrixLabels): ChartOption {
  const n = m.names.length;
  const { cell, left, top, upright } = layout;
  let max = 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) max = Math.max(max, m.counts[i][j]);
  // The strong end of the ramp is dark on paper and light on the dark theme.
  const strongText = p.kind === 'dark' ? '#1d1f21' : '#ffffff';
  const offDiagonal: { value: [number, number, number]; label: { color: string } }[] = [];
  const diagonal: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = m.counts[i][j];
      if (i === j) diagonal.push([j, i, v]);
      else if (v > 0) offDiagonal.push({ value: [j, i, v], label: { color: v / max > 0.55 ? strongText : p.ink } });
    }
  // A saved figure carries no cursor.
  const marks = p.kind === 'paper' ? [] : [m.selected, m.cursor].filter((c): c is [number, number] => c !== null).map(([i, j]) => [j, i, 0] as [number, number, number]);
  const fill = (tpl: string, vars: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => escapeHtml(String(vars[k] ?? '')));
  const axisLine = { lineStyle: { color: p.line } };
  return {
    backgroundColor: p.background,
    textStyle: { fontFamily: p.font },
    aria: { enabled: true, label: { description: l.click } },
    animation: false,
    grid: { left, top, width: n * cell, height: n * cell },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(p),
      formatter: (x: unknown) => {
        const { value, seriesIndex } = x as { value: [number, number, number]; seriesIndex: number };
        if (seriesIndex === 2) return '';
        const [j, i, v] = value;
        const body = i === j ? fill(l.own, { a: m.paths[i], n: v }) : fill(l.pair, { a: m.paths[i], b: m.paths[j], n: v });
        return `${body}<br/><span style="opacity:.7">${escapeHtml(l.click)}</span>`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: m.names,
      axisTick: { show: false },
      axisLine,
      splitLine: { show: true, lineStyle: { color: p.grid } },
      axisLabel: {
        interval: 0,
        color: p.ink,
        fontSize: 12.5,
        lineHeight: 14,
        rotate: upright ? 0 : 45,
        formatter: (v: string) => (upright ? [...clip(v, MAX_NAME)].join('\n') : clip(v, 14)),
        verticalAlign: 'bottom',
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: m.paths,
      axisTick: { show: false },
      axisLine,
      splitLine: { show: true, lineStyle: { color: p.grid } },
      axisLabel: { interval: 0, color: p.ink, fontSize: 12.5, formatter: (v: string) => clip(v, MAX_PATH) },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max,
      calculable: false,
      orient: 'vertical',
      left: left + n * cell + 26,
      top,
      itemWidth: 12,
      itemHeight: Math.min(160, Math.max(80, n * cell - 30)),
      text: [String(max), '0'],
      textGap: 6,
      textStyle: { color: p.muted, fontSize: 11.5 },
      inRange: { color: p.heat },
    },
    series: [
      {
        type: 'heatmap',
        data: offDiagonal,
        label: { show: true, fontSize: cell >= 34 ? 12.5 : 10.5, fontWeight: 600 },
        itemStyle: { borderColor: p.kind === 'paper' ? '#ffffff' : p.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: p.ink, borderWidth: 1.5 } },
        cursor: 'pointer',
      },
      {
        type: 'heatmap',
        data: diagonal,
        label: { show: true, color: p.muted, fontSize: cell >= 34 ? 11.5 : 10, fontStyle: 'italic' },
        itemStyle: { color: p.band, borderColor: p.kind === 'paper' ? '#ffffff' : p.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: p.ink, borderWidth: 1.5 } },
        cursor: 'pointer',
      },
      {
        type: 'heatmap',
        data: marks,
        silent: true,
        z: 5,
        label: { show: false },
        itemStyle: { color: 'rgba(0,0,0,0)', borderColor: p.accent, borderWidth: 2.5 },
      },
    ],
  };
}
