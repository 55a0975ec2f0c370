// Windowing for long lists: only the rows in view (and a few either side) are in the DOM, placed
// absolutely inside a spacer as tall as the whole list. Rows have known heights (one number, or one
// per row), so a list of 100,000 costs what a list of thirty does. Short lists render every row: it
// is as cheap, and find-in-page and printing see them all.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react';

/** Lists up to this long are rendered whole. */
export const WINDOW_FROM = 200;
const OVERSCAN_PX = 600;

export interface VirtualRows {
  /** Rows to render: first ≤ i < last. */
  first: number;
  last: number;
  /** Height of the spacer holding every row. */
  totalHeight: number;
  top(i: number): number;
  height(i: number): number;
  /** Rows in one view, for PageUp / PageDown. */
  pageRows: number;
  onScroll(e: UIEvent<HTMLElement>): void;
  /** Scrolls the least needed to show row i whole. */
  reveal(i: number): void;
  windowed: boolean;
}

/** Offsets of each row's top (n + 1 entries, the last the total height). */
function prefixSums(count: number, height: (i: number) => number): Float64Array {
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = tops[i] + height(i);
  return tops;
}

/** The row holding offset y. */
function rowAt(tops: Float64Array, y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export function useVirtualRows(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number | ((i: number) => number), windowFrom = WINDOW_FROM): VirtualRows {
  const [view, setView] = useState({ top: 0, height: 800 });
  const fixed = typeof rowHeight === 'number' ? rowHeight : null;
  const tops = useMemo(() => (fixed === null ? prefixSums(count, rowHeight as (i: number) => number) : null), [count, fixed, rowHeight]);
  const top = useCallback((i: number) => (tops ? tops[Math.min(i, count)] : i * fixed!), [tops, fixed, count]);
  const height = useCallback((i: number) => (tops ? tops[i + 1] - tops[i] : fixed!), [tops, fixed]);
  const totalHeight = top(count);

  // The scroller may appear later (a list shown after a message) or be replaced: watch whichever is there.
  const watched = useRef<{ el: HTMLElement; ro: ResizeObserver } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (watched.current?.el === el) return;
    watched.current?.ro.disconnect();
    watched.current = null;
    if (!el) return;
    const measure = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    watched.current = { el, ro };
  });
  useEffect(() => () => watched.current?.ro.disconnect(), []);

  // A shorter list may leave the view past its end: the browser clamps scrollTop, the window follows.
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop !== view.top) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [count, scroller, view.top]);

  const windowed = count > windowFrom;
  const index = (y: number) => (tops ? rowAt(tops, y) : Math.floor(y / fixed!));
  const first = windowed ? Math.max(0, Math.min(count, index(Math.max(0, view.top - OVERSCAN_PX)))) : 0;
  const last = windowed ? Math.min(count, index(view.top + view.height + OVERSCAN_PX) + 1) : count;
  const typical = fixed ?? (count ? totalHeight / count : 1);

  const onScroll = useCallback((e: UIEvent<HTMLElement>) => {
    const el = e.currentTarget;
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);

  const reveal = useCallback(
    (i: number) => {
      const el = scroller.current;
      if (!el || i < 0 || i >= count) return;
      const y = top(i);
      const h = height(i);
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + h > el.scrollTop + el.clientHeight) el.scrollTop = y + h - el.clientHeight;
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [scroller, count, top, height],
  );

  return { first, last, totalHeight, top, height, pageRows: Math.max(1, Math.floor(view.height / typical) - 1), onScroll, reveal, windowed };
}

/** The row a navigation key moves to (↑ ↓ Home End PageUp PageDown), or null for other keys. */
export function rowForKey(key: string, cursor: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(cursor + 1);
    case 'ArrowUp':
      return clamp(cursor - 1);
    case 'PageDown':
      return clamp(cursor + pageRows);
    case 'PageUp':
      return clamp(cursor - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
