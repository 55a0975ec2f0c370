// Saving an export (written by a backend job, with progress and cancel) and printing the handout.
import type { JobInfo } from '../../../shared/domain';
import { api, saveExportFile } from '../api';
import { reportError } from '../actions';
import { tNow } from '../i18n';
import { isCancelled, runJob } from '../jobs/runJob';
import { fill } from '../search/format';
import { useStore } from '../store';
import { fileRequest, formatInfo, previewRequest, type ExportChoices } from './options';

export interface SaveExportOptions {
  onProgress?: (info: JobInfo) => void;
  signal?: AbortSignal;
}

/** Writes the file off the app's thread and saves it; the warnings it came with, or null when it failed or was cancelled. */
export async function saveExport(choices: ExportChoices, opts: SaveExportOptions = {}): Promise<string[] | null> {
  const s = useStore.getState();
  const label = fill(tNow('jobKindExport'), { format: tNow(formatInfo(choices.format).label) });
  try {
    const { file } = await runJob({ kind: 'export', input: fileRequest(choices) }, { label, ...opts });
    const saved = await saveExportFile(file);
    if (!saved) return null;
    s.pushToast('info', tNow('exported') + saved);
    return file.warnings;
  } catch (err) {
    if (isCancelled(err)) s.pushToast('info', fill(tNow('jobCancelled'), { job: label }));
    else if ((err as { code?: string } | null)?.code === 'unsupported') s.pushToast('error', tNow('xpUnsupported').replace('{format}', tNow(formatInfo(choices.format).label)));
    else reportError(err);
    return null;
  }
}

const PRINT_ROOT_ID = 'pz-print-root';
const PRINTING_CLASS = 'pz-printing';

/**
 * Prints every page of the handout (or notes) as the preview draws them: the pages go into a print-only
 * element, the stylesheet hides the app while printing, and the browser's print dialog (which also saves
 * PDF) takes over.
 */
export async function printPages(choices: ExportChoices): Promise<void> {
  const input = previewRequest(choices, true);
  if (!input) return;
  try {
    const { html } = await api['export.preview'](input);
    const root = document.getElementById(PRINT_ROOT_ID) ?? document.body.appendChild(document.createElement('div'));
    root.id = PRINT_ROOT_ID;
    // Built by the backend from escaped text only (no markup from notes or documents).
    root.innerHTML = html;
    document.documentElement.classList.add(PRINTING_CLASS);
    const done = () => {
      document.documentElement.classList.remove(PRINTING_CLASS);
      root.innerHTML = '';
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  } catch (err) {
    reportError(err);
  }
}
