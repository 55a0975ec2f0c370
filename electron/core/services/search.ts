// Library-wide search. In the app it runs in a worker thread with its own connection, so a long
// query or a bulk re-index never freezes the window; the CLI (one query, then exit) runs it in process.
import type { SearchResult } from '../../../shared/domain';
import { SearchWorkerClient } from '../search/client';
import { SearchEngine, type SearchInput } from '../search/engine';
import type { ServiceContext } from './context';

export type SearchMode = 'worker' | 'inline';

export interface SearchOptions {
  mode?: SearchMode;
  /** Folded text kept in memory, in UTF-16 code units (default 64M; env PIZHU_SEARCH_CACHE_CHARS). */
  cacheChars?: number;
}

export interface SearchService {
  query(input: SearchInput): Promise<SearchResult>;
  /** Rebuilds the index from every document. */
  reindex(): Promise<{ documents: number; elapsedMs: number }>;
  /** Indexes what changed now (e.g. after a bulk import) instead of at the next query. */
  catchUp(): Promise<number>;
  /** Starts the worker, opens its connection and loads the texts, so the first query is fast; resolves when loaded. */
  warm(): Promise<void>;
  /** Stops the worker; resolves once its thread (and so its connection) has ended. */
  close(): Promise<void>;
}

function cacheCharsFromEnv(): number | undefined {
  const n = Number(process.env.PIZHU_SEARCH_CACHE_CHARS);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function createSearchService(ctx: ServiceContext, opts: SearchOptions = {}): SearchService {
  const cacheChars = opts.cacheChars ?? cacheCharsFromEnv();
  let inline: SearchEngine | null = null;
  const inProcess = () => (inline ??= new SearchEngine(ctx.db, { cacheChars }));
  // An in-memory database cannot be opened a second time by a worker.
  const useWorker = (opts.mode ?? 'worker') === 'worker' && ctx.db.name !== ':memory:' && ctx.db.name !== '';
  let worker: SearchWorkerClient | null = useWorker ? new SearchWorkerClient({ dbFile: ctx.db.name, cacheChars }) : null;

  async function call<T>(method: 'query' | 'reindex' | 'catchUp', input: SearchInput | undefined, run: (e: SearchEngine) => T): Promise<T> {
    if (worker) {
      try {
        return await worker.call<T>(method, input);
      } catch (err) {
        // A worker that never answered could not start (e.g. a packaged build missing its file): search in process.
        if (!worker || worker.answered) throw err;
        console.warn(`pizhu: search worker unavailable, searching in process: ${(err as Error).message}`);
        void worker.close();
        worker = null;
      }
    }
    return run(inProcess());
  }

  return {
    async query(input) {
      const began = performance.now();
      const result = await call('query', input, (e) => e.query(input));
      return { ...result, elapsedMs: performance.now() - began };
    },
    reindex: () => call('reindex', undefined, (e) => e.reindex()),
    catchUp: () => call('catchUp', undefined, (e) => e.catchUp()),
    async warm() {
      // In process there is nothing to gain: the CLI asks one question and exits.
      if (worker) await worker.call('warm').catch(() => {});
    },
    async close() {
      const stopping = worker?.close();
      worker = null;
      await stopping;
    },
  };
}
