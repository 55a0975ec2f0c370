// A REFI-QDA project (.qdpx): a zip with project.qde, the documents as plain UTF-8 text in a
// lowercase sources/ folder, and pizhu.json with what only Pizhu reads back.
import JSZip from 'jszip';
import type { ExportFile } from '../../../../shared/domain';
import type { ServiceContext } from '../../services/context';
import { EXTENSIONS_FILE } from '../refi/extensions';
import { buildExtensions, loadProject } from '../refi/load';
import { buildProject } from '../refi/project';
import type { ExportRequest, ExportWriter } from './types';

export const PROJECT_FILE = 'project.qde';
export const SOURCES_FOLDER = 'sources';

async function write(ctx: ServiceContext, request: ExportRequest): Promise<ExportFile> {
  const input = loadProject(ctx, request);
  const { xml, sources, warnings } = buildProject(input);
  // A fixed date keeps two exports of the same library byte-identical.
  const options = { date: new Date(input.exportedAt) };
  const zip = new JSZip();
  zip.file(PROJECT_FILE, xml, options);
  for (const [name, text] of sources) zip.file(`${SOURCES_FOLDER}/${name}`, text, options);
  zip.file(EXTENSIONS_FILE, JSON.stringify(buildExtensions(input)), options);
  const data = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
  if (!input.documents.length) warnings.push('No documents in the selection: the project is empty.');
  return { data, encoding: 'base64', mime: 'application/zip', suggestedName: `pizhu-project-${input.exportedAt.slice(0, 10)}.qdpx`, warnings };
}

export const qdpxWriter: ExportWriter = { format: 'qdpx', write };
