// Library search, find in document and the reading script switch, through the real backend on the seeds.
// Expected counts come from a plain scan of the stored texts, never from the search code under test.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { foldForSearch } from '../../shared/chinese';
import type { Annotation, DocumentRecord, DocumentSummary } from '../../shared/domain';
import { expect, paintedHighlights, shotsDir, test, openApp, reloadApp } from './fixtures';

const QUERY = '新质生产力';
const TRADITIONAL = '新質生產力';

type Handlers = Record<string, (input: unknown) => unknown>;

function documents(handlers: Handlers): DocumentRecord[] {
  const list = handlers['documents.list']({}) as DocumentSummary[];
  return list.map((d) => handlers['documents.get']({ id: d.id }) as DocumentRecord);
}

function occurrences(text: string, query: string, fold: boolean): number {
  const hay = foldForSearch(text, fold);
  const needle = foldForSearch(query, fold);
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Text of the ranges painted under highlight names starting with prefix. */
async function painted(page: Page, prefix: string): Promise<string[]> {
  const all = await paintedHighlights(page);
  return Object.entries(all)
    .filter(([name]) => name.startsWith(prefix))
    .flatMap(([, texts]) => texts);
}

/** Whether the first range painted under prefix lies inside the visible part of the reader. */
function paintedInView(page: Page, prefix: string): Promise<boolean> {
  return page.evaluate((p) => {
    const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith(p)) continue;
      for (const r of h as unknown as Iterable<Range>) {
        const rect = r.getBoundingClientRect();
        return rect.height > 0 && rect.top >= box.top && rect.bottom <= box.bottom;
      }
    }
    return false;
  }, prefix);
}

/** Canonical-text offset of the first range painted under `name` (paragraph start + offset inside it). */
function paintedOffset(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return -1;
    const r = [...(h as unknown as Iterable<Range>)][0];
    const root = document.querySelector('[data-testid="reader-text"]')!;
    let at = 0;
    for (const p of root.children) {
      if (p.contains(r.startContainer)) {
        const before = document.createRange();
        before.setStart(p, 0);
        before.setEnd(r.startContainer, r.startOffset);
        return at + before.toString().length;
      }
      at += (p.textContent ?? '').length + 1;
    }
    return -1;
  }, name);
}

