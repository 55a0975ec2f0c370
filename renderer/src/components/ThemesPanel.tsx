// The codebook tab: the theme tree, a new theme, the selected theme's details, codebook import and export.
import { useEffect, useRef, useState } from 'react';
import { addExampleThemes, createTheme } from '../actions';
import { exportCodebook, importCodebook, nextThemeColor } from '../codebook/actions';
import { ThemeDetails } from '../codebook/ThemeDetails';
import { ThemeDialogs } from '../codebook/ThemeDialogs';
import { ThemeTree } from '../codebook/ThemeTree';
import { useT } from '../i18n';
import { useStore } from '../store';

function CodebookMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const run = (fn: () => void) => {
    setOpen(false);
    fn();
  };
  return (
    <div className="menu-anchor codebook-io" ref={boxRef}>
      <button type="button" className="small" data-testid="codebook-menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('codebookIO')} ▾
      </button>
      {open && (
        <div className="row-menu codebook-menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="menu-label">{t('codebookExport')}</div>
          <button type="button" role="menuitem" className="menu-item" data-testid="codebook-export-json" onClick={() => run(() => void exportCodebook('json'))}>
            {t('codebookJson')}
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="codebook-export-csv" onClick={() => run(() => void exportCodebook('csv'))}>
            {t('codebookCsv')}
          </button>
          <div className="menu-sep" />
          <button type="button" role="menuitem" className="menu-item" data-testid="codebook-import" onClick={() => run(() => fileRef.current?.click())}>
            {t('codebookImport')}
          </button>
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        hidden
        accept=".json,.csv,application/json,text/csv"
        data-testid="codebook-import-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) await importCodebook(file.name, await file.text());
        }}
      />
    </div>
  );
}

function NewThemeForm() {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const [name, setName] = useState('');
  const [color, setColor] = useState(nextThemeColor);
  useEffect(() => setColor(nextThemeColor()), [themes.length]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    const created = await createTheme(n, color);
    if (created) {
      setName('');
      useStore.getState().selectTheme(created.id);
    }
  };
  return (
    <form className="theme-create" onSubmit={(e) => void submit(e)}>
      <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label={t('themeColor')} title={t('themeColor')} className="color-input" />
      <input data-testid="new-theme-name" value={name} placeholder={t('newThemeName')} aria-label={t('newThemeName')} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <button type="submit" className="primary" data-testid="create-theme" disabled={!name.trim()}>
        {t('createTheme')}
      </button>
    </form>
  );
}

export function ThemesPanel() {
  const t = useT();
  const themes = useStore((s) => s.themes);
  return (
    <div className="themes-panel" data-testid="themes-panel">
      <div className="panel-head">
        <span className="panel-head-title">
          {t('codebook')} <span className="muted">{themes.length}</span>
        </span>
        <CodebookMenu />
      </div>
      {themes.length === 0 && (
        <div className="offer">
          <p className="hint">{t('noThemes')}</p>
          <button type="button" className="primary" data-testid="add-examples" onClick={() => void addExampleThemes()}>
            {t('addExamples')}
          </button>
        </div>
      )}
      <ThemeTree />
      {themes.length > 0 && <p className="tree-keys muted">{t('treeKeys')}</p>}
      <NewThemeForm />
      {themes.length > 0 && <ThemeDetails />}
      <ThemeDialogs />
    </div>
  );
}
