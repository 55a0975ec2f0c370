// The codebook alone as a REFI-QDA codebook (.qdc): every theme, nested, with colour and description.
import type { ExportFile } from '../../../../shared/domain';
import { PizhuError } from '../../../../shared/errors';
import { listThemes } from '../../repos/themes';
import type { ServiceContext } from '../../services/context';
import { codeElements } from '../refi/codes';
import { PIZHU_ORIGIN } from '../refi/load';
import { el, serializeXml } from '../refi/xml';
import type { ExportRequest, ExportWriter } from './types';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

function write(ctx: ServiceContext, _request: ExportRequest): ExportFile {
  const themes = listThemes(ctx.db);
  // The schema wants at least one code.
  if (!themes.length) throw new PizhuError('invalid_input', 'The codebook is empty: add a theme before exporting it.');
  const xml = serializeXml(el('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: PIZHU_ORIGIN }, el('Codes', {}, codeElements(themes, { memoRefs: false }))));
  return { data: xml, encoding: 'utf-8', mime: 'application/xml', suggestedName: `pizhu-codebook-${ctx.now().slice(0, 10)}.qdc`, warnings: [] };
}

export const qdcWriter: ExportWriter = { format: 'qdc', write };