test('library search: both scripts, exact count, KWIC opens the reader at the match and flashes it', async ({ page, app }) => {
  const handlers = app.lib.handlers as unknown as Handlers;
  const docs = documents(handlers);
  const folded = docs.map((d) => ({ doc: d, n: occurrences(d.text, QUERY, true) })).filter((x) => x.n > 0);
  const exact = docs.map((d) => ({ doc: d, n: occurrences(d.text, QUERY, false) })).filter((x) => x.n > 0);
  const foldedTotal = folded.reduce((s, x) => s + x.n, 0);
  const exactTotal = exact.reduce((s, x) => s + x.n, 0);
  const traditional = folded.filter((x) => x.doc.text.includes(TRADITIONAL)).sort((a, b) => b.n - a.n)[0];
  // The seeds hold the phrase in both scripts; otherwise this test proves nothing about folding.
  expect(traditional, 'a seed writes 新質生產力').toBeTruthy();
  expect(exactTotal).toBeLessThan(foldedTotal);

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();

  await page.keyboard.press('Control+Shift+F');
  const panel = page.getByTestId('search-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.screenshot({ path: join(shotsDir, 'search-empty.png') });

  await page.keyboard.type(QUERY);
  await expect(page.getByTestId('search-total')).toHaveText(new RegExp(`^${foldedTotal.toLocaleString('zh-CN')}\\b`));
  await expect(page.getByTestId('search-group')).toHaveCount(folded.length);
  await expect(page.getByTestId('search-elapsed')).toHaveText(/\d/);
  const tradGroup = panel.locator(`[data-testid="search-group"][data-document-id="${traditional.doc.id}"]`);
  await expect(tradGroup.getByTestId('group-count')).toHaveText(String(traditional.n));
  await expect(tradGroup.locator('mark').first()).toHaveText(TRADITIONAL);
  const simplifiedGroup = panel.locator(`[data-testid="search-group"][data-document-id="${exact[0].doc.id}"]`);
  await expect(simplifiedGroup.locator('mark').first()).toHaveText(QUERY);
  await page.screenshot({ path: join(shotsDir, 'search-results-zh-light.png') });

  // Exact script: only what is written 新质生产力; the traditional documents drop out.
  await panel.locator('label.switch').click();
  await expect(page.getByTestId('search-fold')).not.toBeChecked();
  await expect(page.getByTestId('search-total')).toHaveText(new RegExp(`^${exactTotal.toLocaleString('zh-CN')}\\b`));
  await expect(page.getByTestId('search-group')).toHaveCount(exact.length);
  await expect(tradGroup).toHaveCount(0);
  await panel.locator('label.switch').click();
  await expect(page.getByTestId('search-total')).toHaveText(new RegExp(`^${foldedTotal.toLocaleString('zh-CN')}\\b`));

  // Click a line in the traditional document: the reader opens there, the match is in view and flashes.
  const line = tradGroup.getByTestId('kwic-line').nth(2);
  const start = Number(await line.getAttribute('data-start'));
  expect(foldForSearch(traditional.doc.text.slice(start, start + QUERY.length))).toBe(QUERY);
  await line.click();
  await expect(page.locator('.reader-header h1')).toHaveText(traditional.doc.title);
  await expect.poll(() => painted(page, 'search-flash')).toEqual([TRADITIONAL]);
  await expect.poll(() => paintedInView(page, 'search-flash')).toBe(true);
  const flashName = await page.evaluate(() => [...CSS.highlights.keys()].find((n) => n.startsWith('search-flash'))!);
  expect(await paintedOffset(page, flashName)).toBe(start);
  // The flash settles into a quiet underline on the same characters.
  await expect.poll(() => paintedHighlights(page).then((h) => h['search-flash-rest'])).toEqual([TRADITIONAL]);
  await expect(line).toHaveAttribute('aria-selected', 'true');

  // Keyboard: ↓ moves the selected line, Enter opens it.
  await page.getByTestId('search-input').focus();
  await page.keyboard.press('ArrowDown');
  const next = tradGroup.getByTestId('kwic-line').nth(3);
  await expect(next).toHaveAttribute('aria-selected', 'true');
  const nextStart = Number(await next.getAttribute('data-start'));
  await page.keyboard.press('Enter');
  await expect.poll(() => paintedOffset(page, 'search-flash-rest')).toBe(nextStart);

  // Filters: one document only.
  await page.getByTestId('toggle-filters').click();
  await page.getByTestId('filter-document').selectOption(traditional.doc.id);
  await expect(page.getByTestId('search-total')).toHaveText(new RegExp(`^${traditional.n}\\b`));
  await expect(page.getByTestId('search-group')).toHaveCount(1);
  await page.screenshot({ path: join(shotsDir, 'search-filters-zh-light.png') });
  await page.getByTestId('filter-document').selectOption('');

  // Dark and English.
  await page.getByTestId('toggle-theme').click();
  await page.screenshot({ path: join(shotsDir, 'search-results-zh-dark.png') });
  await page.getByTestId('toggle-lang').click();
  await expect(page.getByTestId('search-total')).toHaveText(new RegExp(`^${foldedTotal.toLocaleString('en')} matches`));
  await page.screenshot({ path: join(shotsDir, 'search-results-en-dark.png') });
  await page.getByTestId('toggle-theme').click();
  await page.screenshot({ path: join(shotsDir, 'search-results-en-light.png') });

  // Nothing found, said plainly.
  await page.getByTestId('search-input').fill('不存在的词语qqq');
  await expect(page.getByTestId('search-none')).toBeVisible();
  await page.screenshot({ path: join(shotsDir, 'search-none-en-light.png') });

  // Esc closes the panel; the library comes back.
  await page.getByTestId('search-input').press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('library')).toBeVisible();
});

test('find in document: count, next and previous, 简/繁 folding, Esc', async ({ page, app }) => {
  const handlers = app.lib.handlers as unknown as Handlers;
  const docs = documents(handlers);
  const target = docs.filter((d) => !d.text.includes(TRADITIONAL)).sort((a, b) => occurrences(b.text, QUERY, true) - occurrences(a.text, QUERY, true))[0];
  const traditional = docs.find((d) => d.text.includes(TRADITIONAL))!;
  const n = occurrences(target.text, QUERY, true);
  expect(n).toBeGreaterThan(3);

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: target.title }).first().click();
  await expect(page.locator('.reader-header h1')).toHaveText(target.title);
  await page.getByTestId('reader-text').click({ position: { x: 4, y: 4 } });

  await page.keyboard.press('Control+f');
  const bar = page.getByTestId('find-bar');
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.keyboard.type(QUERY);
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 / ${n}`);
  await expect.poll(() => painted(page, 'find-current')).toEqual([QUERY]);
  await expect.poll(async () => (await painted(page, 'find-all')).length).toBe(n - 1);
  const first = await paintedOffset(page, 'find-current');
  expect(target.text.indexOf(QUERY)).toBe(first);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 / ${n}`);
  await expect.poll(() => paintedOffset(page, 'find-current')).toBe(target.text.indexOf(QUERY, first + QUERY.length));
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`1 / ${n}`);
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`${n} / ${n}`);
  await expect.poll(() => paintedOffset(page, 'find-current')).toBe(target.text.lastIndexOf(QUERY));
  await expect.poll(() => paintedInView(page, 'find-current')).toBe(true);
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`1 / ${n}`);
  await page.getByTestId('find-next').click();
  await expect(count).toHaveText(`2 / ${n}`);
  await page.screenshot({ path: join(shotsDir, 'find-zh-light.png') });
  await page.getByTestId('toggle-theme').click();
  await page.screenshot({ path: join(shotsDir, 'find-zh-dark.png') });
  await page.getByTestId('toggle-lang').click();
  await page.screenshot({ path: join(shotsDir, 'find-en-dark.png') });
  await page.getByTestId('toggle-theme').click();
  await page.screenshot({ path: join(shotsDir, 'find-en-light.png') });

  // In a traditional document the simplified query finds 新質生產力, unless folding is off.
  await page.getByTestId('doc-item').filter({ hasText: traditional.title }).first().click();
  await expect(page.locator('.reader-header h1')).toHaveText(traditional.title);
  const t = occurrences(traditional.text, QUERY, true);
  await expect(count).toHaveText(`1 / ${t}`);
  await expect.poll(() => painted(page, 'find-current')).toEqual([TRADITIONAL]);
  await page.getByTestId('find-fold').click();
  await expect(count).toHaveText('No results');
  await expect.poll(() => painted(page, 'find-')).toEqual([]);
  await page.getByTestId('find-fold').click();
  await expect(count).toHaveText(`1 / ${t}`);

  await page.getByTestId('find-input').press('Escape');
  await expect(bar).toBeHidden();
  await expect.poll(() => painted(page, 'find-')).toEqual([]);
});

