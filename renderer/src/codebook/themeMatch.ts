// Finding a theme by what the hand types: part of its name, or its pinyin — initials (kjcx → 科技创新), full
// syllables (kejichuangxin) or a mix (kejcx). The pinyin of each name is computed once per theme list.
import type { Theme } from '../../../shared/domain';

/** Per character of a name: the syllables it may be read as (lower case, no tones); other characters stand for themselves. */
export type Readings = string[][];

export interface ThemeKey {
  theme: Theme;
  name: string;
  readings: Readings;
}

export interface ThemeHit {
  theme: Theme;
  score: number;
}

/** pinyin-pro's `pinyin` with the options used here; loaded lazily so the reader does not wait for its dictionary. */
type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; multiple?: boolean }) => string[];

let pinyinFn: PinyinFn | null = null;
let loading: Promise<PinyinFn> | null = null;

export function loadPinyin(): Promise<PinyinFn> {
  if (pinyinFn) return Promise.resolve(pinyinFn);
  loading ??= import('pinyin-pro').then((m) => {
    pinyinFn = m.pinyin as unknown as PinyinFn;
    return pinyinFn;
  });
  return loading;
}

export function pinyinReady(): boolean {
  return pinyinFn !== null;
}

const HAN = /\p{Script=Han}/u;

export function readingsOf(name: string, pinyin: PinyinFn | null): Readings {
  const chars = [...name];
  if (!pinyin) return chars.map((c) => [c.toLowerCase()]);
  // The reading in context first (行 in 银行 is hang), then the other readings of each character.
  const inContext = pinyin(name, { toneType: 'none', type: 'array' });
  const aligned = inContext.length === chars.length;
  return chars.map((c, i) => {
    if (!HAN.test(c)) return [c.toLowerCase()];
    const all = pinyin(c, { toneType: 'none', type: 'array', multiple: true }).map((s) => s.toLowerCase());
    const first = aligned ? inContext[i].toLowerCase() : all[0];
    return [...new Set([first, ...all].filter(Boolean))];
  });
}

// Readings by name: the theme list is rebuilt after every coding action (its counts change), its names rarely.
const readingsCache = new Map<string, Readings>();

export function buildThemeKeys(themes: readonly Theme[], pinyin: PinyinFn | null = pinyinFn): ThemeKey[] {
  return themes.map((theme) => {
    let readings = pinyin ? readingsCache.get(theme.name) : undefined;
    if (!readings) {
      readings = readingsOf(theme.name, pinyin);
      if (pinyin) readingsCache.set(theme.name, readings);
    }
    return { theme, name: theme.name.toLowerCase(), readings };
  });
}

/**
 * Whether `q` spells the characters from `from` on: each character contributes a non-empty prefix of one of
 * its readings, consecutively, and the last one may stop early. Returns how many characters were used, or 0.
 */
function spellsFrom(q: string, readings: Readings, from: number): number {
  // reach[k]: the query's first k letters can be spelled by the characters consumed so far.
  let reach = new Set<number>([0]);
  for (let i = from; i < readings.length; i++) {
    const next = new Set<number>();
    for (const k of reach) {
      for (const syl of readings[i]) {
        for (let n = 1; n <= syl.length && k + n <= q.length; n++) {
          if (q.charCodeAt(k + n - 1) !== syl.charCodeAt(n - 1)) break;
          next.add(k + n);
        }
      }
    }
    if (next.has(q.length)) return i - from + 1;
    if (next.size === 0) return 0;
    reach = next;
  }
  return 0;
}

/** A score above zero when the theme matches; higher is better. */
export function scoreTheme(key: ThemeKey, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 1;
  if (key.name === q) return 1000;
  if (key.name.startsWith(q)) return 900 - key.name.length;
  const at = key.name.indexOf(q);
  if (at >= 0) return 800 - at * 10 - key.name.length;
  const compact = q.replace(/[\s']/g, '');
  if (!compact || !/^[a-z0-9]+$/.test(compact)) return 0;
  for (let from = 0; from < key.readings.length; from++) {
    const used = spellsFrom(compact, key.readings, from);
    // Initials that spell the whole name beat a stretch in the middle of it.
    if (used > 0) return 700 - from * 20 + (from === 0 && used === key.readings.length ? 50 : 0) - key.name.length;
  }
  return 0;
}

/** Themes matching the query, best first; an empty query keeps the given order. */
export function matchThemes(keys: readonly ThemeKey[], query: string): ThemeHit[] {
  const hits: ThemeHit[] = [];
  keys.forEach((k, i) => {
    const score = scoreTheme(k, query);
    if (score > 0) hits.push({ theme: k.theme, score: score * 10_000 - i });
  });
  return hits.sort((a, b) => b.score - a.score);
}
