// Finds article boundaries in a file that holds several articles: explicit markers 第1篇, 第2篇…
// in order, and titles that run straight on from the previous sentence, recognised by the
// genre words such titles end with (…心得体会, …研讨发言稿, …学习材料). Each article's
// title becomes its own first paragraph; the markers and a leading collection title are
// returned as removals so that nothing is lost.

export interface ArticleSpan {
  /** Where the article's own text starts in the input (after its marker). */
  start: number;
  end: number;
  /** Length of the title at `start`, when the title ran straight into the body; 0 if none. */
  titleLength: number;
  title: string;
}

export interface SplitPlan {
  /** Text before the first article (a collection title), removed with the markers. */
  preamble: { start: number; end: number } | null;
  markers: { start: number; end: number }[];
  articles: ArticleSpan[];
}

const MARKER = /第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*篇/g;
const GENRE_TITLE = /(?<=[。！？!?])([^。！？!?，,；;：:\n]{4,40}?(?:心得体会发言|心得体会|研讨发言稿|研讨发言材料|研讨发言|交流发言|发言提纲|发言稿|发言材料|中心组学习材料|学习材料|交流材料|党课讲稿|讲稿|学习体会|读后感))/g;
const BODY_START = /(习近平|总书记|中央|党中央|今年|去年|近日|近年来|当前|日前|\d{1,2}月\d{1,2}日|\d{4}年)/;
const MIN_TITLE = 10;
const MAX_TITLE = 40;
const MIN_ARTICLE = 50;

const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function markerNumber(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw.length === 1) return CHINESE_NUMBERS[raw] ?? NaN;
  if (raw.startsWith('十')) return 10 + (CHINESE_NUMBERS[raw[1]] ?? 0);
  return (CHINESE_NUMBERS[raw[0]] ?? NaN) * 10 + (CHINESE_NUMBERS[raw[2]] ?? 0);
}

/** 第1篇, 第2篇… in order; a stray 第3篇 in prose is not a marker. */
function sequentialMarkers(text: string): { start: number; end: number }[] {
  const all = Array.from(text.matchAll(MARKER), (m) => ({ start: m.index!, end: m.index! + m[0].length, n: markerNumber(m[1]) }));
  const chosen: { start: number; end: number }[] = [];
  let expected = 1;
  for (const m of all) {
    if (m.n === expected) {
      chosen.push({ start: m.start, end: m.end });
      expected++;
    }
  }
  return chosen;
}

/**
 * A title that runs into the body: up to the first body-start phrase or a long quotation,
 * with no sentence punctuation before it.
 */
export function runOnTitleLength(text: string): number {
  const head = text.slice(0, MAX_TITLE + 10);
  const genre = head.match(/^[^。！？!?，,；;：:\n]{4,40}?(?:心得体会发言|心得体会|研讨发言稿|研讨发言|发言稿|发言材料|学习材料|交流材料|讲稿)/);
  if (genre) return genre[0].length;
  let cut = -1;
  for (let i = 1; i < Math.min(head.length, MAX_TITLE + 1); i++) {
    // a sentence ends before any boundary: the article starts with its body
    if (/[，,。！？!?；;：:\n]/.test(head[i])) return 0;
    if (head.slice(i).search(BODY_START) === 0) {
      cut = i;
      break;
    }
    if (head[i] === '“') {
      const close = head.indexOf('”', i);
      const quoted = close > 0 ? head.slice(i, close) : head.slice(i);
      if (close < 0 || /[，,。！？]/.test(quoted) || quoted.length > 12) {
        cut = i;
        break;
      }
      i = close;
    }
  }
  if (cut < MIN_TITLE) return 0;
  // a title does not end on a function word: “新质生产力”是习近平… is a sentence
  if (/[是的在和了与对为把被将从向]$/.test(head.slice(0, cut))) return 0;
  return cut;
}

function firstSentence(text: string): string {
  const s = text.split(/[。！？!?\n]/)[0].trim();
  return s.length <= MAX_TITLE ? s : s.slice(0, MAX_TITLE) + '…';
}

export function planSplit(text: string): SplitPlan | null {
  const markers = sequentialMarkers(text);
  const boundaries = new Map<number, { contentStart: number; markerEnd: number }>();
  for (const m of markers) boundaries.set(m.start, { contentStart: m.end, markerEnd: m.end });
  const firstMarker = markers[0]?.start ?? 0;
  for (const m of text.matchAll(GENRE_TITLE)) {
    const at = m.index!;
    if (at < firstMarker) continue;
    if ([...boundaries.values()].some((b) => Math.abs(b.contentStart - at) < 2)) continue;
    boundaries.set(at, { contentStart: at, markerEnd: at });
  }
  // a fragment shorter than an article is not one: its boundary is dropped
  const starts = [...boundaries.keys()].sort((a, b) => a - b).filter((at, i, all) => (all[i + 1] ?? text.length) - at >= MIN_ARTICLE);
  if (starts.length < 2) return null;

  const articles: ArticleSpan[] = starts.map((at, i) => {
    const { contentStart } = boundaries.get(at)!;
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const body = text.slice(contentStart, end);
    const titleLength = runOnTitleLength(body);
    const title = titleLength > 0 ? body.slice(0, titleLength) : firstSentence(body);
    return { start: contentStart, end, titleLength, title };
  });
  const preambleEnd = starts[0];
  return {
    preamble: preambleEnd > 0 ? { start: 0, end: preambleEnd } : null,
    markers: markers.map((m) => ({ start: m.start, end: m.end })),
    articles,
  };
}
