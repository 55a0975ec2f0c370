// The jobs channels: start long work off the app's thread, poll its progress, cancel it.
import type { Handlers } from '../../../shared/contract';
import type { FileGrants } from '../fileGrants';
import type { JobRunner } from './runner';

export function jobHandlers(jobs: JobRunner, grants: FileGrants): Pick<Handlers, 'jobs.start' | 'jobs.get' | 'jobs.cancel'> {
  return {
    // The worker gets the path of the file the user chose, never a path from the page.
    'jobs.start': (input) =>
      jobs.start(input.kind === 'libraryExport' ? { kind: 'libraryExport', toPath: input.to === undefined ? undefined : grants.take(input.to, 'write') } : input),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
  };
}
