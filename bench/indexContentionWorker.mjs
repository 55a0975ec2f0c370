// The thread that rebuilds the search index for bench/indexContention.ts, on its own connection: the app's
// indexer (electron/core/search/indexer.ts), or the baseline that tokenises inside its write transactions
// (2,000,000 characters each, back to back) and optimizes the index in one go.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { openDatabase } = await import('../electron/core/db/connection.ts');
const { rebuild } = await import('../electron/core/search/indexer.ts');
const repo = await import('../electron/core/repos/search.ts');
const { documentTokens } = await import('../electron/core/search/tokens.ts');
const { foldForSearch, toSimplified } = await import('../shared/chinese.ts');

function naiveRebuild(db) {
  db.transaction(() => repo.resetIndex(db)).immediate();
  const batch = db.transaction(() => {
    let chars = 0;
    let count = 0;
    while (chars < 2_000_000) {
      const ids = repo.dirtyDocumentIds(db, 200);
      if (!ids.length) break;
      for (const id of ids) {
        repo.removeFromIndex(db, id);
        const text = repo.liveDocumentText(db, id) ?? '';
        const simplified = toSimplified(text);
        repo.addToIndex(db, { documentId: id, length: text.length, simplified: simplified === text ? null : simplified, tokens: documentTokens(foldForSearch(simplified, false)) });
        chars += text.length + 1;
      }
      repo.clearDirty(db, ids);
      count += ids.length;
    }
    return count;
  });
  while (batch.immediate() > 0);
  db.transaction(() => db.prepare(`INSERT INTO search_index (search_index) VALUES ('optimize')`).run()).immediate();
}

const db = openDatabase(workerData.file);
const began = performance.now();
if (workerData.indexer === 'ours') rebuild(db);
else naiveRebuild(db);
const ms = performance.now() - began;
db.close();
parentPort.postMessage(ms);
