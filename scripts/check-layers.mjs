#!/usr/bin/env node
// Layering lint (as VS Code's import rule): code may import only from the layers below it.
//   renderer/  → shared/, browser packages; never Node built-ins, electron or native modules
//   shared/    → no Node, no electron, nothing from other layers
//   electron/core → shared/ and Node; never electron, never the renderer
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NATIVE = ['electron', 'better-sqlite3'];

const rules = [
  { dir: 'renderer', forbid: (spec) => NODE.has(spec) || spec.startsWith('node:') || NATIVE.some((n) => spec === n || spec.startsWith(n + '/')) || /(^|\/)electron\//.test(spec) },
  { dir: 'shared', forbid: (spec) => NODE.has(spec) || spec.startsWith('node:') || NATIVE.includes(spec) || /\/(electron|renderer)\//.test(spec) },
  { dir: 'electron/core', forbid: (spec) => spec === 'electron' || spec.startsWith('electron/') || /(^|\/)renderer\//.test(spec) || /\/(main|preload)\//.test(spec) },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const problems = [];
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (rule.forbid(spec)) problems.push(`${relative(root, file)}: must not import '${spec}' (layer ${rule.dir})`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers: ok');
