// The main window's size and position between runs: a small JSON file in the profile, checked against the displays
// connected now, so a window saved on a monitor that is gone (or a hand-edited file) never opens off screen.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** Where and how the window opens; x/y left out means centred by the window system. */
export interface WindowPlacement {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the saved window must lie on a display for the position to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;
const MAX_COORDINATE = 100_000;

const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;

/** A saved state, or null when the text is not one (wrong JSON, wrong types, absurd numbers). */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const b = o.bounds as Record<string, unknown> | null | undefined;
  if (!b || typeof b !== 'object') return null;
  const { x, y, width, height } = b;
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(width) || !isCoordinate(height) || width <= 0 || height <= 0) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: o.maximized === true,
    fullScreen: o.fullScreen === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Where to open the window given the saved state and the work areas of the displays now connected (the primary
 * first). The saved position is kept when enough of the window is on a display, moved fully onto that display and
 * shrunk to fit it; otherwise the window opens centred on the primary display at the saved (or default) size.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: area ? clamp(size.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width) : Math.max(size.width, MIN_WINDOW_SIZE.width),
    height: area ? clamp(size.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height) : Math.max(size.height, MIN_WINDOW_SIZE.height),
  });
  if (!saved) return { bounds: fit(DEFAULT_WINDOW_SIZE, primary), maximized: false, fullScreen: false };

  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o.width >= Math.min(MIN_VISIBLE.width, saved.bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, saved.bounds.height) && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  if (!best) return { bounds: fit(saved.bounds, primary), ...flags };

  const size = fit(saved.bounds, best);
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    },
    ...flags,
  };
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
