import { benchWordExport } from './bench/export';
const rows = await benchWordExport();
for (const r of rows) console.log(r.name.padEnd(50), r.ours.toFixed(1), r.baseline?.toFixed(1), r.goal);
