// Small text helpers for chart labels and tooltips (tooltips are HTML: user text is escaped).
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cuts a label to about `max` wide characters (a Latin letter counts half). */
export function clip(s: string, max: number): string {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    width += s.charCodeAt(i) < 0x2e80 ? 0.55 : 1;
    if (width > max) return s.slice(0, i) + '…';
  }
  return s;
}

/** Mostly Han characters: such a label can stand upright, one character under another. */
export function isHanLabel(s: string): boolean {
  const han = s.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han >= s.replace(/\s/g, '').length * 0.8;
}

let measureCanvas: HTMLCanvasElement | null = null;

/** Width in pixels of a label as the chart will draw it, for laying out axes by their longest label. */
export function textWidth(text: string, fontSize: number, font: string): number {
  measureCanvas ??= document.createElement('canvas');
  const ctx = measureCanvas.getContext('2d');
  if (!ctx) return text.length * fontSize;
  ctx.font = `${fontSize}px ${font}`;
  return ctx.measureText(text).width;
}

export function tooltipStyle(p: { surface: string; line: string; ink: string; font: string }) {
  return {
    backgroundColor: p.surface,
    borderColor: p.line,
    borderWidth: 1,
    padding: [8, 11] as [number, number],
    textStyle: { color: p.ink, fontFamily: p.font, fontSize: 12.5 },
    extraCssText: 'box-shadow: 0 6px 20px rgba(0,0,0,0.16); border-radius: 6px; line-height: 1.6; max-width: 360px; white-space: normal;',
    confine: true,
  };
}
