// Theme frequency as horizontal bars in each theme's colour; a paler bar behind shows the count with sub-themes.
import { countAxis, rowAxis } from './axes';
import type { ChartOption } from './echarts';
import { clip, escapeHtml, tooltipStyle } from './chartText';
import type { ChartPalette } from './palette';

export interface FrequencyBar {
  themeId: string;
  path: string;
  color: string;
  count: number;
  /** Highlights with the theme or a sub-theme; equal to count for a leaf. */
  withSubthemes: number;
  hasChildren: boolean;
}

export interface FrequencyLabels {
  own: string;
  withSub: string;
  axis: string;
  /** "{n} 处" */
  unit: string;
  /** "（占 {p}%）" */
  share: string;
  /** "{label}：{value}" */
  line: string;
}

export const BAR_ROW = 30;
export const frequencyHeight = (n: number) => Math.max(200, n * BAR_ROW + 70);

export function frequencyOption(bars: FrequencyBar[], p: ChartPalette, l: FrequencyLabels): ChartOption {
  const total = bars.reduce((s, b) => s + b.count, 0);
  const nested = bars.some((b) => b.hasChildren && b.withSubthemes > b.count);
  const unit = (n: number) => l.unit.replace('{n}', n.toLocaleString());
  return {
    backgroundColor: p.background,
    textStyle: { fontFamily: p.font },
    aria: { enabled: true, label: { description: bars.map((b) => `${b.path}: ${b.count}`).join('; ') } },
    animationDuration: 350,
    grid: { left: 12, right: 64, top: nested ? 34 : 12, bottom: 34, containLabel: true },
    legend: nested
      ? { top: 0, right: 8, itemWidth: 12, itemHeight: 10, textStyle: { color: p.muted, fontSize: 12 }, data: [l.own, l.withSub] }
      : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: p.kind === 'dark' ? 'rgba(255,255,255,0.05)' : 'rgba(0,0,0,0.04)' } },
      ...tooltipStyle(p),
      formatter: (params: unknown) => {
        const first = (params as { dataIndex: number }[])[0];
        const b = bars[first.dataIndex];
        const share = total ? ((b.count / total) * 100).toFixed(1) : '0';
        const line = (label: string, value: string) => escapeHtml(l.line.replace('{label}', label).replace('{value}', value));
        let html = `<b>${escapeHtml(b.path)}</b><br/><span style="display:inline-block;width:9px;height:9px;border-radius:2px;background:${b.color};margin-right:6px"></span>${line(l.own, unit(b.count))}${escapeHtml(l.share.replace('{p}', share))}`;
        if (b.hasChildren) html += `<br/><span style="opacity:.75">${line(l.withSub, unit(b.withSubthemes))}</span>`;
        return html;
      },
    },
    xAxis: countAxis(p, l.axis, 24),
    yAxis: {
      ...rowAxis(p, bars.map((b) => b.path)),
      axisLabel: { color: p.ink, fontSize: 13, formatter: (v: string) => clip(v, 18), margin: 10 },
    },
    series: [
      ...(nested
        ? [
            {
              type: 'bar' as const,
              name: l.withSub,
              barWidth: 16,
              barGap: '-100%',
              silent: true,
              z: 1,
              itemStyle: { color: p.kind === 'dark' ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.1)', borderRadius: [0, 3, 3, 0] },
              data: bars.map((b) => (b.hasChildren ? b.withSubthemes : 0)),
            },
          ]
        : []),
      {
        type: 'bar' as const,
        name: l.own,
        barWidth: 16,
        z: 2,
        // The legend's swatch; each bar takes its theme's colour below.
        itemStyle: { color: p.muted, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: p.ink,
          fontSize: 12,
          fontWeight: 600,
          formatter: (x: { dataIndex: number }) => {
            const b = bars[x.dataIndex];
            return b.hasChildren && b.withSubthemes > b.count ? `${b.count}  (${b.withSubthemes})` : String(b.count);
          },
        },
        data: bars.map((b) => ({ value: b.count, itemStyle: { color: b.color } })),
      },
    ],
  };
}
