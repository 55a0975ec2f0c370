// Saving while the search index is rebuilt, in `npm run bench`: a generated library of 600 documents
// (about 9 million characters) is re-indexed in a worker thread on its own connection, as the app's search
// worker and reindex job do, while the app's thread saves a revision of one document every 50 ms through
// the real handler. Reported: the slowest save and the rebuild's time, with the app's indexer (tokenising
// outside the lock, short transactions with room between them, merging in steps) next to the former
// one (tokenising inside 2,000,000-character transactions run back to back, one 'optimize').
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentRecord, DocumentSummary } from '../shared/domain';
import { openLibrary } from '../electron/core/library';
import { projectRoot } from '../electron/core/paths';
import { generateCorpus, insertCorpus } from './searchCorpus';
import { median, type BenchRow } from './stats';

const DOCUMENTS = 600;
const CHARS_PER_DOCUMENT = 15_000;
const SAVE_EVERY_MS = 50;
const RUNS = 3;

type Indexer = 'ours' | 'naive';

interface Round {
  rebuildMs: number;
  saves: number;
  slowestSaveMs: number;
  medianSaveMs: number;
}

export interface IndexContentionDetail {
  documents: number;
  characters: number;
  rounds: Record<Indexer, Round[]>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchIndexContention(): Promise<{ rows: BenchRow[]; detail: IndexContentionDetail }> {
  const libraryDir = mkdtempSync(join(tmpdir(), 'pizhu-bench-contention-'));
  const lib = openLibrary({ libraryDir, seedsDir: null, userName: 'bench', search: 'inline', dailyBackup: false });
  try {
    insertCorpus(lib.ctx.db, lib.ctx.userId, generateCorpus(DOCUMENTS, CHARS_PER_DOCUMENT, 5), lib.ctx.newId);
    const h = lib.handlers;
    const docs = h['documents.list']({}) as DocumentSummary[];
    const target = docs[0].id;
    let text = (h['documents.get']({ id: target }) as DocumentRecord).text;
    const rounds: IndexContentionDetail['rounds'] = { ours: [], naive: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const indexer of ['naive', 'ours'] as const) {
        const worker = new Worker(join(projectRoot, 'bench', 'indexContentionWorker.mjs'), { workerData: { file: lib.ctx.db.name, indexer } });
        let rebuildMs: number | null = null;
        let failed: unknown = null;
        worker.once('message', (ms: number) => (rebuildMs = ms));
        worker.once('error', (e) => (failed = e));
        const saves: number[] = [];
        // The thread loads its modules first; saves start once it is at work and stop when it is done.
        await sleep(300);
        while (rebuildMs === null && failed === null) {
          text = text.startsWith('〇') ? text.slice(1) : '〇' + text;
          const began = performance.now();
          await h['documents.revise']({ id: target, text });
          saves.push(performance.now() - began);
          await sleep(SAVE_EVERY_MS);
        }
        await worker.terminate();
        if (failed) throw failed;
        rounds[indexer].push({ rebuildMs: rebuildMs!, saves: saves.length, slowestSaveMs: Math.max(...saves), medianSaveMs: median(saves) });
      }
    }
    const med = (indexer: Indexer, key: 'rebuildMs' | 'slowestSaveMs') => median(rounds[indexer].map((r) => r[key]));
    const size = `${DOCUMENTS} documents, ${(docs.reduce((n, d) => n + d.length, 0) / 1e6).toFixed(1)}M chars`;
    const baselineName = 'tokenising inside 2M-char write transactions, one optimize';
    const rows: BenchRow[] = [
      { name: `save a revision while the search index is rebuilt (${size}): slowest save`, unit: 'ms', ours: med('ours', 'slowestSaveMs'), baseline: med('naive', 'slowestSaveMs'), baselineName, goal: null },
      { name: `search index rebuild in a worker, saves every ${SAVE_EVERY_MS} ms meanwhile`, unit: 'ms', ours: med('ours', 'rebuildMs'), baseline: med('naive', 'rebuildMs'), baselineName, goal: null },
    ];
    return { rows, detail: { documents: DOCUMENTS, characters: docs.reduce((n, d) => n + d.length, 0), rounds } };
  } finally {
    lib.close();
    rmSync(libraryDir, { recursive: true, force: true });
  }
}
