// "Export these": the coded retrieval's passages through the export channel, as Markdown or Word.
import { api, saveExportFile } from '../api';
import { reportError } from '../actions';
import { tNow } from '../i18n';
import { useStore } from '../store';

export type PassageExportFormat = 'md' | 'docx';

export async function exportPassages(format: PassageExportFormat, themeIds: string[], annotationIds: string[]): Promise<void> {
  const s = useStore.getState();
  try {
    const file = await api['export.file']({ format, by: 'theme', themeIds, annotationIds });
    const name = await saveExportFile(file);
    if (name) s.pushToast('info', tNow('exported') + name + (file.warnings.length ? ` (${file.warnings.length} ⚠)` : ''));
  } catch (err) {
    // A format whose writer has not landed yet answers "unsupported": say so plainly.
    if ((err as { code?: string } | null)?.code === 'unsupported') s.pushToast('error', tNow('anFormatMissing').replace('{format}', format === 'md' ? 'Markdown' : 'Word'));
    else reportError(err);
  }
}
