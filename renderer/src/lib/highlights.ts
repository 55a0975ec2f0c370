// Paints annotations with the CSS Custom Highlight API: one Highlight per theme, plus plain and active.
import type { Annotation, Theme } from '../../../shared/domain';
import { rangeFor } from './domOffsets';

export const PLAIN = 'pz-plain';
export const ACTIVE = 'pz-active';

export function themeHighlightName(themeId: string): string {
  return 'pz-t-' + themeId.replace(/-/g, '');
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function hexToRgba(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgba(250, 204, 21, ${alpha})`;
  return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})`;
}

export function highlightCss(themes: readonly Theme[], alpha: number): string {
  const rules = themes.map(
    (t) => `::highlight(${themeHighlightName(t.id)}) { background-color: ${hexToRgba(t.color, alpha)}; }`,
  );
  rules.push(`::highlight(${PLAIN}) { background-color: var(--hl-plain); }`);
  rules.push(
    `::highlight(${ACTIVE}) { background-color: var(--hl-active-bg); text-decoration: underline 2px var(--hl-active); text-underline-offset: 0.25em; }`,
  );
  return rules.join('\n');
}

// Range cache keyed by annotation id + offsets, invalidated when the root element or document changes.
let cacheRoot: HTMLElement | null = null;
let cacheKey = '';
const rangeCache = new Map<string, Range>();

export function clearHighlights(): void {
  if (!supportsHighlights()) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('pz-')) CSS.highlights.delete(name);
}

export function paintHighlights(
  root: HTMLElement,
  docKey: string,
  starts: readonly number[],
  annotations: readonly Annotation[],
  themes: readonly Theme[],
  activeId: string | null,
): void {
  if (!supportsHighlights()) return;
  if (root !== cacheRoot || docKey !== cacheKey) {
    rangeCache.clear();
    cacheRoot = root;
    cacheKey = docKey;
  }
  const known = new Set(themes.map((t) => t.id));
  const groups = new Map<string, Range[]>();
  const add = (name: string, r: Range) => {
    const g = groups.get(name);
    if (g) g.push(r);
    else groups.set(name, [r]);
  };
  const live = new Set<string>();
  for (const a of annotations) {
    const key = `${a.id}:${a.start}:${a.end}`;
    live.add(key);
    let r = rangeCache.get(key);
    if (!r) {
      r = rangeFor(root, starts, a.start, a.end) ?? undefined;
      if (!r) continue;
      rangeCache.set(key, r);
    }
    const ids = a.themeIds.filter((id) => known.has(id));
    if (ids.length === 0) add(PLAIN, r);
    for (const id of ids) add(themeHighlightName(id), r);
    if (a.id === activeId) add(ACTIVE, r);
  }
  for (const k of [...rangeCache.keys()]) if (!live.has(k)) rangeCache.delete(k);
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('pz-') && !groups.has(name)) CSS.highlights.delete(name);
  }
  for (const [name, ranges] of groups) {
    const h = new Highlight(...ranges);
    if (name === ACTIVE) h.priority = 10;
    CSS.highlights.set(name, h);
  }
}