test('script switch shows 新質 where the text says 新质; highlights stay on the same characters', async ({ page, app }) => {
  const handlers = app.lib.handlers as unknown as Handlers;
  const target = documents(handlers).find((d) => d.script === 'simplified' && d.text.includes(QUERY))!;
  const at = target.text.indexOf(QUERY);
  const created = handlers['annotations.create']({ documentId: target.id, start: at, end: at + QUERY.length, themeIds: [] }) as Annotation;

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: target.title }).first().click();
  const text = page.getByTestId('reader-text');
  await expect(text).toContainText(QUERY);
  await expect.poll(() => painted(page, 'pz-plain')).toEqual([QUERY]);

  await page.getByTestId('script-traditional').click();
  await expect(text).toContainText(TRADITIONAL);
  await expect(text).not.toContainText(QUERY);
  await expect.poll(() => painted(page, 'pz-plain')).toEqual([TRADITIONAL]);
  expect(await paintedOffset(page, 'pz-plain')).toBe(at);
  // Same number of characters on screen as stored, paragraph for paragraph.
  const shownLengths = await text.evaluate((root) => [...root.children].map((p) => (p.textContent ?? '').length));
  expect(shownLengths).toEqual(target.text.split('\n').map((p) => p.length));
  await page.screenshot({ path: join(shotsDir, 'script-traditional.png') });

  // Stored text and the highlight's quote are untouched.
  expect((handlers['documents.get']({ id: target.id }) as DocumentRecord).text).toBe(target.text);
  const stored = (handlers['annotations.list']({ documentId: target.id }) as Annotation[]).find((a) => a.id === created.id)!;
  expect([stored.start, stored.end, stored.exact]).toEqual([at, at + QUERY.length, QUERY]);

  // The choice is remembered across a reload; back to the stored script.
  await reloadApp(page);
  await page.getByTestId('doc-item').filter({ hasText: target.title }).first().click();
  await expect(text).toContainText(TRADITIONAL);
  await page.getByTestId('script-stored').click();
  await expect(text).toContainText(QUERY);
  await expect.poll(() => painted(page, 'pz-plain')).toEqual([QUERY]);
});

test('search within highlights and within notes opens the annotation', async ({ page, app }) => {
  const handlers = app.lib.handlers as unknown as Handlers;
  const target = documents(handlers).find((d) => d.script === 'simplified' && d.text.includes(QUERY))!;
  const at = target.text.indexOf(QUERY);
  const end = at + QUERY.length + 2;
  const quote = target.text.slice(at, end);
  const a = handlers['annotations.create']({ documentId: target.id, start: at, end, themeIds: [] }) as Annotation;
  handlers['annotations.updateNote']({ id: a.id, noteJson: null, noteText: '先立后破的一个例证' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill(QUERY);
  await page.getByTestId('scope-highlights').click();
  await expect(page.getByTestId('search-total')).toHaveText(/^1\b/);
  await page.getByTestId('kwic-line').click();
  await expect(page.locator('.reader-header h1')).toHaveText(target.title);
  await expect(page.getByTestId('annotation-quote')).toHaveText(quote);
  await expect.poll(() => paintedOffset(page, 'search-flash-rest')).toBe(at);

  // A note's match opens the highlight the note belongs to.
  await page.getByTestId('scope-notes').click();
  await page.getByTestId('search-input').fill('先立后破');
  await expect(page.getByTestId('search-total')).toHaveText(/^1\b/);
  await expect(page.getByTestId('kwic-line').locator('mark')).toHaveText('先立后破');
  await page.getByTestId('kwic-line').click();
  await expect(page.getByTestId('annotation-quote')).toHaveText(quote);
  await expect.poll(() => paintedHighlights(page).then((h) => h['search-flash-rest'])).toEqual([quote]);
});
