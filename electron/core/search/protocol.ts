// Messages between the app's thread and the search worker.
import type { SerializedError } from '../../../shared/errors';
import type { SearchInput } from './engine';

export interface WorkerInit {
  dbFile: string;
  cacheChars?: number;
}

export type WorkerRequest =
  | { id: number; method: 'query'; input: SearchInput }
  | { id: number; method: 'reindex' | 'catchUp' | 'warm' };

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
