// One interface for every export format (as the import side has): a writer turns the library's
// selection into one file and collects warnings instead of aborting.
import type { InputOf } from '../../../../shared/contract';
import type { ExportFile, ExportFormat } from '../../../../shared/domain';
import type { ServiceContext } from '../../services/context';
import type { ExportProgress } from '../progress';

export type ExportRequest = InputOf<'export.file'>;

export interface ExportWriter {
  format: ExportFormat;
  write(ctx: ServiceContext, request: ExportRequest, progress: ExportProgress): ExportFile | Promise<ExportFile>;
}
