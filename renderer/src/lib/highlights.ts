// Paints annotations with the CSS Custom Highlight API: a tint per highlight (its theme's colour, or the blend
// of its themes' colours), plus plain and active. Where codes share text (a highlight with several themes, or
// overlapping highlights) each theme also draws an underline in its colour on a lane of its own below the
// text, so stacked codes stay readable where the tints meet.
import type { Annotation, Theme } from '../../../shared/domain';
import { rangeFor } from './domOffsets';
import { assignLanes, overlapping, type Band } from './highlightBands';

export const PLAIN = 'pz-plain';
export const ACTIVE = 'pz-active';

export function themeHighlightName(themeId: string): string {
  return 'pz-t-' + themeId.replace(/-/g, '');
}

/** Underline lanes; deeper overlaps share the last lane (the hover card still lists every theme). */
export const UNDERLINE_LANES = 3;

export function underlineHighlightName(themeId: string, lane: number): string {
  return `pz-u${lane}-` + themeId.replace(/-/g, '');
}

/** The tint of highlights coded with several themes: one highlight name per combination. */
export function blendHighlightName(themeIds: readonly string[]): string {
  return 'pz-m-' + themeIds.map((id) => id.replace(/-/g, '')).join('-');
}

function blendColor(themeIds: readonly string[], colors: Map<string, string>): [number, number, number] {
  const rgb = themeIds.map((id) => /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colors.get(id) ?? '') ?? [null, 'fa', 'cc', '15']);
  const mean = (k: number) => Math.round(rgb.reduce((sum, m) => sum + parseInt(m[k]!, 16), 0) / rgb.length);
  return [mean(1), mean(2), mean(3)];
}

// Tints and underlines are set on the reader's root: tints reach the text through highlight inheritance and
// underlines as propagated text decorations, so each rule is matched by one element, not by each of a long
// document's paragraphs (measured: unscoped underline rules cost ~40 ms of style work on a 500k-character text).
const TINT_SCOPE = '.reader-text';

function blendRule(name: string, rgb: [number, number, number]): string {
  return `${TINT_SCOPE}::highlight(${name}) { background-color: rgb(${rgb.join(' ')} / var(--hl-alpha, 0.35)); }`;
}

function underlineRule(name: string, color: string, lane: number): string {
  return `${TINT_SCOPE}::highlight(${name}) { text-decoration: underline 2px ${color}; text-underline-offset: calc(0.14em + ${lane * 4}px); text-decoration-skip-ink: none; }`;
}

let writtenRules = '';

function writeRules(rules: Map<string, string>): void {
  const text = [...rules.values()].join('\n');
  if (text === writtenRules) return;
  writtenRules = text;
  let el = document.getElementById('pz-highlight-rules');
  if (!el) {
    el = document.createElement('style');
    el.id = 'pz-highlight-rules';
    document.head.appendChild(el);
  }
  el.textContent = text;
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
  const rules: string[] = [];
  for (const t of themes) rules.push(`${TINT_SCOPE}::highlight(${themeHighlightName(t.id)}) { background-color: ${hexToRgba(t.color, alpha)}; }`);
  rules.push(`${TINT_SCOPE}::highlight(${PLAIN}) { background-color: var(--hl-plain); }`);
  rules.push(`${TINT_SCOPE}::highlight(${ACTIVE}) { background-color: var(--hl-active-bg); text-decoration: overline 2px var(--hl-active); }`);
  return rules.join('\n');
}

// Range cache keyed by annotation id + offsets, invalidated when the root element or document changes.
let cacheRoot: HTMLElement | null = null;
let cacheKey = '';
const rangeCache = new Map<string, Range>();

// What each highlight name holds now: a name whose ranges did not change is not set again (each set makes the
// browser revisit that highlight's ranges; adding one highlight should touch only the names it is in).
const painted = new Map<string, Range[]>();

function sameRanges(a: readonly Range[] | undefined, b: readonly Range[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function clearHighlights(): void {
  painted.clear();
  if (typeof document !== 'undefined') writeRules(new Map());
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
  const colors = new Map(themes.map((t) => [t.id, t.color]));
  const groups = new Map<string, Range[]>();
  const add = (name: string, r: Range) => {
    const g = groups.get(name);
    if (g) g.push(r);
    else groups.set(name, [r]);
  };
  const live = new Set<string>();
  const rules = new Map<string, string>();
  const bands: (Band & { themeId: string; range: Range })[] = [];
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
    // One tint per highlight: its theme's, or the blend of its themes (not a darker stack of tints).
    if (ids.length === 0) add(PLAIN, r);
    else if (ids.length === 1) add(themeHighlightName(ids[0]), r);
    else {
      const sorted = [...ids].sort();
      const name = blendHighlightName(sorted);
      if (!rules.has(name)) rules.set(name, blendRule(name, blendColor(sorted, colors)));
      add(name, r);
    }
    for (const id of ids) bands.push({ start: a.start, end: a.end, themeId: id, range: r });
    if (a.id === activeId) add(ACTIVE, r);
  }
  // Underlines only where bands share text (a highlight with two themes, or highlights that overlap).
  const shared = overlapping(bands);
  const lined = bands.filter((_, i) => shared[i]);
  const lanes = assignLanes(lined);
  lined.forEach((b, i) => {
    const lane = Math.min(lanes[i], UNDERLINE_LANES - 1);
    const name = underlineHighlightName(b.themeId, lane);
    if (!rules.has(name)) rules.set(name, underlineRule(name, colors.get(b.themeId) ?? '#999999', lane));
    add(name, b.range);
  });
  writeRules(rules);
  for (const k of [...rangeCache.keys()]) if (!live.has(k)) rangeCache.delete(k);
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('pz-') && !groups.has(name)) {
      CSS.highlights.delete(name);
      painted.delete(name);
    }
  }
  for (const [name, ranges] of groups) {
    if (sameRanges(painted.get(name), ranges) && CSS.highlights.has(name)) continue;
    const h = new Highlight(...ranges);
    if (name === ACTIVE) h.priority = 10;
    CSS.highlights.set(name, h);
    painted.set(name, ranges);
  }
}
