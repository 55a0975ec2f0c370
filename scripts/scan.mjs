#!/usr/bin/env node
// `npm run scan`: the static security scan of the Electron shell.
//  1. electronegativity (Doyensec) over the source (electron/) and over the built shell (the esbuild bundles of
//     main and preload with the page's HTML). Any MEDIUM or HIGH finding not reviewed in scripts/scan-reviewed.json
//     fails the scan; reviewed ones are printed with the reason they are accepted.
//  2. electron-builder.yml against electron-builder's own schema, with the fuses the README promises.
// Offline and hermetic: electronegativity's two network calls (translations, the list of Electron releases for
// AvailableSecurityFixesGlobalCheck) are answered locally as unavailable, and that one check is left out.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const started = Date.now();
const failures = [];

// ---- electronegativity, run in process ----

const egDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const work = mkdtempSync(join(tmpdir(), 'pizhu-scan-'));
const offlineGot = join(work, 'got-offline.cjs');
writeFileSync(offlineGot, "const no = () => Promise.reject(new Error('offline: pizhu scan')); module.exports = Object.assign(no, { head: no, get: no, default: no });");

// Its TypeScript parser (@typescript-eslint/typescript-estree 4) is hoisted next to our TypeScript 7, whose API it
// cannot use: send its `typescript` to the 4.2 copy installed inside electronegativity.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && from.includes(`${join('node_modules', '@typescript-eslint')}`)) return resolve.call(this, request, parent, rest[0], { paths: [egDir] });
  if (request === 'got' && from.includes('electronegativity')) return offlineGot;
  return resolve.call(this, request, parent, ...rest);
};
process.env.LANG = 'en-US';
const runElectronegativity = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

const reviewed = JSON.parse(readFileSync(join(root, 'scripts', 'scan-reviewed.json'), 'utf8')).reviewed;

/** The built shell: bundles renamed .js (electronegativity reads .js/.ts/.html only) beside the page's HTML. */
function builtTree() {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('build-electron.mjs failed');
  const dir = join(work, 'built');
  mkdirSync(join(dir, 'main'), { recursive: true });
  mkdirSync(join(dir, 'preload'), { recursive: true });
  copyFileSync(join(root, 'dist-electron', 'main', 'index.cjs'), join(dir, 'main', 'index.js'));
  copyFileSync(join(root, 'dist-electron', 'preload', 'index.cjs'), join(dir, 'preload', 'index.js'));
  const html = existsSync(join(root, 'dist', 'renderer', 'index.html')) ? join(root, 'dist', 'renderer', 'index.html') : join(root, 'renderer', 'index.html');
  copyFileSync(html, join(dir, 'index.html'));
  return dir;
}

async function scan(label, input) {
  // Its progress output goes to console.log even when called as a library.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await runElectronegativity(
      { input, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true, parserPlugins: [], electronVersionOverride: electronVersion },
      false,
    );
  } finally {
    console.log = log;
  }
  for (const e of result.errors) if (!e.tolerable) failures.push(`${label}: could not parse ${relative(input, e.file)}: ${e.message}`);
  const rows = [];
  for (const issue of result.issues) {
    const file = issue.file === 'N/A' ? 'N/A' : `${label}/${issue.file}`;
    const accepted = reviewed.find((r) => r.check === issue.id && r.file === file);
    const blocking = issue.severity.value >= 2 && !accepted;
    if (blocking) failures.push(`${issue.id} (${issue.severity.name}, ${issue.confidence.name}) in ${file}:${issue.location.line} — not reviewed: ${issue.description}`);
    rows.push({ id: issue.id, severity: issue.severity.name, confidence: issue.confidence.name, where: `${file}:${issue.location.line}`, status: accepted ? 'reviewed' : blocking ? 'FAIL' : 'info' });
  }
  console.log(`\n${label}: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings`);
  for (const r of rows) console.log(`  ${r.status.padEnd(8)} ${r.severity.padEnd(6)} ${r.confidence.padEnd(9)} ${r.id.padEnd(38)} ${r.where}`);
}

try {
  await scan('electron', join(root, 'electron'));
  await scan('built', builtTree());
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---- electron-builder.yml ----

const yaml = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const builderConfig = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
try {
  await validateConfiguration(builderConfig, { isEnabled: false, add() {} });
} catch (err) {
  failures.push(`electron-builder.yml: ${err.message.split('\n')[0]}`);
}
const fuses = builderConfig.electronFuses ?? {};
const wantedFuses = { runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false };
for (const [fuse, value] of Object.entries(wantedFuses)) if (fuses[fuse] !== value) failures.push(`electron-builder.yml: electronFuses.${fuse} should be ${value}`);
console.log(`\nelectron-builder.yml: schema of electron-builder ${require('app-builder-lib/package.json').version}, fuses ${Object.keys(wantedFuses).length} checked`);

if (failures.length) {
  console.error(`\nscan: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nscan: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
