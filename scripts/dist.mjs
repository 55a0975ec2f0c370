// `npm run dist [-- electron-builder args]`: installers for this platform (or the targets given, e.g. `-- --linux
// AppImage deb`) in out/. electron-builder rebuilds better-sqlite3 in node_modules for Electron's ABI while packaging;
// afterwards the Node build is put back, so `npm test`, the CLI and browser mode keep working.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

let status = run(npx, ['vite', 'build', '--logLevel', 'warn']);
if (status === 0) status = run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
if (status === 0) status = run(npx, ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
console.log('\nRestoring the Node build of better-sqlite3 ...');
const restored = run(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('Could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before `npm test`.');
process.exit(status || restored);
