// read → decode → parse → clean → split for one file's bytes: everything of an import but storing it.
// Pure and self-contained, so that it can run in the import worker thread as well as in process.
import { basename } from 'node:path';
import type { ImportOptions } from '../../../shared/domain';
import { formatFor } from './formats';
import type { ParsedDocument } from './formats/types';
import { prepareImport, type PreparedImport } from './pipeline';

export interface ParsedFile {
  parsed: ParsedDocument;
  prepared: PreparedImport;
}

/** `fileTitle` is the title when the text names none (the file's name by default). */
export type FileParser = (bytes: Uint8Array, fileName: string, options: ImportOptions, fileTitle?: string) => Promise<ParsedFile>;

export const titleFromName = (fileName: string): string => basename(fileName).replace(/\.[^.]+$/, '') || 'Untitled';

export const parseFile: FileParser = async (bytes, fileName, options, fileTitle = titleFromName(fileName)) => {
  const parsed = await formatFor(fileName).parse(bytes, fileName, { encoding: options.encoding });
  return { parsed, prepared: prepareImport(parsed, fileTitle, options) };
};
