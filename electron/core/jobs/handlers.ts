// The jobs channels: start long work off the app's thread, poll its progress, cancel it.
import type { Handlers } from '../../../shared/contract';
import type { JobRunner } from './runner';

export function jobHandlers(jobs: JobRunner): Pick<Handlers, 'jobs.start' | 'jobs.get' | 'jobs.cancel'> {
  return {
    'jobs.start': (input) => jobs.start(input),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
  };
}
