#!/usr/bin/env node
// Draws the app icon — 批 in white on a seal-red square, like a carved seal (白文印) — with Chromium, and writes
// resources/icon.png (1024 px), resources/icon.icns (macOS) and resources/icon.ico (Windows), the last two as
// containers of PNG images at the sizes each platform asks for. Run after changing the design:
//   node scripts/make-icon.mjs            (needs /usr/bin/chromium and the Noto Serif CJK font)
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources');

/** The icon at `size` px; below 64 px the seal's inner border is left out so the character stays legible. */
function svg(size) {
  const detail = size >= 64;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="red" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#b8392f"/>
      <stop offset="1" stop-color="#8f2520"/>
    </linearGradient>
    <filter id="shadow" x="-10%" y="-10%" width="120%" height="125%">
      <feDropShadow dx="0" dy="14" stdDeviation="18" flood-color="#3a0e0b" flood-opacity="0.32"/>
    </filter>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="184" fill="url(#red)" ${detail ? 'filter="url(#shadow)"' : ''}/>
  ${detail ? '<rect x="168" y="168" width="688" height="688" rx="118" fill="none" stroke="#f7eadb" stroke-opacity="0.88" stroke-width="16"/>' : ''}
  <text x="512" y="${detail ? 488 : 482}" text-anchor="middle" dominant-baseline="central"
        font-family="Noto Serif CJK SC" font-weight="700" font-size="${detail ? 520 : 640}" fill="#fbf3e8">批</text>
</svg>`;
}

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pngs = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true, type: 'png' }));
  }
} finally {
  await browser.close();
}

/** ICO: a directory of PNG images (Windows Vista and later read PNG entries; 256 px is written as 0). */
function ico(sizes) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  const entries = [];
  let offset = 6 + 16 * sizes.length;
  for (const size of sizes) {
    const data = pngs.get(size);
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    entries.push(e);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...sizes.map((s) => pngs.get(s))]);
}

/** ICNS: typed chunks of PNG data; the @2x types reuse the double-size image. */
function icns() {
  const types = [
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
    ['ic11', 32],
    ['ic12', 64],
    ['ic13', 256],
    ['ic14', 512],
  ];
  const chunks = types.map(([type, size]) => {
    const data = pngs.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon.png'), pngs.get(1024));
writeFileSync(join(out, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
writeFileSync(join(out, 'icon.icns'), icns());
console.log('Wrote resources/icon.png (1024 px), resources/icon.ico and resources/icon.icns');
