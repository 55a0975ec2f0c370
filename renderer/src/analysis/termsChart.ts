// Term tracking: occurrences of each term per document, documents top to bottom by publication date, undated last.
import { countAxis, rowAxis } from './axes';
import type { ChartOption } from './echarts';
import { clip, escapeHtml, textWidth, tooltipStyle } from './chartText';
import type { ChartPalette } from './palette';

export interface TermRow {
  documentId: string;
  title: string;
  publishedAt: string | null;
  /** One count per term, in the order of `terms`. */
  counts: number[];
}

export interface TermLabels {
  undated: string;
  axis: string;
  unit: string;
  /** "{label}：{value}" */
  line: string;
}

// Room between documents so that each group of bars reads as one row.
const rowHeight = (terms: number) => Math.max(28, terms * 9 + 22);
export const termsHeight = (rows: number, terms: number) => Math.max(220, rows * rowHeight(terms) + 90);

export function termsOption(terms: string[], rows: TermRow[], p: ChartPalette, l: TermLabels): ChartOption {
  const firstUndated = rows.findIndex((r) => !r.publishedAt);
  const labels = rows.map((r, i) => `${i}`);
  const unit = (n: number) => l.unit.replace('{n}', n.toLocaleString());
  const barWidth = Math.min(14, Math.max(5, Math.floor((rowHeight(terms.length) - 18) / terms.length)));
  const label = (r: TermRow) => ({ date: r.publishedAt ?? '', title: clip(r.title, 17).replace(/[{}|]/g, ' ') });
  // echarts under-measures rich labels; measure them here and leave that much room.
  const labelWidth = Math.max(
    ...rows.map((r) => {
      const { date, title } = label(r);
      return (date ? textWidth(date + '  ', 11.5, p.font) : 0) + textWidth(title, 12.5, p.font);
    }),
  );
  return {
    backgroundColor: p.background,
    textStyle: { fontFamily: p.font },
    aria: { enabled: true, label: { description: terms.map((t, k) => `${t}: ${rows.reduce((s, r) => s + r.counts[k], 0)}`).join('; ') } },
    animationDuration: 350,
    color: p.series,
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, itemGap: 18, textStyle: { color: p.ink, fontSize: 13 }, data: terms },
    grid: { left: Math.ceil(labelWidth) + 26, right: 48, top: 36, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: p.kind === 'dark' ? 'rgba(255,255,255,0.05)' : 'rgba(0,0,0,0.04)' } },
      ...tooltipStyle(p),
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number; seriesIndex: number; color: string }[];
        const r = rows[list[0].dataIndex];
        const head = `<b>${escapeHtml(r.title)}</b><br/><span style="opacity:.7">${escapeHtml(r.publishedAt ?? l.undated)}</span>`;
        const lines = list.map(
          (x) => `<span style="display:inline-block;width:9px;height:9px;border-radius:2px;background:${x.color};margin-right:6px"></span>${escapeHtml(l.line.replace('{label}', terms[x.seriesIndex]).replace('{value}', unit(r.counts[x.seriesIndex])))}`,
        );
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: countAxis(p, l.axis, 26),
    yAxis: {
      ...rowAxis(p, labels),
      splitLine: { show: true, lineStyle: { color: p.grid } },
      axisLabel: {
        interval: 0,
        margin: 10,
        formatter: (v: string) => {
          // Braces and bars in a title would be read as rich-text markup: label() blanks them.
          const { date, title } = label(rows[Number(v)]);
          return date ? `{date|${date}}  {title|${title}}` : `{title|${title}}`;
        },
        rich: {
          date: { color: p.muted, fontSize: 11.5, fontFamily: p.font },
          title: { color: p.ink, fontSize: 12.5 },
        },
      },
    },
    series: terms.map((term, k) => ({
      type: 'bar' as const,
      name: term,
      barWidth,
      barGap: '15%',
      itemStyle: { borderRadius: [0, 2, 2, 0] },
      label: { show: terms.length <= 3, position: 'right', color: p.muted, fontSize: 11, formatter: (x: { value?: unknown }) => (x.value ? String(x.value) : '') },
      data: rows.map((r) => r.counts[k]),
      // The undated documents sit under a grey band with its own label.
      markArea:
        k === 0 && firstUndated >= 0
          ? {
              silent: true,
              itemStyle: { color: p.band },
              label: { show: true, position: 'insideTopRight', color: p.muted, fontSize: 12, fontStyle: 'italic', formatter: l.undated },
              data: [[{ yAxis: String(firstUndated) }, { yAxis: String(rows.length - 1) }]],
            }
          : undefined,
    })),
  };
}
