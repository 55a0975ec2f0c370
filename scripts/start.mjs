// `npm start`: build the UI and the Electron bundles, then run the desktop app. Without an
// Electron binary (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD), serve the same UI in a browser.
//
// Electron needs better-sqlite3 compiled against its own ABI. We build that copy once into
// .native/electron-<version>/ and point the backend at it with PIZHU_SQLITE_BINDING, so the
// Node build in node_modules (used by `npm test`, the CLI and browser mode) is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) {
    console.error(`\nFailed: ${cmd} ${cmdArgs.join(' ')} (exit ${r.status ?? r.signal ?? r.error?.message})`);
    process.exit(1);
  }
}

/** The Electron executable, or a reason why there is none. */
function findElectron() {
  let version;
  try {
    version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  let bin;
  try {
    bin = require('electron'); // a path string when required from Node
  } catch {
    return { reason: 'the electron package has no downloaded binary' };
  }
  if (typeof bin !== 'string' || !existsSync(bin)) return { reason: `no binary at ${bin}` };
  return { bin, version };
}

/** Builds (once) better-sqlite3 for this Electron version; returns the .node file. */
function ensureElectronSqlite(version) {
  const outDir = join(root, '.native', `electron-${version}`);
  const out = join(outDir, 'better_sqlite3.node');
  if (existsSync(out)) return out;

  console.log(`Building better-sqlite3 for Electron ${version} (once; result cached in ${outDir}) ...`);
  const src = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'pizhu-sqlite-'));
  try {
    const pkgDir = join(work, 'better-sqlite3');
    cpSync(src, pkgDir, { recursive: true, filter: (p) => !p.includes(`${join(src, 'build')}`) });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    // A configured nodedir (e.g. in ~/.npmrc) would silently build against Node's headers: drop it.
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];
    const r = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: pkgDir, stdio: 'inherit', env },
    );
    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0 || !existsSync(built)) {
      console.error(
        `\nCould not build better-sqlite3 for Electron ${version}.\n` +
          'This needs a C++ toolchain (python3, make, a C++ compiler; on Windows the VS Build Tools)\n' +
          'and network access to https://electronjs.org/headers for the Electron headers.\n' +
          'Alternatively run `npx tsx scripts/serve.ts` to use Pizhu in a browser.',
      );
      process.exit(1);
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, out);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function forward(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

console.log('Building the renderer ...');
run(npx, ['vite', 'build', '--logLevel', 'warn']);
console.log('Building the Electron bundles ...');
run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);

const electron = findElectron();
if (electron.bin) {
  const binding = ensureElectronSqlite(electron.version);
  const env = { ...process.env, PIZHU_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  forward(spawn(electron.bin, ['.', ...args], { cwd: root, stdio: 'inherit', env }));
} else {
  console.log(`\nElectron is not available on this machine (${electron.reason}); serving the same UI in your browser instead.\n`);
  const tsxCli = require.resolve('tsx/cli');
  forward(spawn(process.execPath, [tsxCli, join(root, 'scripts', 'serve.ts'), ...args], { cwd: root, stdio: 'inherit' }));
}
