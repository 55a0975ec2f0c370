// Correcting a text without losing a highlight, end to end against the real backend: edit mode (fix 发畏 → 发展
// by typing, split a paragraph), the summary, the versions view and its comparison, restoring version 1, an
// orphaned highlight deleted, brought back with undo and re-attached, replacing the text from a file, and edit
// mode on a 500,000-character document with 2,000 highlights.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Handlers } from '../../shared/contract';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../../shared/domain';
import { selectInEditor } from './editMode';
import { dragSelect, expect, paintedHighlights, setScheme, shotsDir, test, openApp } from './fixtures';

const TITLE = '三个维度因地制宜发畏新质生产力';
const TYPO_QUOTE = '因地制宜发畏新质生产力';
const FIXED_QUOTE = '因地制宜发展新质生产力';
const SENTENCE = '阐明了发展新质生产力的首要任务、基本原则、施策方法';
const SPLIT_BEFORE = '必须从为什么、是什么、怎么办';
const NOTE = '标题里的“发畏”应为“发展”';
const SENTENCE_NOTE = '三个方面并列';
const REATTACH_TO = '科学认识';

function docByTitle(h: Handlers, title: string): DocumentRecord {
  const summary = (h['documents.list']({}) as DocumentSummary[]).find((d) => d.title === title);
  if (!summary) throw new Error(`no document ${title}`);
  return h['documents.get']({ id: summary.id }) as DocumentRecord;
}

function placed(h: Handlers, documentId: string): Annotation[] {
  return (h['annotations.list']({ documentId }) as Annotation[]).filter((a) => !a.deletedAt);
}

/**
 * Drags the mouse across `quote` in the reader. Unlike the fixture's helper, it scrolls the quote itself into
 * view: this document's body is one paragraph taller than the window.
 */
async function dragAcross(page: Page, quote: string): Promise<void> {
  await expect(page.getByTestId('reader-text')).toContainText(quote);
  const { first, last } = await page.evaluate((q) => {
    const root = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(q);
      if (at < 0) continue;
      const box = root.closest('.reader-scroll')!;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + q.length);
      const r = range.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      box.scrollTop += (r.top + r.bottom) / 2 - (b.top + b.bottom) / 2;
      const centre = (offset: number) => {
        const c = document.createRange();
        c.setStart(n, offset);
        c.setEnd(n, offset + 1);
        const rect = c.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      };
      return { first: centre(at), last: centre(at + q.length - 1) };
    }
    throw new Error(`quote not in the reader: ${q}`);
  }, quote);
  await page.mouse.move(first.x - 6, first.y);
  await page.mouse.down();
  await page.mouse.move(last.x + 6, last.y, { steps: 6 });
  await page.mouse.up();
}

const allPainted = async (page: Page) => Object.values(await paintedHighlights(page)).flat();

async function shots(page: Page, name: string, target?: ReturnType<Page['locator']>): Promise<void> {
  for (const [scheme, lang] of [
    ['light', 'zh-CN'],
    ['dark', 'en'],
  ] as const) {
    await setScheme(page, scheme, lang);
    await page.waitForTimeout(80);
    await (target ?? page).screenshot({ path: join(shotsDir, `revision-${name}-${scheme}-${lang === 'en' ? 'en' : 'zh'}.png`) });
  }
  await setScheme(page, 'light', 'zh-CN');
}

