// Each test gets the real backend on a fresh SQLite library behind the loopback transport,
// serving the built renderer (npm test builds it first).
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/core/library';
import { bundledSeedsDir, rendererDistDir } from '../../electron/core/paths';
import { startServer, type RunningServer } from '../../electron/core/server/http';

export const shotsDir = join('test-results', 'screens');

interface App {
  lib: Library;
  server: RunningServer;
  libraryDir: string;
}

export const test = base.extend<{ app: App }>({
  app: async ({}, use) => {
    if (!existsSync(join(rendererDistDir, 'index.html'))) throw new Error('Build the renderer first: npx vite build');
    const libraryDir = mkdtempSync(join(tmpdir(), 'pizhu-e2e-'));
    const lib = openLibrary({ libraryDir, seedsDir: bundledSeedsDir, userName: 'e2e' });
    const server = await startServer({ handlers: lib.handlers, staticDir: rendererDistDir });
    await use({ lib, server, libraryDir });
    await server.close();
    lib.close();
    rmSync(libraryDir, { recursive: true, force: true });
  },
});

export { expect };

/** Drags the real mouse across `quote` inside the reader, from its first to its last character. */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  await expect(page.getByTestId('reader-text')).toContainText(quote);
  const box = await page.evaluate((q) => {
    const root = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(q);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const first = document.createRange();
      first.setStart(n, at);
      first.setEnd(n, at + 1);
      const last = document.createRange();
      last.setStart(n, at + q.length - 1);
      last.setEnd(n, at + q.length);
      const a = first.getClientRects()[0];
      const b = last.getClientRects()[0];
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    throw new Error(`quote not on the page: ${q}`);
  }, quote);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** The text of every range painted with the CSS Custom Highlight API, by highlight name. */
export function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      out[name] = [...h].map((r) => r.toString());
    });
    return out;
  });
}
