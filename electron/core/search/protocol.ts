// Messages between the app's thread and the search worker.
import type { WorkerAnswer } from '../requestWorker';
import type { SearchInput } from './engine';

export interface WorkerInit {
  dbFile: string;
  cacheChars?: number;
}

export type SearchRequest = { method: 'query'; input: SearchInput } | { method: 'reindex' | 'catchUp' | 'warm' };

export type WorkerRequest = SearchRequest & { id: number };

export type WorkerResponse = WorkerAnswer;
