// Starts the import worker from the source tree (tests, CLI, browser mode): Node cannot load
// TypeScript itself, so tsx is registered first. The Electron build bundles worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
