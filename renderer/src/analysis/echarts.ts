// The one place that assembles echarts: only the charts and components the analysis views draw.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, type BarSeriesOption, type HeatmapSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
// Registers the wordCloud series on the same echarts core.
import 'echarts-wordcloud';

echarts.use([
  BarChart,
  HeatmapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
  // PNG files are drawn by the canvas renderer at print resolution.
  CanvasRenderer,
]);

/** echarts-wordcloud ships no option type for its series; this is the part the word cloud uses. */
export interface WordCloudSeriesOption {
  type: 'wordCloud';
  shape?: string;
  left?: number | string;
  top?: number | string;
  width?: number | string;
  height?: number | string;
  sizeRange?: [number, number];
  rotationRange?: [number, number];
  rotationStep?: number;
  gridSize?: number;
  drawOutOfBound?: boolean;
  shrinkToFit?: boolean;
  layoutAnimation?: boolean;
  textStyle?: { fontFamily?: string; fontWeight?: string | number; color?: string | ((p: { dataIndex: number }) => string) };
  emphasis?: { focus?: 'self' | 'none'; textStyle?: { color?: string; textShadowBlur?: number; textShadowColor?: string } };
  data: { name: string; value: number; textStyle?: { color?: string } }[];
}

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export interface WordCloudOption {
  backgroundColor?: string;
  textStyle?: { fontFamily?: string };
  tooltip?: TooltipComponentOption;
  aria?: AriaComponentOption;
  animation?: boolean;
  series: WordCloudSeriesOption[];
}

export type AnyChartOption = ChartOption | WordCloudOption;

export { echarts };
