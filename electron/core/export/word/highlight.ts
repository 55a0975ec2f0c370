// A theme colour as Word can show it behind text: one of Word's 16 highlight colours when it is exactly
// one of them, else a light shading of the colour (so black text stays readable, on screen and on paper).

const NAMED: Record<string, string> = {
  '000000': 'black',
  '0000ff': 'blue',
  '00ffff': 'cyan',
  '00ff00': 'green',
  ff00ff: 'magenta',
  ff0000: 'red',
  ffff00: 'yellow',
  ffffff: 'white',
  '000080': 'darkBlue',
  '008080': 'darkCyan',
  '008000': 'darkGreen',
  '800080': 'darkMagenta',
  '800000': 'darkRed',
  '808000': 'darkYellow',
  '808080': 'darkGray',
  c0c0c0: 'lightGray',
};

/** How much of the theme colour the shading keeps (the rest is white). */
const TINT = 0.35;

export interface TextHighlight {
  /** Word's highlight name, when the colour is one of them. */
  named: string | null;
  /** RRGGBB (upper case, no #) of what is painted. */
  fill: string;
}

export function textHighlight(color: string): TextHighlight | null {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1]?.toLowerCase();
  if (!hex) return null;
  const named = NAMED[hex];
  if (named) return { named, fill: hex.toUpperCase() };
  const mix = (i: number) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) * TINT + 255 * (1 - TINT))
      .toString(16)
      .padStart(2, '0');
  return { named: null, fill: (mix(0) + mix(2) + mix(4)).toUpperCase() };
}
