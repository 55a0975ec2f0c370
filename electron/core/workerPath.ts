// Where a worker thread's code is: beside the main bundle in the app, the source entry under tsx/vitest.
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * In a packaged app the bundle sits inside app.asar, but the worker bundles are unpacked
 * (electron-builder.yml asarUnpack): a worker thread is not guaranteed Electron's asar reader,
 * so it is started from app.asar.unpacked, where its only external (better-sqlite3) is unpacked too.
 */
export function workerUrl(bundleName: string, sourceEntry: () => URL): URL {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    const dir = dirname(__filename).replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
    return pathToFileURL(join(dir, bundleName));
  }
  return sourceEntry();
}
