// shared/chinese carries opencc-js and its dictionaries (about a megabyte): load it on first use,
// not at start-up, and share the converted text between the reader and the find bar.
import { useEffect, useState } from 'react';
import { useStore } from '../store';
import type { ReadingScript } from '../store/search';

type Chinese = typeof import('../../../shared/chinese');

let loaded: Chinese | null = null;
let loading: Promise<Chinese> | null = null;

export function loadChinese(): Promise<Chinese> {
  loading ??= import('../../../shared/chinese').then((m) => (loaded = m));
  return loading;
}

/** The conversion module once it has loaded; null until then (and while not needed). */
export function useChinese(needed: boolean): Chinese | null {
  const [mod, setMod] = useState<Chinese | null>(loaded);
  useEffect(() => {
    if (!needed || mod) return;
    let live = true;
    void loadChinese().then((m) => {
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [needed, mod]);
  return mod;
}

// A few entries per script: the reader's body and title and the find bar ask for the same texts on
// every render. Keyed by the text itself, whose hash the engine keeps after the first lookup.
const DISPLAY_CACHE_SIZE = 4;
const displayCache: Record<Exclude<ReadingScript, 'stored'>, Map<string, string>> = { simplified: new Map(), traditional: new Map() };

function convertForDisplay(zh: Chinese, text: string, script: ReadingScript): string {
  if (script === 'stored') return text;
  const cache = displayCache[script];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const converted = script === 'simplified' ? zh.toSimplified(text) : zh.toTraditional(text);
  // Character-for-character conversion keeps every offset; anything else would move highlights.
  const shown = converted.length === text.length ? converted : text;
  if (cache.size >= DISPLAY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, shown);
  return shown;
}

/** Text as the reader shows it: same length as the stored text, so every offset holds. */
export function useDisplayText(text: string): string {
  const script = useStore((s) => s.readingScript);
  const zh = useChinese(script !== 'stored');
  return zh ? convertForDisplay(zh, text, script) : text;
}
