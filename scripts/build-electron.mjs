// Bundles the Electron main process and the preload into single CJS files under dist-electron/.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist-electron/main/index.cjs',
    external: ['electron', 'better-sqlite3'],
    // The search client's source-tree branch uses import.meta.url; the bundle takes the __filename branch.
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  // The search worker thread, loaded from beside the main bundle (electron/core/search/client.ts).
  build({
    ...common,
    entryPoints: ['electron/core/search/worker.ts'],
    outfile: 'dist-electron/main/searchWorker.cjs',
    external: ['better-sqlite3'],
  }),
  // The jobs worker thread (exports, reindex, backups), loaded from beside the main bundle (electron/core/jobs/runner.ts).
  build({
    ...common,
    entryPoints: ['electron/core/jobs/worker.ts'],
    outfile: 'dist-electron/main/jobWorker.cjs',
    external: ['better-sqlite3'],
  }),
  // The import worker thread (parsing and cleaning files), loaded from beside the main bundle (electron/core/import/workerClient.ts).
  build({
    ...common,
    entryPoints: ['electron/core/import/worker.ts'],
    outfile: 'dist-electron/main/importWorker.cjs',
    // pdf.js's data folder is found from __filename in the bundle; import.meta.url is the source tree's branch.
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist-electron/preload/index.cjs',
    external: ['electron'],
  }),
]);

console.log('Built dist-electron/main/index.cjs and dist-electron/preload/index.cjs');
