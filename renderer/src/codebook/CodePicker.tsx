// The code picker that opens on a selection in the reader. Keyboard first: typing filters themes by name or
// pinyin (kjcx → 科技创新), ↑/↓ and Enter apply, 1–9 apply the pinned themes, Esc closes; the last line creates
// a theme from what was typed. While nothing is typed, focus stays in the text so Shift+arrows still adjust
// the selection.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { fill } from '../search/format';
import { useStore } from '../store';
import { slotThemes } from './actions';
import { matchThemes } from './themeMatch';
import { treeRows } from './tree';
import { useThemeKeys } from './useThemeKeys';

export interface PickerAnchor {
  x: number;
  /** Top and bottom of the selection's last line, to sit below it (or above when there is no room). */
  top: number;
  bottom: number;
}

interface Props {
  anchor: PickerAnchor;
  onApply: (themeId: string | null) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
  /** Takes the reader's selection as it is now, before a key acts on it or moves focus away from it. */
  syncSelection: () => void;
}

type Item = { kind: 'theme'; theme: Theme; depth: number; path: string[] } | { kind: 'create'; name: string };

const WIDTH = 320;
const MAX_HEIGHT = 380;

/** A field other than the reader's text has the keys (the user went on elsewhere). */
function inOtherField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-testid="reader-text"]')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isPrintable(e: KeyboardEvent): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

