// Each test gets the real backend on a fresh SQLite library behind the loopback transport,
// serving the built renderer (npm test builds it first).
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/core/library';
import { bundledSeedsDir, rendererDistDir } from '../../electron/core/paths';
import { startServer, type RunningServer } from '../../electron/core/server/http';
import type { Handlers } from '../../shared/contract';

export const shotsDir = join('test-results', 'screens');

interface App {
  lib: Library;
  server: RunningServer;
  libraryDir: string;
}

/** Milliseconds each `import.file` call waits before running, so that a test can watch the progress and cancel. */
type Options = { importDelayMs: number };

function withImportDelay(handlers: Handlers, ms: number): Handlers {
  if (ms <= 0) return handlers;
  const slow: Handlers['import.file'] = async (input) => {
    await new Promise((r) => setTimeout(r, ms));
    return handlers['import.file'](input);
  };
  return { ...handlers, 'import.file': slow };
}

export const test = base.extend<{ app: App } & Options>({
  importDelayMs: [0, { option: true }],
  app: async ({ importDelayMs }, use) => {
    if (!existsSync(join(rendererDistDir, 'index.html'))) throw new Error('Build the renderer first: npx vite build');
    const libraryDir = mkdtempSync(join(tmpdir(), 'pizhu-e2e-'));
    const lib = openLibrary({ libraryDir, seedsDir: bundledSeedsDir, userName: 'e2e', warmSearch: true, importWorker: true });
    const server = await startServer({ handlers: withImportDelay(lib.handlers, importDelayMs), staticDir: rendererDistDir });
    await use({ lib, server, libraryDir });
    await server.close();
    lib.close();
    rmSync(libraryDir, { recursive: true, force: true });
  },
});

export { expect };

/** A loaded machine listing a large test library (10,000 documents) can take seconds; readiness is not what is measured. */
const READY_TIMEOUT_MS = 30_000;

/** Opens the app and waits until it has listed the library and its keyboard shortcuts listen. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: READY_TIMEOUT_MS });
}

/** Reloads the window and waits as openApp does. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: READY_TIMEOUT_MS });
}

/** The theme and interface language, switched with the top bar's toggles when they differ. */
export async function setScheme(page: Page, scheme: 'light' | 'dark', lang?: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== scheme) await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  if (lang && (await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('toggle-lang').click();
}

/** Screenshots in light Chinese and dark English (and back). */


interface Point {
  x: number;
  y: number;
}

/** Screen centres of the first, middle and last characters of `quote` in the reader, scrolled into view. */
async function quotePoints(page: Page, quote: string): Promise<{ first: Point; middle: Point; last: Point }> {
  await expect(page.getByTestId('reader-text')).toContainText(quote);
  return page.evaluate((q) => {
    const root = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(q);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const centre = (offset: number) => {
        const r = document.createRange();
        r.setStart(n, offset);
        r.setEnd(n, offset + 1);
        const rect = r.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      };
      return { first: centre(at), middle: centre(at + Math.floor(q.length / 2)), last: centre(at + q.length - 1) };
    }
    throw new Error(`quote not on the page: ${q}`);
  }, quote);
}

/** Drags the real mouse across `quote` inside the reader, from its first to its last character. */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  const { first, middle, last } = await quotePoints(page, quote);
  // From the left edge of the first character to the right edge of the last one.
  await page.mouse.move(first.x - 6, first.y);
  await page.mouse.down();
  await page.mouse.move(middle.x, middle.y, { steps: 5 });
  await page.mouse.move(last.x + 6, last.y, { steps: 5 });
  await page.mouse.up();
}

/** Clicks the middle of `quote` in the reader. */
export async function clickQuote(page: Page, quote: string): Promise<void> {
  const { middle } = await quotePoints(page, quote);
  await page.mouse.click(middle.x, middle.y);
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
