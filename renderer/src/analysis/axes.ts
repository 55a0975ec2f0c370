// The axes the horizontal bar charts share: counts along x, labelled rows down y.
import type { ChartPalette } from './palette';

export function countAxis(p: ChartPalette, name: string, nameGap: number) {
  return {
    type: 'value' as const,
    minInterval: 1,
    name,
    nameLocation: 'middle' as const,
    nameGap,
    nameTextStyle: { color: p.muted, fontSize: 12 },
    axisLabel: { color: p.muted, fontSize: 11.5 },
    splitLine: { lineStyle: { color: p.grid } },
  };
}

export function rowAxis(p: ChartPalette, data: string[]) {
  return {
    type: 'category' as const,
    inverse: true,
    data,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: p.line } },
  };
}