test('fix a typo in edit mode, read the summary, compare and restore versions, re-attach an orphan, replace from a file', async ({ page, app }) => {
  const h = app.lib.handlers;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const doc = docByTitle(h, TITLE);
  const theme = h['themes.create']({ name: '因地制宜', color: '#f29e4c' }) as Theme;
  // The body sentence is highlighted through the backend, with a note; the title's typo by mouse below.
  const s = doc.text.indexOf(SENTENCE);
  expect(s).toBeGreaterThan(0);
  const sentence = h['annotations.create']({ documentId: doc.id, start: s, end: s + SENTENCE.length, themeIds: [theme.id] }) as Annotation;
  h['annotations.updateNote']({ id: sentence.id, noteJson: null, noteText: SENTENCE_NOTE });

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: TITLE }).first().click();
  await expect(page.getByTestId('reader-text')).toContainText(TYPO_QUOTE);

  // Highlight the passage with the typo by mouse, coded with the theme, with a note.
  await dragSelect(page, TYPO_QUOTE);
  await page.getByTestId('selection-toolbar').locator(`[data-theme-name="因地制宜"]`).click();
  await expect.poll(() => allPainted(page)).toContain(TYPO_QUOTE);
  await page.getByTestId('note-editor').click();
  await page.keyboard.type(NOTE);
  await expect(page.getByTestId('save-state')).toHaveText(/已保存|Saved/, { timeout: 5000 });
  const typo = placed(h, doc.id).find((a) => a.exact === TYPO_QUOTE)!;
  expect(typo).toBeTruthy();

  // Edit mode from the keyboard: the text becomes editable, highlights lightly tinted.
  await page.getByTestId('reader-text').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Shift+E');
  const editor = page.getByTestId('revision-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.rev-hl')).toHaveText([TYPO_QUOTE, SENTENCE]);
  await expect(page.getByTestId('revision-save')).toContainText(/第 2 版|version 2/);

  // Fix 发畏 → 发展 by typing: caret after 畏, Backspace, type 展.
  await selectInEditor(page, '发畏', 2);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('展');
  // Split the body paragraph before a sentence after the highlighted one.
  await selectInEditor(page, SPLIT_BEFORE, 0);
  await page.keyboard.press('Enter');
  await expect(editor).toContainText(FIXED_QUOTE);
  await expect(editor.locator(':scope > *')).toHaveCount(3);
  await expect(page.getByTestId('revision-status')).toContainText(/有未保存的修改|Unsaved/);
  await page.getByTestId('revision-view').evaluate((el) => (el.scrollTop = 0));
  await shots(page, 'edit-mode');

  // Save with Ctrl+S: the summary counts one adjusted, one kept, and lists the adjusted one.
  await page.keyboard.press('Control+s');
  const summary = page.getByTestId('revision-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId('summary-adjusted')).toHaveText(/调整\s*1/);
  await expect(summary.getByTestId('summary-kept')).toHaveText(/保留\s*1/);
  await expect(summary.getByTestId('summary-orphaned')).toHaveText(/未能定位\s*0/);
  const entry = summary.getByTestId('summary-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('del')).toHaveText('畏');
  await expect(entry.locator('ins')).toHaveText('展');
  // The stored text changed, and the highlight is painted on the corrected words.
  const revised = h['documents.get']({ id: doc.id }) as DocumentRecord;
  expect(revised.text.split('\n')[0]).toBe('三个维度因地制宜发展新质生产力');
  expect(revised.text.split('\n')).toHaveLength(3);
  expect(revised.text.split('\n')[2].startsWith(SPLIT_BEFORE)).toBe(true);
  await expect.poll(() => allPainted(page)).toContain(FIXED_QUOTE);
  await expect.poll(() => allPainted(page)).toContain(SENTENCE);
  expect(placed(h, doc.id).find((a) => a.id === typo.id)!.exact).toBe(FIXED_QUOTE);
  // The link jumps to the highlight: it becomes the active one.
  await entry.getByTestId('summary-go').click();
  await expect(page.getByTestId('annotation-quote')).toHaveText(FIXED_QUOTE);
  await expect(page.getByTestId('note-editor')).toContainText(NOTE);
  // The title repeated the typo: the summary offers to fix it too.
  await expect(summary.getByTestId('summary-title-offer').locator('ins')).toHaveText('展');
  await shots(page, 'summary', page.getByTestId('reader'));
  await summary.getByTestId('summary-retitle').click();
  await expect(page.locator('.reader-header h1')).toHaveText('三个维度因地制宜发展新质生产力');
  await expect(summary.getByTestId('summary-title-offer')).toBeHidden();
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).title).toBe('三个维度因地制宜发展新质生产力');

  // Versions (from the document tools' menu): two, the current one first; version 1 is compared with it and
  // the comparison shows the corrected character and the new paragraph break.
  await page.getByTestId('versions-menu').click();
  await expect(page.getByTestId('open-versions')).toBeFocused();
  await page.getByTestId('reader').screenshot({ path: join(shotsDir, 'revision-menu-light-zh.png') });
  await page.getByTestId('open-versions').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('version-compare-title')).toHaveText(/第 1 版 → 第 2 版/);
  const diff = page.getByTestId('diff-view');
  await expect(diff.locator('del.diff-del')).toHaveText(['畏']);
  await expect(diff.locator('ins.diff-ins')).toHaveText(['展', '⏎']);
  await expect(page.getByTestId('version-stats')).toHaveText('2 处改动 · 删去 1 字 · 增加 1 字 · 新分 1 段');
  await shots(page, 'versions', page.getByTestId('reader'));
  await page.getByTestId('version-view-text').click();
  await expect(page.getByTestId('version-text')).toContainText(TITLE);
  // Esc goes back to reading; Ctrl+Shift+H comes back to the versions.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('versions-view')).toBeVisible();

  // Restore version 1: a third version with the old text; the highlight goes back onto 发畏.
  await page.getByTestId('version-restore').click();
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId('summary-adjusted')).toHaveText(/调整\s*1/);
  await expect(summary).toContainText(/已保存为第 3 版/);
  await expect(page.getByTestId('reader-text')).toContainText(TITLE);
  await expect.poll(() => allPainted(page)).toContain(TYPO_QUOTE);
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(doc.text);
  expect(h['versions.list']({ documentId: doc.id })).toHaveLength(3);

  // An orphan: delete the highlighted sentence's text in edit mode.
  await page.getByTestId('edit-text').click();
  await expect(editor).toBeVisible();
  await selectInEditor(page, SENTENCE);
  await page.keyboard.press('Backspace');
  await expect(editor).not.toContainText(SENTENCE);
  await page.getByTestId('revision-save').click();
  await expect(summary.getByTestId('summary-orphaned')).toHaveText(/未能定位\s*1/);
  await expect(summary.getByTestId('summary-entry')).toHaveAttribute('data-outcome', 'orphaned');
  const orphans = page.getByTestId('orphans');
  await expect(orphans.getByTestId('orphan-item')).toHaveCount(1);
  await expect(orphans).toContainText(SENTENCE);
  await expect(orphans).toContainText(SENTENCE_NOTE);
  await expect.poll(() => allPainted(page)).not.toContain(SENTENCE);
  await shots(page, 'orphans');

  // Deleting it is recoverable: undo brings it back to the list.
  await orphans.getByTestId('orphan-delete').click();
  await expect(orphans).toBeHidden();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('orphan-item')).toHaveCount(1);

  // Re-attach to a selection in the reader.
  await dragAcross(page, REATTACH_TO);
  await page.getByTestId('orphan-reattach').click();
  await expect(page.getByTestId('orphans')).toBeHidden();
  await expect.poll(() => allPainted(page)).toContain(REATTACH_TO);
  const back = placed(h, doc.id).find((a) => a.id === sentence.id)!;
  expect(back.exact).toBe(REATTACH_TO);
  expect(back.noteText).toBe(SENTENCE_NOTE);
  expect(h['annotations.orphans']({ documentId: doc.id })).toHaveLength(0);

  // Replace the text from a file: a cleaner copy with the typo fixed.
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-revise-'));
  const file = join(dir, 'better-copy.txt');
  const current = (h['documents.get']({ id: doc.id }) as DocumentRecord).text;
  writeFileSync(file, current.replace('发畏', '发展'));
  await page.getByTestId('summary-close').click();
  await page.getByTestId('versions-menu').click();
  await page.getByTestId('replace-from-file').click();
  await page.getByTestId('replace-file').setInputFiles(file);
  await expect(page.getByTestId('replace-file-name')).toContainText('better-copy.txt');
  await shots(page, 'replace', page.getByTestId('replace-panel'));
  await page.getByTestId('replace-confirm').click();
  await expect(summary).toContainText(/从文件替换/);
  await expect(summary.getByTestId('summary-adjusted')).toHaveText(/调整\s*1/);
  await expect.poll(() => allPainted(page)).toContain(FIXED_QUOTE);
  expect(h['versions.list']({ documentId: doc.id })).toHaveLength(5);

  // A version saved elsewhere while editing (another window, the command line) is never overwritten.
  await page.getByTestId('edit-text').click();
  await selectInEditor(page, SPLIT_BEFORE, 0);
  await page.keyboard.type('甲');
  const elsewhere = (h['documents.get']({ id: doc.id }) as DocumentRecord).text.replace(SPLIT_BEFORE, '乙' + SPLIT_BEFORE);
  await h['documents.revise']({ id: doc.id, text: elsewhere });
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('toast').filter({ hasText: '已存为新的版本' })).toBeVisible();
  await expect(editor).toContainText('甲' + SPLIT_BEFORE);
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(elsewhere);
  await editor.focus();
  await page.keyboard.press('Escape');
  await page.getByTestId('revision-discard').click();
  await expect(page.getByTestId('reader-text')).toContainText('乙' + SPLIT_BEFORE);
  expect(h['versions.list']({ documentId: doc.id })).toHaveLength(6);

  // Unsaved edits survive opening another document (kept as a draft, offered on return), and Esc asks before
  // throwing them away.
  await page.getByTestId('edit-text').click();
  await selectInEditor(page, SPLIT_BEFORE, 0);
  await page.keyboard.type('〇');
  await expect(page.getByTestId('revision-status')).toContainText('有未保存的修改');
  await page.getByTestId('doc-item').filter({ hasText: '黑河' }).first().click();
  await expect(page.getByTestId('toast').filter({ hasText: '已暂存' })).toBeVisible();
  await page.getByTestId('doc-item').filter({ hasText: '三个维度' }).first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await expect(page.getByTestId('draft-notice')).toContainText('你有未保存的修改');
  await page.keyboard.press('Control+Shift+E');
  await page.getByTestId('draft-resume').click();
  await expect(page.getByTestId('revision-banner')).toContainText('未保存的修改');
  await expect(editor).toContainText('〇' + SPLIT_BEFORE);
  await editor.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('revision-keep')).toBeFocused();
  await page.getByTestId('revision-discard').click();
  await expect(page.getByTestId('reader-text')).not.toContainText('〇');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByTestId('revision-banner')).not.toContainText('未保存的修改');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader-text')).toBeVisible();
  expect(h['versions.list']({ documentId: doc.id })).toHaveLength(6);

  expect(errors).toEqual([]);
});

