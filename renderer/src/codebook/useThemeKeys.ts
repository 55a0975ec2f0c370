// The picker's search keys for the current theme list, rebuilt only when the list changes (and once more when
// the pinyin dictionary has loaded).
import { useEffect, useMemo, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { buildThemeKeys, loadPinyin, pinyinReady, type ThemeKey } from './themeMatch';

export function useThemeKeys(themes: readonly Theme[]): ThemeKey[] {
  const [ready, setReady] = useState(pinyinReady);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadPinyin().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return useMemo(() => buildThemeKeys(themes), [themes, ready]);
}
