// Never losing corrections, end to end (issue 7): text typed in edit mode is written to the library as a draft a
// second after typing pauses (at once when the window is left); a reload without saving (a crash, a closed
// window) offers it again — Resume puts back the exact text, Save makes the version and removes the draft. A draft
// overtaken by a version saved elsewhere says so and can still be resumed; discarding it is undone with Ctrl+Z.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Handlers } from '../../shared/contract';
import type { DocumentDraft, DocumentRecord, DocumentSummary, DocumentVersion } from '../../shared/domain';
import { selectInEditor } from './editMode';
import { expect, setScheme, shotsDir, test, openApp, reloadApp } from './fixtures';

const TITLE = '三个维度因地制宜发畏新质生产力';
const SENTENCE = '阐明了发展新质生产力的首要任务、基本原则、施策方法';
const SPLIT_BEFORE = '必须从为什么、是什么、怎么办';

function docByTitle(h: Handlers, title: string): DocumentRecord {
  const summary = (h['documents.list']({}) as DocumentSummary[]).find((d) => d.title === title);
  if (!summary) throw new Error(`no document ${title}`);
  return h['documents.get']({ id: summary.id }) as DocumentRecord;
}

const storedDraft = (h: Handlers, documentId: string) => h['drafts.get']({ documentId }) as DocumentDraft | null;
const versionCount = (h: Handlers, documentId: string) => (h['versions.list']({ documentId }) as DocumentVersion[]).length;

/** The editor's text as edit mode saves it: its blocks joined by line breaks. */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelector('[data-testid="revision-editor"]')!.children].map((b) => b.textContent ?? '').join('\n'),
  );
}

/** axe-core (WCAG 2.1 A/AA) findings of serious or critical impact inside `selector`, in the light and the dark theme. */
async function accessibilityFindings(page: Page, selector: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await setScheme(page, scheme, 'zh-CN');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(selector).analyze();
    for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await setScheme(page, 'light', 'zh-CN');
  return found;
}

/** Screenshots of `target` in light and dark, Chinese and English; back to light Chinese after. */
async function shots(page: Page, name: string, target: ReturnType<Page['locator']>): Promise<void> {
  for (const [scheme, lang] of [
    ['light', 'zh-CN'],
    ['dark', 'zh-CN'],
    ['light', 'en'],
    ['dark', 'en'],
  ] as const) {
    await setScheme(page, scheme, lang);
    await page.waitForTimeout(80);
    await target.screenshot({ path: join(shotsDir, `drafts-${name}-${scheme}-${lang === 'en' ? 'en' : 'zh'}.png`) });
  }
  await setScheme(page, 'light', 'zh-CN');
}

test('corrections survive a reload without saving: the notice offers them, Resume restores the exact text, Save makes the version', async ({ page, app }) => {
  const h = app.lib.handlers;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const doc = docByTitle(h, TITLE);
  const s = doc.text.indexOf(SENTENCE);
  h['annotations.create']({ documentId: doc.id, start: s, end: s + SENTENCE.length, themeIds: [] });

  await page.setViewportSize({ width: 1280, height: 860 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: TITLE }).first().click();
  await expect(page.getByTestId('reader-text')).toContainText(SENTENCE);
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);

  // Corrections: 发畏 → 发展, a paragraph split, a few characters typed; nothing saved as a version.
  await page.getByTestId('edit-text').click();
  const editor = page.getByTestId('revision-editor');
  await expect(editor).toBeVisible();
  await selectInEditor(page, '发畏', 2);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('展');
  await selectInEditor(page, SPLIT_BEFORE, 0);
  await page.keyboard.press('Enter');
  await page.keyboard.type('（校）');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已存');
  const typed = await editorText(page);
  expect(typed).toContain('（校）' + SPLIT_BEFORE);
  await expect.poll(() => storedDraft(h, doc.id)?.text).toBe(typed);
  await page.getByTestId('revision-view').evaluate((el) => (el.scrollTop = 0));
  await shots(page, 'edit-bar', page.locator('.rev-bar'));
  expect(await accessibilityFindings(page, '.rev-bar')).toEqual([]);

  // The window goes away without saving (a crash, a closed window): the text is on disk, nowhere else.
  await reloadApp(page);
  await expect(page.getByTestId('reader-text')).toContainText(SENTENCE);
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(doc.text);
  const notice = page.getByTestId('draft-notice');
  await expect(notice).toContainText('你有未保存的修改');
  await expect(notice).toHaveAttribute('data-stale', 'false');
  await shots(page, 'notice', page.locator('.reader-header'));

  // Resume: edit mode on exactly the typed text, the highlight still tinted where it moved to.
  await page.getByTestId('draft-resume').click();
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('（校）' + SPLIT_BEFORE);
  expect(await editorText(page)).toBe(typed);
  await expect(editor.locator('.rev-hl')).toHaveText([SENTENCE]);
  await expect(page.getByTestId('revision-banner')).toContainText('这是你');
  await expect(page.getByTestId('revision-status')).toContainText('有未保存的修改');

  // Save: the version holds the typed text and the draft is gone, also after another reload.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('revision-summary')).toBeVisible();
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(typed);
  expect(versionCount(h, doc.id)).toBe(2);
  expect(storedDraft(h, doc.id)).toBeNull();
  await reloadApp(page);
  await expect(page.getByTestId('reader-text')).toContainText('（校）');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a draft overtaken by a version saved elsewhere says so; Discard is undone with Ctrl+Z; Resume keeps the typed text', async ({ page, app }) => {
  const h = app.lib.handlers;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const doc = docByTitle(h, TITLE);
  // The draft began on version 1; meanwhile another window saved version 2.
  const mine = doc.text.replace('发畏', '发展');
  await h['documents.revise']({ id: doc.id, text: doc.text.replace(SPLIT_BEFORE, '另一窗口：' + SPLIT_BEFORE), baseVersion: 1 });
  await h['drafts.save']({ documentId: doc.id, text: mine, baseVersion: 1 });

  await page.setViewportSize({ width: 1280, height: 860 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: '三个维度' }).first().click();
  const notice = page.getByTestId('draft-notice');
  await expect(notice).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('draft-stale')).toContainText('你的修改基于第 1 版，现在是第 2 版');
  await shots(page, 'notice-stale', page.locator('.reader-header'));
  expect(await accessibilityFindings(page, '[data-testid="draft-notice"]')).toEqual([]);

  // Discard, then Ctrl+Z: the draft comes back, as it was.
  await page.getByTestId('draft-discard').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: '已放弃未保存的修改' })).toBeVisible();
  expect(storedDraft(h, doc.id)).toBeNull();
  await page.getByTestId('reader-text').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+z');
  await expect(notice).toBeVisible();
  expect(storedDraft(h, doc.id)?.text).toBe(mine);

  // Edit mode offers it too, over the saved text, until Resume.
  await page.keyboard.press('Control+Shift+E');
  const editor = page.getByTestId('revision-editor');
  await expect(editor).toContainText('另一窗口：');
  await expect(notice).toContainText('编辑器里现在是已保存的正文');
  await shots(page, 'notice-in-editor', page.getByTestId('revision-view'));
  await page.getByTestId('draft-resume').click();
  await expect(notice).toHaveCount(0);
  await expect(editor).not.toContainText('另一窗口：');
  expect(await editorText(page)).toBe(mine);
  await expect(page.getByTestId('revision-banner')).toContainText('第 3 版');
  await expect(page.getByTestId('revision-save')).toContainText('第 3 版');
  await page.getByTestId('revision-view').evaluate((el) => (el.scrollTop = 0));
  await shots(page, 'resumed', page.locator('.rev-header'));
  // Carried onto the current version: no longer overtaken.
  await expect.poll(() => storedDraft(h, doc.id)?.stale).toBe(false);

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('revision-summary')).toBeVisible();
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(mine);
  expect(versionCount(h, doc.id)).toBe(3);
  expect(storedDraft(h, doc.id)).toBeNull();
  expect(errors).toEqual([]);
});

