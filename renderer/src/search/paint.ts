// Find matches and the search flash, painted with the CSS Custom Highlight API beside the annotation
// highlights. The names must not start with "pz-": the annotation painter owns those and clears them.
import { paragraphIndexAt } from '../../../shared/offsets';
import { rangeFor } from '../lib/domOffsets';
import { supportsHighlights } from '../lib/highlights';

export const FIND_ALL = 'find-all';
export const FIND_CURRENT = 'find-current';
export const FLASH_PREFIX = 'search-flash';
// The flash is a sequence of highlights styled in styles.css (search-flash-0 … -5, two pulses then a
// fade), then a quiet underline that stays; ::highlight styles cannot run CSS animations themselves.
const FLASH_STEPS = 6;
const FLASH_STEP_MS = 240;
export const FLASH_REST = `${FLASH_PREFIX}-rest`;

const flashName = (step: number) => `${FLASH_PREFIX}-${step}`;

function setHighlight(name: string, ranges: Range[], priority: number): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const h = new Highlight(...ranges);
  h.priority = priority;
  CSS.highlights.set(name, h);
}

let currentFind: Range | null = null;

/** The find bar's current match, to leave selected when the bar closes with Esc (as a browser does). */
export function currentFindRange(): Range | null {
  return currentFind;
}

export function paintFind(all: Range[], current: Range | null): void {
  currentFind = current;
  if (!supportsHighlights()) return;
  setHighlight(FIND_ALL, all, 15);
  setHighlight(FIND_CURRENT, current ? [current] : [], 30);
}

export function clearFind(): void {
  currentFind = null;
  if (!supportsHighlights()) return;
  CSS.highlights.delete(FIND_ALL);
  CSS.highlights.delete(FIND_CURRENT);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

export function clearFlash(): void {
  clearTimeout(flashTimer);
  if (!supportsHighlights()) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(FLASH_PREFIX)) CSS.highlights.delete(name);
}

/** Pulses the range, then leaves it underlined so the eye can still find it after the animation. */
export function flashRange(range: Range): void {
  clearFlash();
  if (!supportsHighlights()) return;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const steps = reduced ? [] : Array.from({ length: FLASH_STEPS }, (_, i) => i);
  const advance = (k: number) => {
    if (k > 0) CSS.highlights.delete(flashName(steps[k - 1]));
    if (k < steps.length) {
      setHighlight(flashName(steps[k]), [range], 40);
      flashTimer = setTimeout(() => advance(k + 1), FLASH_STEP_MS);
    } else {
      setHighlight(FLASH_REST, [range], 40);
    }
  };
  advance(0);
}

const MARGIN = 48;

/** Scrolls the reader so the range sits in the middle of the view unless it is already well inside it. */
export function scrollRangeIntoView(root: HTMLElement, starts: readonly number[], start: number, range: Range): void {
  const box = root.closest<HTMLElement>('.reader-scroll');
  const para = root.children[paragraphIndexAt(starts, start)] as HTMLElement | undefined;
  if (!box || !para) return;
  const outside = () => {
    const r = range.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return r.height === 0 || r.top < b.top + MARGIN || r.bottom > b.bottom - MARGIN;
  };
  const centre = () => {
    const r = range.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    box.scrollTop += (r.top + r.bottom) / 2 - (b.top + b.bottom) / 2;
  };
  if (!outside()) return;
  // Paragraphs far away are not laid out yet (content-visibility): bring the paragraph first, then the match.
  para.scrollIntoView({ block: 'center' });
  centre();
  requestAnimationFrame(() => {
    if (outside()) centre();
  });
}

/** DOM ranges for text offsets inside the reader; matches that cannot be placed are skipped. */
export function rangesFor(root: HTMLElement, starts: readonly number[], spans: readonly { start: number; end: number }[]): (Range | null)[] {
  return spans.map((m) => rangeFor(root, starts, m.start, m.end));
}
