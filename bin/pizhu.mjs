#!/usr/bin/env node
// The `pizhu` command: loads the TypeScript CLI through tsx, so it runs the same backend as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
