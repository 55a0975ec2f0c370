// Saving a chart as a figure: drawn again off screen in the paper style, then written as PNG or SVG.
import { saveFile } from '../api';
import { base64ToBytes } from '../lib/base64';
import { echarts, type AnyChartOption } from './echarts';
import { PAPER, type ChartPalette } from './palette';

export type FigureFormat = 'png' | 'svg';

/** 3× the screen size: about 300 dpi at the size the chart has on screen, enough for print. */
const PNG_PIXEL_RATIO = 3;

/** The word cloud lays its words out in a timer after setOption; two turns of the event loop let it finish. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
}

export async function renderFigure(
  build: (p: ChartPalette) => AnyChartOption,
  width: number,
  height: number,
  format: FigureFormat,
): Promise<{ data: Uint8Array | string; mime: string }> {
  const host = document.createElement('div');
  const chart = echarts.init(host, null, { renderer: format === 'svg' ? 'svg' : 'canvas', width, height });
  try {
    chart.setOption({ ...build(PAPER), animation: false } as echarts.EChartsCoreOption);
    await settle();
    if (format === 'svg') return { data: chart.renderToSVGString(), mime: 'image/svg+xml' };
    const url = chart.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: PAPER.background });
    return { data: base64ToBytes(url.slice(url.indexOf(',') + 1)), mime: 'image/png' };
  } finally {
    chart.dispose();
  }
}

/** A file name from a chart's title and today's date, safe on every system. */
export function figureName(title: string, format: FigureFormat): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'chart';
  return `${safe}_${new Date().toISOString().slice(0, 10)}.${format}`;
}

export async function saveFigure(build: (p: ChartPalette) => AnyChartOption, width: number, height: number, format: FigureFormat, title: string): Promise<string | null> {
  const { data, mime } = await renderFigure(build, width, height, format);
  return saveFile(figureName(title, format), data, mime);
}
