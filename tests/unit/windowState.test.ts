// Window size and position between runs: parsing what was saved, and placing it on the displays there are now.
import fc from 'fast-check';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Rect,
  type WindowState,
} from '../../electron/core/windowState';
import { tempDir } from './helpers';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };
const state = (bounds: Rect, maximized = false, fullScreen = false): WindowState => ({ bounds, maximized, fullScreen });

describe('parseWindowState', () => {
  it('reads a saved state and refuses anything else', () => {
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":1000,"height":700},"maximized":true}')).toEqual(
      state({ x: 10, y: 20, width: 1000, height: 700 }, true),
    );
    for (const bad of [
      '',
      'null',
      '[]',
      '{"bounds":null}',
      '{"bounds":{"x":"10","y":0,"width":800,"height":600}}',
      '{"bounds":{"x":0,"y":0,"width":-800,"height":600}}',
      '{"bounds":{"x":0,"y":0,"width":0,"height":600}}',
      '{"bounds":{"x":1e308,"y":0,"width":800,"height":600}}',
      '{"bounds":{"x":0,"y":0,"width":800}}',
      '{"__proto__":{"bounds":{"x":0,"y":0,"width":800,"height":600}}}',
    ])
      expect(parseWindowState(bad), bad).toBeNull();
  });

  it('never throws and never returns a non-finite number, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ bounds: v }))), (text) => {
        const s = parseWindowState(text);
        if (s) for (const v of Object.values(s.bounds)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false, fullScreen: false });
    // On a small screen, as large as the screen allows.
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1366, height: 728 }])).toEqual({ bounds: { width: 1280, height: 728 }, maximized: false, fullScreen: false });
  });

  it('keeps a window that is on a display where it was', () => {
    const saved = state({ x: 1600, y: -100, width: 1800, height: 1100 }, true);
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ bounds: saved.bounds, maximized: true, fullScreen: false });
  });

  it('moves a window whose monitor is gone back onto the primary display', () => {
    const saved = state({ x: 1600, y: -100, width: 1800, height: 1100 });
    const p = placeWindow(saved, [laptop]);
    expect(p.bounds.x).toBeUndefined();
    expect(p.bounds.width).toBeLessThanOrEqual(laptop.width);
    expect(p.bounds.height).toBeLessThanOrEqual(laptop.height);
  });

  it('pulls a window hanging off the edge fully onto its display and shrinks it to fit', () => {
    const p = placeWindow(state({ x: 1200, y: 500, width: 1000, height: 800 }), [laptop, rightMonitor]);
    // Mostly on the right monitor (which ends at y = 1215): it stays there, moved inside its work area.
    expect(p.bounds).toEqual({ x: 1440, y: 415, width: 1000, height: 800 });
    const big = placeWindow(state({ x: -50, y: -30, width: 3000, height: 2000 }), [laptop]);
    expect(big.bounds).toEqual({ x: 0, y: 0, width: laptop.width, height: laptop.height });
  });

  it('always returns a window inside some display and no smaller than the minimum the display allows', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
      width: fc.integer({ min: 640, max: 5120 }),
      height: fc.integer({ min: 480, max: 2880 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), fc.array(area, { minLength: 1, maxLength: 4 }), fc.boolean(), (bounds, areas, maximized) => {
        const p = placeWindow(bounds ? state(bounds, maximized) : null, areas);
        const { width, height, x, y } = p.bounds;
        if (x === undefined || y === undefined) {
          expect(width).toBeLessThanOrEqual(areas[0].width);
          expect(height).toBeLessThanOrEqual(areas[0].height);
        } else {
          const home = areas.find((a) => x >= a.x && y >= a.y && x + width <= a.x + a.width && y + height <= a.y + a.height);
          expect(home, JSON.stringify({ bounds, areas, p })).toBeDefined();
        }
        expect(width).toBeGreaterThanOrEqual(Math.min(MIN_WINDOW_SIZE.width, ...areas.map((a) => a.width)));
        expect(height).toBeGreaterThanOrEqual(Math.min(MIN_WINDOW_SIZE.height, ...areas.map((a) => a.height)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the state file', () => {
  it('round-trips, and a missing or damaged file means no saved state', () => {
    const file = join(tempDir(), 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    const s = state({ x: 40, y: 30, width: 1200, height: 800 }, false, true);
    writeWindowState(file, s);
    expect(readWindowState(file)).toEqual(s);
    writeFileSync(file, '{"bounds":');
    expect(readWindowState(file)).toBeNull();
  });
});
