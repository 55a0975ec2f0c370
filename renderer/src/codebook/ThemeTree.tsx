// The codebook tree: nested themes with collapse/expand, drag to nest and reorder, and the same moves from the
// keyboard (Alt+↑/↓ reorder, Tab/Shift+Tab indent/outdent), rename in place, a menu per row.
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Theme } from '../../../shared/domain';
import { createTheme, updateTheme } from '../actions';
import { useT } from '../i18n';
import { fill } from '../search/format';
import { useStore } from '../store';
import { moveTheme, nextThemeColor } from './actions';
import { InlineText } from './fields';
import { dropTarget, indentTarget, outdentTarget, reorderTarget, treeRows, type DropZone, type MoveTarget, type TreeRow } from './tree';

const DRAG_TYPE = 'application/x-pizhu-theme';
const INDENT_PX = 16;

function zoneAt(e: DragEvent<HTMLElement>): DropZone {
  const r = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - r.top) / Math.max(1, r.height);
  return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
}

function RowMenu({ theme, onRename, onAddChild, onClose }: { theme: Theme; onRename: () => void; onAddChild: () => void; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const setDialog = useStore((s) => s.setThemeDialog);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  const item = (label: string, keys: string, testId: string, run: () => void, cls = '') => (
    <button
      type="button"
      role="menuitem"
      className={'menu-item ' + cls}
      data-testid={testId}
      onClick={(e) => {
        e.stopPropagation();
        onClose();
        run();
      }}
    >
      <span>{label}</span>
      {keys && <kbd>{keys}</kbd>}
    </button>
  );
  return (
    <div
      ref={ref}
      className="row-menu"
      role="menu"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      {item(t('renameTheme'), 'F2', 'menu-rename', onRename)}
      {item(t('addSubtheme'), '', 'menu-add-child', onAddChild)}
      {item(t('mergeThemeEllipsis'), '', 'menu-merge', () => setDialog({ kind: 'merge', themeId: theme.id }))}
      {item(t('deleteThemeEllipsis'), 'Del', 'menu-delete', () => setDialog({ kind: 'delete', themeId: theme.id }), 'danger')}
    </div>
  );
}

function NewChildRow({ parent, depth, onDone }: { parent: Theme; depth: number; onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const submit = async () => {
    const n = name.trim();
    if (!n) return onDone();
    const created = await createTheme(n, nextThemeColor(), parent.id);
    onDone();
    if (created) {
      useStore.getState().selectTheme(created.id);
      useStore.getState().focusSelectedTheme();
    }
  };
  return (
    <li className="theme-row new-child" style={{ paddingLeft: 6 + (depth + 1) * INDENT_PX + 18 }}>
      <input
        autoFocus
        data-testid="new-child-name"
        value={name}
        maxLength={200}
        placeholder={t('newSubthemeName')}
        aria-label={t('newSubthemeName')}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => void submit()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void submit();
          if (e.key === 'Escape') onDone();
        }}
      />
    </li>
  );
}

interface RowProps {
  row: TreeRow;
  selected: boolean;
  focusable: boolean;
  collapsed: boolean;
  renaming: boolean;
  menuOpen: boolean;
  dropZone: DropZone | null;
  onSelect: () => void;
  onToggle: () => void;
  onRename: (on: boolean) => void;
  onMenu: (open: boolean) => void;
  onAddChild: () => void;
  onDragStart: () => void;
  onDragOver: (zone: DropZone | null) => void;
  onDrop: (zone: DropZone) => void;
  onDragEnd: () => void;
}

function ThemeRowView(p: RowProps) {
  const t = useT();
  const { theme, depth, hasChildren } = p.row;
  return (
    <li
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !p.collapsed : undefined}
      aria-selected={p.selected}
      tabIndex={p.focusable ? 0 : -1}
      data-testid="theme-row"
      data-theme-name={theme.name}
      data-theme-id={theme.id}
      data-depth={depth}
      className={'theme-row' + (p.selected ? ' selected' : '') + (p.dropZone ? ' drop-' + p.dropZone : '')}
      style={{ paddingLeft: 6 + depth * INDENT_PX }}
      draggable={!p.renaming}
      onClick={p.onSelect}
      onDoubleClick={() => p.onRename(true)}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, theme.id);
        e.dataTransfer.setData('text/plain', theme.name);
        e.dataTransfer.effectAllowed = 'move';
        p.onDragStart();
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        p.onDragOver(zoneAt(e));
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) p.onDragOver(null);
      }}
      onDrop={(e) => {
        e.preventDefault();
        p.onDrop(zoneAt(e));
      }}
      onDragEnd={p.onDragEnd}
    >
      {hasChildren ? (
        <button
          type="button"
          tabIndex={-1}
          className={'tree-caret' + (p.collapsed ? ' closed' : '')}
          data-testid="theme-caret"
          aria-label={t(p.collapsed ? 'expandTheme' : 'collapseTheme')}
          title={t(p.collapsed ? 'expandTheme' : 'collapseTheme')}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggle();
          }}
        >
          ▾
        </button>
      ) : (
        <span className="tree-caret-space" />
      )}
      <span className="swatch" style={{ background: theme.color }} />
      {p.renaming ? (
        <InlineText
          className="theme-name-input"
          value={theme.name}
          testId="theme-name"
          label={t('renameTheme')}
          autoFocus
          onCommit={(name) => void updateTheme(theme, { name })}
          onDone={() => p.onRename(false)}
        />
      ) : (
        <span className="theme-name" data-testid="theme-name-text" title={theme.description || theme.name}>
          {theme.name}
        </span>
      )}
      {theme.pinned && (
        <kbd className="pin" title={fill(t('pinnedHint'), { n: theme.pinned })}>
          {theme.pinned}
        </kbd>
      )}
      <span className="theme-count" data-testid="theme-count" title={fill(t('themeHighlightsN'), { n: theme.annotationCount })}>
        {theme.annotationCount}
      </span>
      <span className="menu-anchor">
        <button
          type="button"
          tabIndex={-1}
          className="icon row-menu-button"
          data-testid="theme-menu"
          aria-label={t('themeMenu') + ' ' + theme.name}
          title={t('themeMenu')}
          aria-expanded={p.menuOpen}
          onClick={(e) => {
            e.stopPropagation();
            p.onSelect();
            p.onMenu(!p.menuOpen);
          }}
        >
          ⋯
        </button>
        {p.menuOpen && <RowMenu theme={theme} onRename={() => p.onRename(true)} onAddChild={p.onAddChild} onClose={() => p.onMenu(false)} />}
      </span>
    </li>
  );
}

