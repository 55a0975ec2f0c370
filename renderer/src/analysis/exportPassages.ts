// "Export these": the coded retrieval's passages as Markdown or Word, written by a backend export job (off the
// app's thread, with progress and cancel, in the tasks indicator like every export) and then saved.
import type { JobInfo } from '../../../shared/domain';
import { saveExportFile } from '../api';
import { reportError } from '../actions';
import { formatInfo } from '../export/options';
import { tNow } from '../i18n';
import { isCancelled, runJob } from '../jobs/runJob';
import { fill } from '../search/format';
import { useStore } from '../store';

export type PassageExportFormat = 'md' | 'docx';

export interface PassageExportOptions {
  onProgress?: (info: JobInfo) => void;
  /** Aborting it cancels the job. */
  signal?: AbortSignal;
}

/** The job in the user's words: "Export Word (.docx)". */
export function passageExportLabel(format: PassageExportFormat): string {
  return fill(tNow('jobKindExport'), { format: tNow(formatInfo(format).label) });
}

export async function exportPassages(format: PassageExportFormat, themeIds: string[], annotationIds: string[], opts: PassageExportOptions = {}): Promise<void> {
  const s = useStore.getState();
  const label = passageExportLabel(format);
  try {
    const { file } = await runJob({ kind: 'export', input: { format, by: 'theme', themeIds, annotationIds } }, { label, ...opts });
    const name = await saveExportFile(file);
    if (name) s.pushToast('info', tNow('exported') + name + (file.warnings.length ? ` (${file.warnings.length} ⚠)` : ''));
  } catch (err) {
    if (isCancelled(err)) s.pushToast('info', fill(tNow('jobCancelled'), { job: label }));
    // A format whose writer has not landed yet answers "unsupported": say so plainly.
    else if ((err as { code?: string } | null)?.code === 'unsupported') s.pushToast('error', fill(tNow('anFormatMissing'), { format: format === 'md' ? 'Markdown' : 'Word' }));
    else reportError(err);
  }
}
