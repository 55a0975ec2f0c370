import { redo, undo } from '../actions';
import { ExportDialog } from '../export/ExportDialog';
import { ImportButton } from './ImportDialog';
import { useT } from '../i18n';
import { SearchButton } from '../search/SearchButton';
import { AnalysisButton } from '../analysis/AnalysisButton';
import { TasksIndicator } from '../jobs/TasksIndicator';
import { useStore } from '../store';
import { SettingsButton } from '../settings/SettingsDialog';
import { LibrarySafetyButton } from '../backup/LibrarySafetyDialog';

export function ShortcutsHelp() {
  const t = useT();
  const open = useStore((s) => s.helpOpen);
  const setOpen = useStore((s) => s.setHelpOpen);
  if (!open) return null;
  const rows: [string, string][] = [
    ['kjcx… ↵', t('scPicker')],
    ['1 – 9', t('scPinned')],
    ['Ctrl+F … Esc', t('scFindSelect')],
    ['Shift+← / →', t('scExtend')],
    ['Ctrl+Z', t('scUndo')],
    ['Ctrl+Shift+Z / Ctrl+Y', t('scRedo')],
    ['Ctrl+O', t('scImport')],
    ['Ctrl+Shift+S', t('scSplit')],
    ['Ctrl+Shift+M', t('scMerge')],
    ['Ctrl+Shift+E', t('scEditText')],
    ['Ctrl+S', t('scSaveEdit')],
    ['Ctrl+Shift+H', t('scVersions')],
    ['Ctrl+E', t('scExport')],
    ['Ctrl+Enter', t('scExportSave')],
    ['Ctrl+P', t('scExportPrint')],
    ['Ctrl+Shift+F', t('scSearch')],
    ['Ctrl+Shift+A', t('scAnalysis')],
    ['Ctrl+F', t('scFind')],
    ['F3 / Shift+F3', t('scFindStep')],
    ['Ctrl+Shift+L', t('scLang')],
    ['Ctrl+Shift+B', t('scLibrarySafety')],
    ['Ctrl+,', t('scSettings')],
    ['Ctrl+Alt+= / − / 0', t('scFontSize')],
    ['↑ ↓ Home End PgUp PgDn', t('scListNav')],
    ['← / →', t('scListFold')],
    ['Alt+↑ / Alt+↓', t('scTreeMove')],
    ['Tab / Shift+Tab', t('scTreeIndent')],
    ['F2 / Del', t('scTreeEdit')],
    ['Esc', t('scEsc')],
    ['?', t('scHelp')],
  ];
  return (
    <div className="popover help-pop" role="dialog" aria-label={t('shortcuts')} data-testid="shortcuts-help">
      <div className="pop-title">{t('shortcuts')}</div>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-end">
        <button type="button" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

export function TopBar() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const scheme = useStore((s) => s.scheme);
  const setScheme = useStore((s) => s.setScheme);
  const canUndo = useStore((s) => s.past.length > 0);
  const canRedo = useStore((s) => s.future.length > 0);
  const exportOpen = useStore((s) => s.exportOpen);
  const setExportOpen = useStore((s) => s.setExportOpen);
  const helpOpen = useStore((s) => s.helpOpen);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-zh">批注</span>
        <span className="brand-en">Pizhu</span>
      </div>
      <div className="top-actions">
        <TasksIndicator />
        <ImportButton />
        <SearchButton />
        <AnalysisButton />
        <span className="sep" />
        <button type="button" data-testid="undo" title={t('undo') + ' (Ctrl+Z)'} disabled={!canUndo} onClick={() => void undo()}>
          ↶ {t('undo')}
        </button>
        <button type="button" data-testid="redo" title={t('redo') + ' (Ctrl+Shift+Z)'} disabled={!canRedo} onClick={() => void redo()}>
          ↷ {t('redo')}
        </button>
        <span className="sep" />
        <div className="pop-anchor">
          <button type="button" data-testid="export-md" aria-expanded={exportOpen} onClick={() => setExportOpen(!exportOpen)}>
            {t('export')}
          </button>
          <ExportDialog />
        </div>
        <button type="button" data-testid="toggle-lang" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('langToggle')}
        </button>
        <button type="button" data-testid="toggle-theme" onClick={() => setScheme(scheme === 'dark' ? 'light' : 'dark')}>
          {scheme === 'dark' ? '☀ ' + t('light') : '☾ ' + t('dark')}
        </button>
        <div className="pop-anchor">
          <button type="button" data-testid="shortcuts" title={t('shortcuts') + ' (?)'} aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}>
            ⌨ {t('shortcuts')}
          </button>
          <ShortcutsHelp />
        </div>
        <LibrarySafetyButton />
        <SettingsButton />
      </div>
    </header>
  );
}

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={'toast ' + x.kind} data-testid="toast" role={x.kind === 'error' ? 'alert' : 'status'} onClick={() => dismiss(x.id)}>
          {x.text}
        </div>
      ))}
    </div>
  );
}
