// Merging a theme into another and deleting one: both ask first, both can be undone.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Theme, ThemeDeleteMode } from '../../../shared/domain';
import { deleteTheme } from '../actions';
import { api } from '../api';
import { useT } from '../i18n';
import { fill } from '../search/format';
import { useStore } from '../store';
import { mergeTheme } from './actions';
import { ThemeChooser } from './ThemeChooser';
import { descendantIds } from './tree';

export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], input, button.primary, button');
    first?.focus();
    return () => back?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <div className="modal-title">{title}</div>
        {children}
      </div>
    </div>
  );
}

function DeleteThemeDialog({ theme, themes, onClose }: { theme: Theme; themes: Theme[]; onClose: () => void }) {
  const t = useT();
  const [mode, setMode] = useState<ThemeDeleteMode>('untag');
  const [busy, setBusy] = useState(false);
  const subs = useMemo(() => descendantIds(themes, theme.id), [themes, theme.id]);
  const parent = theme.parentId ? themes.find((x) => x.id === theme.parentId) : undefined;
  // Distinct highlights of the theme and its sub-themes (one coded with both counts once): ask the backend.
  const [count, setCount] = useState<number | null>(subs.size === 0 ? theme.annotationCount : null);
  useEffect(() => {
    if (subs.size === 0) return;
    let live = true;
    api['annotations.query']({ themeIds: [theme.id], includeSubthemes: true, limit: 1 })
      .then((page) => live && setCount(page.total))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, [theme.id, subs.size]);
  const options: [ThemeDeleteMode, string, boolean][] = [
    ['untag', t('deleteUntag'), false],
    ['moveToParent', parent ? fill(t('deleteMoveToParent'), { parent: parent.name }) : t('deleteMoveToParentNone'), !parent],
    ['deleteHighlights', t('deleteHighlights'), false],
  ];
  const confirm = async () => {
    setBusy(true);
    const next = parent?.id ?? null;
    const ok = await deleteTheme(theme.id, mode);
    setBusy(false);
    if (!ok) return;
    onClose();
    useStore.getState().selectTheme(next);
  };
  return (
    <Modal title={fill(t('deleteTitle'), { name: theme.name })} onClose={onClose} testId="delete-theme-dialog">
      <p className="modal-text">{subs.size > 0 ? fill(t('deleteIntroSubs'), { s: subs.size, n: count ?? '…' }) : fill(t('deleteIntro'), { n: count ?? '…' })}</p>
      <div className="choice-list" role="radiogroup">
        {options.map(([value, label, disabled]) => (
          <label key={value} className={'choice' + (disabled ? ' disabled' : '') + (value === 'deleteHighlights' ? ' danger' : '')}>
            <input
              type="radio"
              name="delete-mode"
              value={value}
              data-testid={`delete-mode-${value}`}
              checked={mode === value}
              disabled={disabled}
              onChange={() => setMode(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <p className="modal-note muted">{t('undoHint')}</p>
      <div className="row-end">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary danger-fill" data-testid="delete-confirm" disabled={busy} onClick={() => void confirm()}>
          {t('deleteConfirm')}
        </button>
      </div>
    </Modal>
  );
}

function MergeThemeDialog({ theme, themes, onClose }: { theme: Theme; themes: Theme[]; onClose: () => void }) {
  const t = useT();
  const [pick, setPick] = useState<Theme | undefined>();
  const [busy, setBusy] = useState(false);
  // A theme cannot be merged into itself or into one of its own sub-themes.
  const candidates = useMemo(() => {
    const excluded = descendantIds(themes, theme.id);
    excluded.add(theme.id);
    return themes.filter((x) => !excluded.has(x.id));
  }, [themes, theme.id]);

  const confirm = async (target: Theme | undefined) => {
    if (!target || busy) return;
    setBusy(true);
    const ok = await mergeTheme(theme.id, target.id);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal title={fill(t('mergeTitle'), { name: theme.name })} onClose={onClose} testId="merge-theme-dialog">
      <p className="modal-text">{fill(t('mergeIntro'), { name: theme.name, n: theme.annotationCount })}</p>
      {candidates.length === 0 ? <p className="hint">{t('mergeNoTarget')}</p> : <ThemeChooser themes={candidates} onPick={setPick} onConfirm={(x) => void confirm(x)} testId="merge" />}
      <div className="row-end">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" data-testid="merge-confirm" disabled={busy || !pick} onClick={() => void confirm(pick)}>
          {pick ? `${t('mergeConfirm')} → ${pick.name}` : t('mergeConfirm')}
        </button>
      </div>
    </Modal>
  );
}

export function ThemeDialogs() {
  const dialog = useStore((s) => s.themeDialog);
  const themes = useStore((s) => s.themes);
  const setDialog = useStore((s) => s.setThemeDialog);
  if (!dialog) return null;
  const theme = themes.find((x) => x.id === dialog.themeId);
  if (!theme) return null;
  const close = () => setDialog(null);
  return dialog.kind === 'delete' ? (
    <DeleteThemeDialog theme={theme} themes={themes} onClose={close} />
  ) : (
    <MergeThemeDialog theme={theme} themes={themes} onClose={close} />
  );
}