export function CodePicker({ anchor, onApply, onCreate, onClose, syncSelection }: Props) {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [size, setSize] = useState({ w: WIDTH, h: 200 });

  const rows = useMemo(() => treeRows(themes), [themes]);
  const slots = useMemo(() => slotThemes(themes), [themes]);
  const slotOf = useMemo(() => new Map([...slots].map(([n, th]) => [th.id, n])), [slots]);
  const keys = useThemeKeys(themes);
  const rowById = useMemo(() => new Map(rows.map((r) => [r.theme.id, r])), [rows]);

  const items: Item[] = useMemo(() => {
    const q = query.trim();
    if (!q) {
      // Pinned themes first, in slot order, then the whole tree.
      const pinned = [...slots.entries()].sort((a, b) => a[0] - b[0]).map(([, th]) => th.id);
      const pinnedSet = new Set(pinned);
      const first = pinned.map((id) => rowById.get(id)).filter((r): r is NonNullable<typeof r> => Boolean(r));
      const rest = rows.filter((r) => !pinnedSet.has(r.theme.id));
      return [...first.map((r) => ({ ...r, depth: 0 })), ...rest].map((r) => ({ kind: 'theme' as const, theme: r.theme, depth: r.depth, path: r.path }));
    }
    const out: Item[] = matchThemes(keys, q).map((h) => ({ kind: 'theme' as const, theme: h.theme, depth: 0, path: rowById.get(h.theme.id)?.path ?? [] }));
    const exact = themes.some((th) => th.name.toLowerCase() === q.toLowerCase());
    if (!exact) out.push({ kind: 'create', name: q });
    return out;
  }, [query, slots, rows, rowById, keys, themes]);

  const current = Math.min(cursor, items.length - 1);

  useEffect(() => setCursor(0), [query]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === 'theme') onApply(item.theme.id);
    else onCreate(item.name);
  };

  // Keys while the picker is up and focus is still in the text.
  const state = useRef({ items, current, slots, choose, onApply, onClose, syncSelection });
  state.current = { items, current, slots, choose, onApply, onClose, syncSelection };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target === inputRef.current || e.defaultPrevented || inOtherField(e.target)) return;
      const s = state.current;
      if (!e.key.startsWith('Shift') && !(e.shiftKey && e.key.startsWith('Arrow'))) s.syncSelection();
      if (e.key === 'Escape') {
        e.preventDefault();
        s.onClose();
      } else if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const th = s.slots.get(Number(e.key));
        if (th) {
          e.preventDefault();
          s.onApply(th.id);
        }
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        setCursor((c) => Math.max(0, Math.min(s.items.length - 1, c + (e.key === 'ArrowDown' ? 1 : -1))));
      } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        s.choose(s.items[s.current]);
      } else if (isPrintable(e)) {
        // The first letter typed moves focus to the filter, and counts.
        e.preventDefault();
        setQuery((q) => q + e.key);
        inputRef.current?.focus();
      } else if (e.key === 'Process' || e.key === 'Tab') {
        // An input method needs an editable target before its composition starts.
        if (e.key === 'Tab') e.preventDefault();
        inputRef.current?.focus();
      }
    };
    // A press anywhere but the picker and the text means the user has moved on.
    const onDown = (e: MouseEvent) => {
      const el = e.target as Node;
      if (boxRef.current?.contains(el)) return;
      if (el instanceof Element && el.closest('.reader-scroll')) return;
      state.current.onClose();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onDown, true);
    };
  }, []);

  useLayoutEffect(() => {
    const el = boxRef.current;
    if (el) setSize({ w: el.offsetWidth, h: el.offsetHeight });
  }, [items.length]);

  const below = anchor.bottom + 8 + Math.min(size.h, MAX_HEIGHT) <= window.innerHeight - 8;
  const top = below ? anchor.bottom + 8 : Math.max(8, anchor.top - 8 - size.h);
  const left = Math.max(8, Math.min(anchor.x - 40, window.innerWidth - size.w - 8));

  return (
    <div
      ref={boxRef}
      className="code-picker selection-toolbar"
      data-testid="selection-toolbar"
      role="dialog"
      aria-label={t('pickerPlaceholder')}
      style={{ left, top }}
      onMouseUp={(e) => e.stopPropagation()}
      onMouseDown={(e) => {
        if (e.target !== inputRef.current) e.preventDefault();
      }}
    >
      <div className="picker-box">
        <input
          ref={inputRef}
          data-testid="picker-input"
          value={query}
          placeholder={t('pickerPlaceholder')}
          aria-label={t('pickerPlaceholder')}
          aria-controls="code-picker-list"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setCursor(Math.max(0, Math.min(items.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1))));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(items[current]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onClose();
            }
          }}
        />
      </div>
      <ul ref={listRef} id="code-picker-list" className="picker-list" role="listbox">
        {items.map((item, i) =>
          item.kind === 'theme' ? (
            <li key={item.theme.id}>
              <button
                type="button"
                role="option"
                tabIndex={-1}
                aria-selected={i === current}
                className={'picker-item' + (i === current ? ' cursor' : '')}
                data-testid="apply-theme"
                data-theme-name={item.theme.name}
                style={{ paddingLeft: 8 + item.depth * 14 }}
                onMouseMove={() => i !== current && setCursor(i)}
                onClick={() => onApply(item.theme.id)}
              >
                <span className="swatch" style={{ background: item.theme.color }} />
                <span className="picker-name">
                  {query.trim() && item.path.length > 0 && <span className="picker-path">{item.path.join(' › ')} › </span>}
                  {item.theme.name}
                </span>
                {slotOf.has(item.theme.id) && <kbd>{slotOf.get(item.theme.id)}</kbd>}
              </button>
            </li>
          ) : (
            <li key="create">
              <button
                type="button"
                role="option"
                tabIndex={-1}
                aria-selected={i === current}
                className={'picker-item create' + (i === current ? ' cursor' : '')}
                data-testid="picker-create"
                onMouseMove={() => i !== current && setCursor(i)}
                onClick={() => onCreate(item.name)}
              >
                <span className="picker-plus">＋</span>
                <span className="picker-name">{fill(t('pickerCreate'), { name: item.name })}</span>
              </button>
            </li>
          ),
        )}
        {items.length === 0 && <li className="picker-none">{t('pickerNoMatch')}</li>}
      </ul>
      <div className="picker-foot">
        <button type="button" className="plain" data-testid="apply-plain" onClick={() => onApply(null)}>
          <span className="swatch plain" />
          {t('highlightOnly')}
        </button>
        <span className="picker-keys">{t('pickerKeys')}</span>
      </div>
    </div>
  );
}