// How fast this is (opening, typing) is measured by `npm run bench -- edit-mode`, not here.
test('edit mode works on a 500,000-character document with 2,000 highlights: every paragraph, every tint, a typed character saved', async ({ page, app }) => {
  const h = app.lib.handlers;
  // Paragraphs of real text from the seeds, to 500,000 characters.
  const source = (h['documents.list']({}) as DocumentSummary[]).map((d) => (h['documents.get']({ id: d.id }) as DocumentRecord).text).join('\n');
  const paragraphs = source.split('\n').filter((p) => p.length >= 40);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 500_000; i++) {
    const p = paragraphs[i % paragraphs.length].slice(0, 400);
    parts.push(p);
    length += p.length + 1;
  }
  const imported = (await h['import.text']({ text: parts.join('\n'), title: '五十万字长文', options: { split: false } })) as { documents: { id: string }[] };
  const id = imported.documents[0].id;
  const big = h['documents.get']({ id }) as DocumentRecord;
  expect(big.text.length).toBeGreaterThanOrEqual(490_000);
  // 2,000 highlights in one transaction: every occurrence of a frequent term, auto-coded, less the surplus.
  const theme = h['themes.create']({ name: '新质生产力', color: '#4c8bf5' }) as Theme;
  let coded: string[] = [];
  await expect
    .poll(async () => {
      coded = ((await h['annotations.autocode']({ query: '新质生产力', themeId: theme.id, documentIds: [id] })) as { createdIds: string[] }).createdIds;
      return coded.length;
    })
    .toBeGreaterThanOrEqual(2000);
  h['annotations.deleteMany']({ ids: coded.slice(2000) });
  const quotes = new Map(placed(h, id).map((a) => [a.id, a.exact]));
  expect(quotes.size).toBe(2000);

  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: '五十万字长文' }).first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await expect.poll(async () => (await allPainted(page)).length).toBeGreaterThanOrEqual(2000);

  await page.getByTestId('edit-text').click();
  const editor = page.getByTestId('revision-editor');
  await expect(editor.locator(':scope > *')).toHaveCount(big.text.split('\n').length);
  // A highlight across a paragraph break is drawn in each of its paragraphs.
  expect(await editor.locator('.rev-hl').count()).toBeGreaterThanOrEqual(2000);

  // One typed character, in the first paragraph.
  await selectInEditor(page, big.text.slice(100, 110), 0);
  await page.keyboard.type('〇');
  await expect(editor).toContainText('〇' + big.text.slice(100, 110));
  await expect(page.getByTestId('revision-status')).toContainText('有未保存的修改');

  // Save: the backend re-anchors 2,000 highlights, the reader comes back with the summary.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('revision-summary')).toBeVisible({ timeout: 20_000 });
  // Every highlight after the new character moved with it; none changed its words, none was lost.
  await expect(page.getByTestId('summary-orphaned')).toHaveText(/未能定位\s*0/);
  await expect(page.getByTestId('summary-entry')).toHaveCount(0);
  await expect(page.getByTestId('revision-summary')).toContainText('引文都没有变化');
  const after = placed(h, id);
  expect(after).toHaveLength(2000);
  expect(after.every((a) => quotes.get(a.id) === a.exact)).toBe(true);
  const saved = h['documents.get']({ id }) as DocumentRecord;
  expect(saved.text).toBe(big.text.slice(0, 100) + '〇' + big.text.slice(100));
});
