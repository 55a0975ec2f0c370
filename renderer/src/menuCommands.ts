// Application-menu commands (desktop) run the same actions as the top bar and the keyboard.
import type { MenuCommand } from '../../shared/menu';
import { openDocument, redo, undo } from './actions';
import { onMenuCommand } from './api';
import { tNow } from './i18n';
import { openImport } from './importActions';
import { useJobs } from './jobs/jobsStore';
import { rebuildSearchIndex } from './jobs/reindex';
import { enterEditMode, toggleVersions } from './revision/actions';
import { changeReaderFontSize } from './settings/preferences';
import { useStore } from './store';

type CommandName = MenuCommand['command'];

/** Commands whose dialog lives in a module that registers it (e.g. the library-safety dialog). */
const registered = new Map<CommandName, () => void>();

/** Lets a feature answer a menu command; returns the unregister function. */
export function registerMenuCommand(name: CommandName, run: () => void): () => void {
  registered.set(name, run);
  return () => {
    if (registered.get(name) === run) registered.delete(name);
  };
}

function editing(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Opens a reader view: the analysis workspace and the search panel step aside. */
function showReader(): void {
  const s = useStore.getState();
  if (s.analysisOpen) s.closeAnalysis();
}

export function runMenuCommand(c: MenuCommand): void {
  const s = useStore.getState();
  const own = registered.get(c.command);
  if (own) {
    own();
    return;
  }
  switch (c.command) {
    case 'import':
      openImport();
      break;
    case 'export':
      s.setExportOpen(true);
      break;
    case 'settings':
      s.setSettingsOpen(true);
      break;
    case 'undo':
    case 'redo':
      // In a text field the menu edits the text, as the keys do; elsewhere it undoes highlight and theme actions.
      if (editing()) document.execCommand(c.command);
      else void (c.command === 'undo' ? undo() : redo());
      break;
    case 'find':
      if (s.doc) {
        showReader();
        s.openFind();
      }
      break;
    case 'search':
      showReader();
      s.openSearch();
      break;
    case 'rebuildSearchIndex':
      // The search panel shows the job's progress and its cancel button, as after its own ⟳ button.
      showReader();
      s.openSearch();
      if (!useJobs.getState().jobs.some((j) => j.info.kind === 'reindex')) void rebuildSearchIndex();
      break;
    case 'fontBigger':
      changeReaderFontSize(1);
      break;
    case 'fontSmaller':
      changeReaderFontSize(-1);
      break;
    case 'fontReset':
      changeReaderFontSize('reset');
      break;
    case 'shortcuts':
      s.setHelpOpen(true);
      break;
    case 'clearRecent':
      s.setRecentDocumentIds([]);
      break;
    case 'theme':
      s.setThemePref(c.theme);
      break;
    case 'lang':
      s.setLang(c.lang);
      break;
    case 'openDocument':
      showReader();
      void openDocument(c.id);
      break;
    case 'editText':
      // Edit mode handles its own keys and leaves by Save or Cancel; the menu only enters it.
      if (s.doc) {
        showReader();
        enterEditMode();
      }
      break;
    case 'versions':
      if (s.doc) {
        showReader();
        toggleVersions();
      }
      break;
    case 'openLibrarySafety':
      s.pushToast('info', tNow('setNotAvailable'));
      break;
  }
}

/** Starts listening to the application menu; nothing happens in browser mode. */
export function listenToMenu(): () => void {
  return onMenuCommand(runMenuCommand);
}
