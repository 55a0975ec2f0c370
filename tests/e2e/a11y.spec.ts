// Keyboard and screen-reader access: axe-core (WCAG 2.1 A/AA) on the main screen, the search panel and the import,
// export and settings dialogs, in the light and the dark theme; a visible focus ring on whatever the keyboard
// reaches; and a spoken name on every button that shows only a symbol.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, setScheme, test, openApp } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

async function seriousViolations(page: Page, include?: string): Promise<Finding[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`) }));
}

/** Buttons that show only a symbol (×, ⚙, ↻ …) must say what they do to a screen reader. */
async function unlabelledIconButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null)
      .filter((b) => !/[\p{L}\p{N}]/u.test(b.textContent ?? ''))
      .filter((b) => !(b.getAttribute('aria-label') ?? '').trim() && !b.getAttribute('aria-labelledby'))
      .map((b) => b.outerHTML.slice(0, 140)),
  );
}

/** The outline drawn around the focused element, as computed. */
function focusOutline(page: Page): Promise<{ tag: string; style: string; width: string; color: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const name = el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 12) ?? '';
    return { tag: `${el.tagName} ${name}`, style: cs.outlineStyle, width: cs.outlineWidth, color: cs.outlineColor };
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations, ${scheme}`, async ({ page, app }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    await openApp(page, app.server.url);
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await setScheme(page, scheme);
    const report: Record<string, Finding[]> = {};
    const icons: Record<string, string[]> = {};

    report.main = await seriousViolations(page);
    icons.main = await unlabelledIconButtons(page);

    await page.keyboard.press('Control+Shift+F');
    await page.getByTestId('search-input').fill('新质生产力');
    await expect(page.getByTestId('kwic-line').first()).toBeVisible();
    report.search = await seriousViolations(page);
    icons.search = await unlabelledIconButtons(page);
    await page.getByTestId('search-input').press('Escape');

    await page.keyboard.press('Control+o');
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    report.import = await seriousViolations(page, '[data-testid="import-dialog"]');
    icons.import = await unlabelledIconButtons(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();

    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await page.locator('[data-testid="export-format"][data-format="docx"]').check();
    await expect(page.getByTestId('export-preview')).toHaveAttribute('aria-busy', 'false');
    report.export = await seriousViolations(page, '[data-testid="export-dialog"]');
    icons.export = await unlabelledIconButtons(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toBeHidden();

    await page.keyboard.press('Control+,');
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    report.settings = await seriousViolations(page, '[data-testid="settings-dialog"]');
    icons.settings = await unlabelledIconButtons(page);

    expect(report).toEqual({ main: [], search: [], import: [], export: [], settings: [] });
    expect(icons).toEqual({ main: [], search: [], import: [], export: [], settings: [] });
  });

  test(`the keyboard focus is always visible, ${scheme}`, async ({ page, app }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openApp(page, app.server.url);
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await setScheme(page, scheme);
    // Walk the top bar, the library and the reader's tools with Tab: every stop draws a solid ring at least 2 px wide.
    // Start from the top: a click on the brand (not focusable) puts the focus navigation starting point there.
    await page.locator('.brand').click();
    const stops: string[] = [];
    for (let i = 0; i < 19; i++) {
      await page.keyboard.press('Tab');
      const o = await focusOutline(page);
      stops.push(o.tag);
      expect(o.style, `focus ring on ${o.tag}`).not.toBe('none');
      expect(parseFloat(o.width), `focus ring width on ${o.tag}`).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(stops).size).toBeGreaterThan(16);
    // And inside a dialog.
    await page.keyboard.press('Control+,');
    await expect(page.getByTestId('settings-lang-zh')).toBeFocused();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const o = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // A visually hidden radio shows its ring on its label.
        const shown = el.matches('.set-seg-item input') ? el.parentElement! : el;
        const cs = getComputedStyle(shown);
        return { tag: `${el.tagName}.${el.className}`, style: cs.outlineStyle, width: cs.outlineWidth };
      });
      expect(o.style, `focus ring on ${o.tag}`).not.toBe('none');
      expect(parseFloat(o.width)).toBeGreaterThanOrEqual(2);
    }
  });
}
