// Simplified/traditional conversion one character at a time, so that every UTF-16 offset
// holds: search folds with it, the reader's script switch displays with it, and the stored
// text never changes. Phrase-level conversion would change lengths and move highlights.
import { Converter } from 'opencc-js';

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

type Convert = (s: string) => string;

function characterMap(convert: Convert): (ch: string) => string {
  const cache = new Map<string, string>();
  return (ch) => {
    let out = cache.get(ch);
    if (out === undefined) {
      const converted = convert(ch);
      // A few entries map BMP ↔ astral; keeping those characters keeps offsets exact.
      out = converted.length === ch.length ? converted : ch;
      cache.set(ch, out);
    }
    return out;
  };
}

let toSimplifiedChar: ((ch: string) => string) | null = null;
let toTraditionalChar: ((ch: string) => string) | null = null;

function simplifiedChar(ch: string): string {
  toSimplifiedChar ??= characterMap(Converter({ from: 't', to: 'cn' }));
  return toSimplifiedChar(ch);
}

function traditionalChar(ch: string): string {
  toTraditionalChar ??= characterMap(Converter({ from: 'cn', to: 't' }));
  return toTraditionalChar(ch);
}

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

function mapHan(text: string, map: (ch: string) => string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHan(code)) continue;
    const ch = text[i];
    const mapped = map(ch);
    if (mapped === ch) continue;
    out += text.slice(runStart, i) + mapped;
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** Same length as the input, character for character. */
export function toSimplified(text: string): string {
  return mapHan(text, simplifiedChar);
}

/** Same length as the input, character for character. */
export function toTraditional(text: string): string {
  return mapHan(text, traditionalChar);
}

/** The search key: simplified script, Latin letters lower-cased; same length as the input. */
export function foldForSearch(text: string, foldScript = true): string {
  const lower = text.toLowerCase().length === text.length ? text.toLowerCase() : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return foldScript ? toSimplified(lower) : lower;
}

/** Which script the Han characters are written in, judged by characters that differ between them. */
export function detectScript(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  let han = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (let i = 0; i < sample.length; i++) {
    if (!isHan(sample.charCodeAt(i))) continue;
    han++;
    const ch = sample[i];
    if (simplifiedChar(ch) !== ch) traditional++;
    else if (traditionalChar(ch) !== ch) simplified++;
  }
  if (han === 0) return 'none';
  const marked = traditional + simplified;
  if (marked === 0) return 'simplified';
  if (traditional / marked >= 0.9) return 'traditional';
  if (simplified / marked >= 0.9) return 'simplified';
  return 'mixed';
}