export function ThemeTree() {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const collapsedList = useStore((s) => s.collapsedThemes);
  const selectedId = useStore((s) => s.selectedThemeId);
  const focusSeq = useStore((s) => s.themeFocusSeq);
  const store = useStore.getState;
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  const rows = useMemo(() => treeRows(themes, collapsed), [themes, collapsed]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [addingUnder, setAddingUnder] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; zone: DropZone } | null>(null);
  const dragged = useRef<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusSeq === 0) return;
    listRef.current?.querySelector<HTMLElement>(`[data-theme-id="${store().selectedThemeId}"]`)?.focus();
  }, [focusSeq, rows, store]);

  const selectedIndex = rows.findIndex((r) => r.theme.id === selectedId);

  const go = (i: number) => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!r) return;
    store().selectTheme(r.theme.id);
    store().focusSelectedTheme();
  };

  const runMove = async (target: MoveTarget | null) => {
    if (!target) return;
    if (await moveTheme(target)) store().focusSelectedTheme();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!(e.target instanceof HTMLLIElement)) return;
    const row = rows[selectedIndex];
    if (!row) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        go(0);
      }
      return;
    }
    const id = row.theme.id;
    const k = e.key;
    if (e.altKey && (k === 'ArrowUp' || k === 'ArrowDown')) {
      e.preventDefault();
      void runMove(reorderTarget(themes, id, k === 'ArrowUp' ? -1 : 1));
    } else if (k === 'Tab') {
      const target = e.shiftKey ? outdentTarget(themes, id) : indentTarget(themes, id);
      if (!target) return;
      e.preventDefault();
      void runMove(target);
    } else if (k === 'ArrowDown' || k === 'ArrowUp') {
      e.preventDefault();
      go(selectedIndex + (k === 'ArrowDown' ? 1 : -1));
    } else if (k === 'Home' || k === 'End') {
      e.preventDefault();
      go(k === 'Home' ? 0 : rows.length - 1);
    } else if (k === 'ArrowRight') {
      e.preventDefault();
      if (row.hasChildren && collapsed.has(id)) store().toggleThemeCollapsed(id, false);
      else if (row.hasChildren) go(selectedIndex + 1);
    } else if (k === 'ArrowLeft') {
      e.preventDefault();
      if (row.hasChildren && !collapsed.has(id)) store().toggleThemeCollapsed(id, true);
      else if (row.theme.parentId) {
        store().selectTheme(row.theme.parentId);
        store().focusSelectedTheme();
      }
    } else if (k === 'F2' || k === 'Enter') {
      e.preventDefault();
      setRenaming(id);
    } else if (k === 'Delete') {
      e.preventDefault();
      store().setThemeDialog({ kind: 'delete', themeId: id });
    }
  };

  const onDrop = (onto: string, zone: DropZone) => {
    const id = dragged.current;
    dragged.current = null;
    setDrop(null);
    if (!id) return;
    store().selectTheme(id);
    void runMove(dropTarget(themes, id, onto, zone));
  };

  return (
    <ul ref={listRef} className="theme-tree" role="tree" aria-label={t('themeTreeLabel')} data-testid="theme-tree" onKeyDown={onKeyDown}>
      {rows.map((row, i) => {
        const id = row.theme.id;
        return [
          <ThemeRowView
            key={id}
            row={row}
            selected={id === selectedId}
            focusable={id === selectedId || (selectedIndex < 0 && i === 0)}
            collapsed={collapsed.has(id)}
            renaming={renaming === id}
            menuOpen={menuFor === id}
            dropZone={drop?.id === id ? drop.zone : null}
            onSelect={() => store().selectTheme(id)}
            onToggle={() => store().toggleThemeCollapsed(id)}
            onRename={(on) => {
              setRenaming(on ? id : null);
              if (!on) store().focusSelectedTheme();
            }}
            onMenu={(open) => setMenuFor(open ? id : null)}
            onAddChild={() => {
              store().toggleThemeCollapsed(id, false);
              setAddingUnder(id);
            }}
            onDragStart={() => {
              dragged.current = id;
            }}
            onDragOver={(zone) => {
              const ok = zone && dragged.current && dropTarget(themes, dragged.current, id, zone);
              setDrop(ok && zone ? { id, zone } : null);
            }}
            onDrop={(zone) => onDrop(id, zone)}
            onDragEnd={() => {
              dragged.current = null;
              setDrop(null);
            }}
          />,
          addingUnder === id ? <NewChildRow key={id + ':new'} parent={row.theme} depth={row.depth} onDone={() => setAddingUnder(null)} /> : null,
        ];
      })}
    </ul>
  );
}
