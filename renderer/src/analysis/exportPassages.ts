// "Export these": the coded retrieval's passages through the export channel, as Markdown or Word.
import { api, saveBlobFile, saveTextFile } from '../api';
import { reportError } from '../actions';
import { tNow } from '../i18n';
import { useStore } from '../store';

export type PassageExportFormat = 'md' | 'docx';

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function exportPassages(format: PassageExportFormat, themeIds: string[], annotationIds: string[]): Promise<void> {
  const s = useStore.getState();
  try {
    const file = await api['export.file']({ format, by: 'theme', themeIds, annotationIds });
    const name =
      file.encoding === 'base64'
        ? saveBlobFile(file.suggestedName, base64ToBytes(file.data), file.mime)
        : format === 'md'
          ? await saveTextFile(file.suggestedName, file.data)
          : saveBlobFile(file.suggestedName, file.data, file.mime);
    if (name) s.pushToast('info', tNow('exported') + name + (file.warnings.length ? ` (${file.warnings.length} ⚠)` : ''));
  } catch (err) {
    // A format whose writer has not landed yet answers "unsupported": say so plainly.
    if ((err as { code?: string } | null)?.code === 'unsupported') s.pushToast('error', tNow('anFormatMissing').replace('{format}', format === 'md' ? 'Markdown' : 'Word'));
    else reportError(err);
  }
}
