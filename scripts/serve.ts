// Browser mode: the real backend and UI on a loopback address, for machines without Electron and for tests.
import { openLibrary } from '../electron/core/library';
import { bundledSeedsDir, rendererDistDir } from '../electron/core/paths';
import { startServer } from '../electron/core/server/http';
import { defaultLibraryDir } from '../electron/core/cli/libraryDir';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}


const libraryDir = arg('--library') ?? defaultLibraryDir();
const lib = openLibrary({ libraryDir, seedsDir: process.argv.includes('--no-seeds') ? null : bundledSeedsDir, warmSearch: true });
const server = await startServer({ handlers: lib.handlers, staticDir: rendererDistDir, port: Number(arg('--port') ?? 0) });
console.log(`Pizhu library: ${libraryDir}`);
console.log(`Open Pizhu in your browser (this machine only): ${server.url}`);
const stop = async () => {
  await server.close();
  lib.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
