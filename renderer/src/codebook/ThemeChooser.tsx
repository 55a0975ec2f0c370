// A filterable theme list (name or pinyin), driven from its filter box with ↑/↓ and Enter; used where a
// dialog needs one theme: the merge target, the theme to auto-code with.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { matchThemes } from './themeMatch';
import { treeRows } from './tree';
import { useThemeKeys } from './useThemeKeys';

interface Props {
  /** The themes to choose from (any subset of the codebook); shown in tree order until something is typed. */
  themes: Theme[];
  onPick: (theme: Theme | undefined) => void;
  onConfirm: (theme: Theme) => void;
  testId: string;
}

export function ThemeChooser({ themes, onPick, onConfirm, testId }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const ordered = useMemo(() => treeRows(themes), [themes]);
  const keys = useThemeKeys(useMemo(() => ordered.map((r) => r.theme), [ordered]));
  const hits = useMemo(() => matchThemes(keys, query).map((h) => h.theme), [keys, query]);
  const depthOf = useMemo(() => new Map(ordered.map((r) => [r.theme.id, r.depth])), [ordered]);
  const pick = hits[Math.min(cursor, hits.length - 1)];
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  useEffect(() => setCursor(0), [query]);
  useEffect(() => pickRef.current(pick), [pick]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  return (
    <div className="theme-chooser">
      <input
        className="modal-filter"
        autoFocus
        data-testid={`${testId}-filter`}
        value={query}
        placeholder={t('mergeFilter')}
        aria-label={t('mergeFilter')}
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setCursor(Math.max(0, Math.min(hits.length - 1, Math.min(cursor, hits.length - 1) + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (pick) onConfirm(pick);
          }
        }}
      />
      <ul ref={listRef} className="pick-list" role="listbox" aria-label={t('mergeFilter')}>
        {hits.map((h, i) => (
          <li key={h.id}>
            <button
              type="button"
              role="option"
              tabIndex={-1}
              aria-selected={h === pick}
              data-testid={`${testId}-option`}
              data-theme-name={h.name}
              className={'pick-item' + (h === pick ? ' cursor' : '')}
              style={{ paddingLeft: 10 + (query ? 0 : (depthOf.get(h.id) ?? 0) * 14) }}
              onClick={() => setCursor(i)}
              onDoubleClick={() => onConfirm(h)}
            >
              <span className="swatch" style={{ background: h.color }} />
              <span className="pick-name">{h.name}</span>
              <span className="pick-count">{h.annotationCount}</span>
            </button>
          </li>
        ))}
        {hits.length === 0 && <li className="hint pick-none">{t('pickerNoMatch')}</li>}
      </ul>
    </div>
  );
}
