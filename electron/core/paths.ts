// Where bundled resources live when running from the source tree (CLI, tests, browser mode).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bundledSeedsDir = join(projectRoot, 'seeds');
export const rendererDistDir = join(projectRoot, 'dist', 'renderer');
