import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openLibrary, type Library, type LibraryOptions } from '../../electron/core/library';
import { bundledSeedsDir } from '../../electron/core/paths';

const dirs: string[] = [];
const libs: Library[] = [];

afterEach(() => {
  for (const l of libs.splice(0)) l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pizhu-test-'));
  dirs.push(d);
  return d;
}

/** A real library on a real SQLite file in a fresh folder, closed after the test. */
export function open(opts: Partial<LibraryOptions> = {}): Library {
  const lib = openLibrary({ libraryDir: opts.libraryDir ?? tempDir(), seedsDir: opts.seedsDir === undefined ? bundledSeedsDir : opts.seedsDir, ...opts });
  libs.push(lib);
  return lib;
}

export function closeAndForget(lib: Library): void {
  lib.close();
  libs.splice(libs.indexOf(lib), 1);
}

/** The bundled seeds as documents: 000, 003 and 004 one article each, 001 and 002 seven each. */
export const SEED_DOCUMENT_COUNT = 17;

/** Runs `work` and counts the turns of this thread's event loop meanwhile: work that holds the thread allows none. */
export async function loopTurnsWhile<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  try {
    return { value: await work(), turns };
  } finally {
    running = false;
  }
}
