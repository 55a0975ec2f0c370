// The word cloud: upright words (Chinese reads badly rotated), size by count, the most frequent in the accent colour.
import type { WordCount } from '../../../shared/domain';
import type { WordCloudOption } from './echarts';
import { escapeHtml, tooltipStyle } from './chartText';
import type { ChartPalette } from './palette';

export interface WordCloudLabels {
  /** "{n} 次 · {d} 篇" */
  tip: string;
}

export function wordCloudOption(words: WordCount[], p: ChartPalette, l: WordCloudLabels): WordCloudOption {
  const tones = [p.accent, p.ink, p.series[1], p.muted];
  const byWord = new Map(words.map((w) => [w.word, w]));
  return {
    backgroundColor: p.background,
    textStyle: { fontFamily: p.font },
    aria: { enabled: true, label: { description: words.slice(0, 20).map((w) => `${w.word} ${w.count}`).join('; ') } },
    tooltip: {
      ...tooltipStyle(p),
      formatter: (x: unknown) => {
        const w = byWord.get((x as { name: string }).name);
        if (!w) return '';
        return `<b>${escapeHtml(w.word)}</b><br/>${escapeHtml(l.tip.replace('{n}', w.count.toLocaleString()).replace('{d}', w.documents.toLocaleString()))}`;
      },
    },
    series: [
      {
        type: 'wordCloud',
        shape: 'circle',
        left: 'center',
        top: 'center',
        width: '96%',
        height: '94%',
        sizeRange: [15, 88],
        rotationRange: [0, 0],
        rotationStep: 90,
        gridSize: 7,
        drawOutOfBound: false,
        shrinkToFit: true,
        // On screen the words appear one by one; a saved figure lays them all out at once so it can be written after a tick.
        layoutAnimation: p.kind !== 'paper',
        textStyle: { fontFamily: p.font, fontWeight: 600 },
        emphasis: { focus: 'self', textStyle: { textShadowBlur: 6, textShadowColor: p.kind === 'dark' ? 'rgba(0,0,0,0.6)' : 'rgba(0,0,0,0.18)' } },
        data: words.map((w, i) => {
          const rank = i / Math.max(1, words.length);
          const tone = i < 3 || rank < 0.04 ? tones[0] : rank < 0.2 ? tones[1] : rank < 0.45 ? tones[2] : tones[3];
          return { name: w.word, value: w.count, textStyle: { color: tone } };
        }),
      },
    ],
  };
}