test('the draft is written once typing pauses for a second, and at once when the window is left', async ({ page, app }) => {
  const h = app.lib.handlers;
  const doc = docByTitle(h, TITLE);
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 860 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: TITLE }).first().click();
  await page.getByTestId('edit-text').click();
  await expect(page.getByTestId('revision-editor')).toBeVisible();
  // The version the edit is based on arrives first; the draft waits for it.
  await expect(page.getByTestId('revision-save')).toContainText('第 2 版');

  await selectInEditor(page, SPLIT_BEFORE, 0);
  // From here the page's clock moves only when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10);
  await page.keyboard.type('甲');
  await page.clock.runFor(900);
  expect(storedDraft(h, doc.id)).toBeNull();
  await page.clock.runFor(200);
  await expect.poll(() => storedDraft(h, doc.id)?.text).toContain('甲' + SPLIT_BEFORE);
  await expect(page.getByTestId('draft-status')).toContainText('草稿已存');

  // More typing, then the window loses focus (another application): written without waiting for the pause.
  await page.keyboard.type('乙');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect.poll(() => storedDraft(h, doc.id)?.text).toContain('甲乙' + SPLIT_BEFORE);

  // And when the window is hidden (minimised, closing).
  await page.keyboard.type('丙');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => storedDraft(h, doc.id)?.text).toContain('甲乙丙' + SPLIT_BEFORE);
});

test('saving a version without resuming the offered draft sets the draft aside, recoverable, then resumable over the new version', async ({ page, app }) => {
  const h = app.lib.handlers;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const doc = docByTitle(h, TITLE);
  const mine = doc.text.replace('发畏', '发展');
  await h['drafts.save']({ documentId: doc.id, text: mine, baseVersion: 1 });

  await page.setViewportSize({ width: 1280, height: 860 });
  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: '三个维度' }).first().click();
  const notice = page.getByTestId('draft-notice');
  await expect(notice).toHaveAttribute('data-stale', 'false');
  await page.keyboard.press('Control+Shift+E');
  await expect(notice).toContainText('编辑器里现在是已保存的正文');
  // Typed over the saved text, ignoring the offer; the offered draft is not overwritten meanwhile.
  await selectInEditor(page, SPLIT_BEFORE, 0);
  await page.keyboard.type('丁');
  await page.waitForTimeout(1300);
  expect(storedDraft(h, doc.id)?.text).toBe(mine);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('revision-summary')).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: '已放弃未保存的修改' })).toBeVisible();
  expect((h['documents.get']({ id: doc.id }) as DocumentRecord).text).toBe(doc.text.replace(SPLIT_BEFORE, '丁' + SPLIT_BEFORE));
  expect(storedDraft(h, doc.id)).toBeNull();

  // Ctrl+Z: the draft is back, overtaken by the version just saved; Resume from the reader carries it onto it.
  await page.getByTestId('reader-text').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+z');
  await expect(notice).toHaveAttribute('data-stale', 'true');
  await page.getByTestId('draft-resume').click();
  await expect(page.getByTestId('revision-editor')).toBeVisible();
  expect(await editorText(page)).toBe(mine);
  await expect.poll(() => storedDraft(h, doc.id)).toMatchObject({ text: mine, baseVersion: 2, stale: false });
  expect(errors).toEqual([]);
});
