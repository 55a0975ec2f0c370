import { library } from './bench/exchange';
import { wordModel } from './electron/core/export/word/wordExport';
import { packDocx } from './electron/core/export/word/toDocx';
const { lib } = library();
const ma = wordModel(lib.ctx, 'notes', { colorHighlights: true });
await packDocx(ma);
const xs: number[] = [];
for (let i = 0; i < 4; i++) { const c = process.cpuUsage(); await packDocx(ma); const d = process.cpuUsage(c); xs.push((d.user + d.system) / 1000); }
console.log('pack cpu ms', xs.map((x) => x.toFixed(0)).join(' '));
lib.close();
