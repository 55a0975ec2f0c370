// Chart colours and type: the app's CSS variables on screen, a fixed white "paper" style for saved figures.
import { useEffect, useState } from 'react';

export interface ChartPalette {
  kind: 'light' | 'dark' | 'paper';
  background: string;
  ink: string;
  muted: string;
  line: string;
  /** Faint split lines behind bars. */
  grid: string;
  surface: string;
  accent: string;
  font: string;
  /** Low to high, for the co-occurrence heat map. */
  heat: [string, string, string];
  /** One colour per term in term tracking, distinguishable in both themes and in greyscale print. */
  series: string[];
  /** Muted fill for the undated band and for the matrix diagonal. */
  band: string;
}

const FALLBACK_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const LIGHT_SERIES = ['#9b2c2c', '#2f6690', '#b7791f', '#3a7d44', '#6b4e9b', '#8c5a3c', '#1f7a7a', '#a23b72'];
const DARK_SERIES = ['#e07a5f', '#7fb3d5', '#e9b949', '#81c784', '#b39ddb', '#d7a77f', '#6cc4c4', '#e68ab8'];

/** Saved figures go into papers and slides: white ground, black type, whatever theme the app is in. */
export const PAPER: ChartPalette = {
  kind: 'paper',
  background: '#ffffff',
  ink: '#1a1a1a',
  muted: '#555555',
  line: '#9a9a9a',
  grid: '#e6e6e6',
  surface: '#ffffff',
  accent: '#9b2c2c',
  font: FALLBACK_FONT,
  heat: ['#fbf3ee', '#e0967c', '#8c1f1f'],
  series: LIGHT_SERIES,
  band: '#f2f0ec',
};

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

function readPalette(): ChartPalette {
  const root = document.documentElement;
  const dark = root.dataset.theme === 'dark';
  const style = getComputedStyle(root);
  return {
    kind: dark ? 'dark' : 'light',
    background: 'transparent',
    ink: cssVar(style, '--ink', dark ? '#dcdcdc' : '#1f1f1f'),
    muted: cssVar(style, '--muted', dark ? '#9a9a9a' : '#6b6660'),
    line: cssVar(style, '--line', dark ? '#3a3e43' : '#e2ddd2'),
    grid: dark ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.06)',
    surface: cssVar(style, '--surface', dark ? '#2a2d31' : '#ffffff'),
    accent: cssVar(style, '--accent', dark ? '#e07a5f' : '#9b2c2c'),
    font: cssVar(style, '--ui-font', FALLBACK_FONT),
    heat: dark ? ['#2b2e32', '#a0523f', '#f3a78f'] : ['#fbf3ee', '#e0967c', '#8c1f1f'],
    series: dark ? DARK_SERIES : LIGHT_SERIES,
    band: dark ? 'rgba(255,255,255,0.04)' : 'rgba(0,0,0,0.035)',
  };
}

/** The screen palette, read again whenever the app switches between light and dark. */
export function useScreenPalette(): ChartPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const observer = new MutationObserver(() => setPalette(readPalette()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return palette;
}

/** Text on a theme's colour: dark ink on light colours, white on dark ones. */
export function readableOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? '#1a1a1a' : '#ffffff';
}
