import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, DocumentRecord, DocumentSummary } from '../../shared/domain';
import { encodeLegacy } from '../unit/fixtures/legacy-encoding';
import { expect, paintedHighlights, shotsDir, test, openApp, reloadApp } from './fixtures';

const GB_TITLE = '黑土地上的新质生产力调研札记';
const GB_SENTENCE = '调研组在五大连池走访了三家农机合作社，看到智能农机正在改变春耕的节奏。';
const UTF8_TITLE = '数字经济赋能县域发展的三点观察';
const UTF8_SENTENCE = '县域数字经济的关键，在于把数据要素接入本地产业链。';
const HTML_TITLE = '科技创新引领现代化产业体系建设';
const HTML_SENTENCE = '要以科技创新引领现代化产业体系建设，加快形成新质生产力。';

function gbText(): Buffer {
  const text = `${GB_TITLE}\r\n\r\n    ${GB_SENTENCE}\r\n    合作社负责人介绍，今年的播种面积比去年增加了一成。\r\n`;
  return Buffer.from(encodeLegacy(text, 'gb18030'));
}

function utf8Text(): Buffer {
  return Buffer.from(`${UTF8_TITLE}\n\n${UTF8_SENTENCE}\n第二，要培养懂技术、会经营的本地人才。\n`, 'utf8');
}

function htmlPage(): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><meta charset="utf-8"><title>${HTML_TITLE}_新闻中心</title>
<script>window.evil = true;</script></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="javascript:alert(1)">专题</a></nav>
<article><h1>${HTML_TITLE}</h1><p>来源：新华社　2024-03-05</p>
<p>${HTML_SENTENCE}</p><p>各地要因地制宜，先立后破，推动传统产业转型升级。</p></article>
<footer>版权所有 © 2024 某某网 京ICP备12345678号</footer></body></html>`,
    'utf8',
  );
}

/** Bytes that are no text in any encoding, saved under a .txt name. */
function junk(): Buffer {
  const b = Buffer.alloc(4096);
  let x = 12345;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x & 0xff;
  }
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0], 0);
  return b;
}

const files = () => [
  { name: '调研札记.txt', mimeType: 'text/plain', buffer: gbText() },
  { name: 'observation-utf8.txt', mimeType: 'text/plain', buffer: utf8Text() },
  { name: 'news-page.html', mimeType: 'text/html', buffer: htmlPage() },
  { name: 'photo-renamed.txt', mimeType: 'text/plain', buffer: junk() },
];

const shot = (page: Page, name: string) => page.screenshot({ path: join(shotsDir, name + '.png') });

/** The theme and language the page opens with after a reload: they are preferences stored in the library. */
function setLook(app: { lib: { handlers: unknown } }, scheme: 'light' | 'dark', lang: 'zh-CN' | 'en') {
  call(app, 'preferences.set', { theme: scheme, lang });
}

function docs(app: { lib: { handlers: unknown } }): DocumentSummary[] {
  return (app.lib.handlers as { 'documents.list': (i: object) => DocumentSummary[] })['documents.list']({});
}

function call<T>(app: { lib: { handlers: unknown } }, channel: string, input: object): T {
  return (app.lib.handlers as Record<string, (i: object) => T>)[channel](input);
}

test.describe('with a slow backend', () => {
  test.use({ importDelayMs: 700 });

  test('several files at once: progress, a result per file, the junk file refused, the rest in the library', async ({ page, app }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openApp(page, app.server.url);
    await expect(page.getByTestId('doc-item').first()).toBeVisible();
    const before = docs(app).length;

    await page.keyboard.press('Control+o');
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('import-files-input').setInputFiles(files());

    // Progress while it runs: which file, how many, how many bytes.
    await expect(dialog.getByTestId('import-progress-text')).toContainText(/正在导入第 [12] \/ 4 个文件/);
    await expect(dialog.getByTestId('import-row')).toHaveCount(4);
    await shot(page, 'import-progress');

    await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 15_000 });
    const rows = dialog.getByTestId('import-row');
    const row = (file: string) => rows.filter({ has: page.locator(`[title="${file}"]`) });
    await expect(row('调研札记.txt')).toHaveAttribute('data-status', 'imported');
    await expect(row('调研札记.txt').getByTestId('import-facts')).toContainText('GB18030');
    await expect(row('调研札记.txt').getByTestId('import-doc')).toHaveText(GB_TITLE);
    await expect(row('observation-utf8.txt')).toHaveAttribute('data-status', 'imported');
    await expect(row('observation-utf8.txt').getByTestId('import-facts')).toContainText('UTF-8');
    await expect(row('news-page.html')).toHaveAttribute('data-status', 'imported');
    await expect(row('news-page.html').getByTestId('import-facts')).toContainText('HTML');
    await expect(row('news-page.html').getByTestId('import-doc')).toHaveText(HTML_TITLE);
    const junkRow = row('photo-renamed.txt');
    await expect(junkRow).toHaveAttribute('data-status', 'failed');
    await expect(junkRow.getByTestId('import-status')).toContainText('未能导入');
    const message = (await junkRow.locator('.imp-error').textContent()) ?? '';
    expect(message.length).toBeGreaterThan(8);
    expect(message).not.toMatch(/at .*\.ts|Error:|undefined|\[object/);
    await shot(page, 'import-results');

    expect(docs(app).length).toBe(before + 3);
    // The library in the page caught up too, and keeps the seed collections grouped.
    await expect(page.getByTestId('doc-item')).toHaveCount(before + 3);
    await expect(page.getByTestId('collection')).toHaveCount(2);

    // A title in the results opens that document.
    await row('调研札记.txt').getByTestId('import-doc').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('reader-text')).toContainText(GB_SENTENCE);
    await expect(page.locator('.reader-header h1')).toHaveText(GB_TITLE);

    // The same results in the dark theme and in English.
    setLook(app, 'dark', 'en');
    await reloadApp(page);
    await page.getByTestId('import-open').click();
    await expect(dialog).toContainText('Import texts');
    await dialog.getByTestId('import-files-input').setInputFiles(files());
    await expect(dialog.getByTestId('import-progress-text')).toContainText(/Importing file [12] of 4/);
    await shot(page, 'import-progress-dark-en');
    await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 15_000 });
    await expect(row('调研札记.txt')).toHaveAttribute('data-status', 'duplicate');
    await dialog.locator('summary').click();
    await shot(page, 'import-results-dark-en');
    expect(docs(app).length).toBe(before + 3);
  });

  test('cancel stops after the current file and keeps what was imported', async ({ page, app }) => {
    await openApp(page, app.server.url);
    await expect(page.getByTestId('doc-item').first()).toBeVisible();
    const before = docs(app).length;
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-files-input').setInputFiles(files());
    await expect(dialog.getByTestId('import-row').first()).toHaveAttribute('data-status', 'working');
    await dialog.getByTestId('import-cancel').click();
    await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 10_000 });
    const statuses = await dialog.getByTestId('import-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses[0]).toBe('imported');
    expect(statuses.slice(1)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(docs(app).length).toBe(before + 1);
    await expect(page.getByTestId('doc-item')).toHaveCount(before + 1);
  });
});

test('too large and unsupported files are refused without being read; pasted text and dropped files import', async ({ page, app }) => {
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  const before = docs(app).length;

  // A file over the limit is refused on its size alone, before any of it is read.
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="import-files-input"]') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
    dt.items.add(new File(['x'], 'picture.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const rows = dialog.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'failed');
  await expect(rows.nth(0)).toContainText('文件过大（65 MB），上限为 64 MB');
  await expect(rows.nth(1)).toContainText('不是可导入的文件类型');

  // Paste.
  await dialog.getByTestId('import-tab-paste').click();
  await dialog.getByTestId('paste-title').fill('粘贴的一段讲话');
  await dialog.getByTestId('paste-text').fill('发展新质生产力不是忽视、放弃传统产业。\n要防止一哄而上、泡沫化。');
  await shot(page, 'import-paste');
  await dialog.getByTestId('paste-import').click();
  await expect(rows.last()).toHaveAttribute('data-status', 'imported');
  await expect(rows.last().getByTestId('import-doc')).toHaveText('粘贴的一段讲话');
  expect(docs(app).some((d) => d.title === '粘贴的一段讲话')).toBe(true);

  // Drop two files onto the window.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const dt = await page.evaluateHandle(
    ([a, b]) => {
      const t = new DataTransfer();
      t.items.add(new File([a], 'dropped-one.txt', { type: 'text/plain' }));
      t.items.add(new File([b], 'dropped-two.md', { type: 'text/markdown' }));
      return t;
    },
    ['拖入的第一篇\n\n第一篇的正文，讲的是科技创新。', '拖入的第二篇\n\n第二篇的正文，讲的是产业升级。'],
  );
  await page.dispatchEvent('.reader', 'dragenter', { dataTransfer: dt });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await shot(page, 'import-drop');
  await page.dispatchEvent('.reader', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-summary')).toBeVisible();
  await expect(dialog.getByTestId('import-row')).toHaveCount(2);
  await expect(dialog.getByTestId('import-doc')).toHaveText(['拖入的第一篇', '拖入的第二篇']);
  expect(docs(app).length).toBe(before + 3);
});

const SEED1_TITLE = '抓住新一轮科技革命和产业变革机遇加速形成新质生产力';

test('report, removed text shown in place, restore shifts the highlights after it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const doc = docs(app).find((d) => d.title === SEED1_TITLE)!;
  const record = call<DocumentRecord>(app, 'documents.get', { id: doc.id });
  // Seed 001's page number "2、" cut the sentence 呈现|非线性过程 (the cleaner took the line break with it).
  const marker = record.removed.find((s) => s.text.trim() === '2、' && record.text.slice(s.position - 2, s.position) === '呈现')!;
  expect(record.text.slice(marker.position, marker.position + 3)).toBe('非线性');
  // A highlight after the marker and one before it.
  const after = '非线性过程';
  const afterStart = record.text.indexOf(after, marker.position);
  const beforeQuote = '新质生产力是创新起主导作用';
  const beforeStart = record.text.indexOf(beforeQuote);
  expect(beforeStart).toBeGreaterThanOrEqual(0);
  expect(beforeStart).toBeLessThan(marker.position);
  const late = call<Annotation>(app, 'annotations.create', { documentId: doc.id, start: afterStart, end: afterStart + after.length, themeIds: [] });
  const early = call<Annotation>(app, 'annotations.create', { documentId: doc.id, start: beforeStart, end: beforeStart + beforeQuote.length, themeIds: [] });

  await openApp(page, app.server.url);
  await page.getByTestId('doc-item').filter({ hasText: SEED1_TITLE }).click();
  await expect(page.locator('.reader-header h1')).toHaveText(SEED1_TITLE);
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toEqual(expect.arrayContaining([after, beforeQuote]));
  await expect(page.getByTestId('reader').getByTestId('script-badge')).toHaveAttribute('data-script', 'simplified');

  // The import report.
  await page.getByTestId('open-report').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-encoding')).toContainText('UTF-8');
  await expect(report.getByTestId('report-rules')).toContainText('页码标记');
  await expect(report.getByTestId('report-rules')).toContainText('文库分享说明');
  await shot(page, 'reader-report');

  // Removed text in place; the document text itself is unchanged.
  const textBefore = await page.getByTestId('reader-text').textContent();
  await page.getByTestId('toggle-removed').click();
  const span = page.locator(`[data-testid="removed-span"][data-span-id="${marker.id}"]`);
  await expect(span).toBeVisible();
  await expect(span).toHaveAttribute('data-rule', 'page-markers');
  const around = await span.evaluate((el) => {
    const host = el.closest('.pz-removed-host')!;
    return [host.previousSibling?.textContent ?? '', host.nextSibling?.textContent ?? ''];
  });
  expect(around[0].endsWith('呈现')).toBe(true);
  expect(around[1].startsWith('非线性')).toBe(true);
  expect(await page.getByTestId('reader-text').textContent()).toBe(textBefore);
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toEqual(expect.arrayContaining([after, beforeQuote]));
  await span.scrollIntoViewIfNeeded();
  await shot(page, 'reader-removed');

  // Restore it: the text grows by the span, the later highlight moves with its words.
  await span.getByTestId('restore-span').click();
  await expect.poll(() => call<DocumentRecord>(app, 'documents.get', { id: doc.id }).text.includes('呈现' + marker.text + '非线性过程')).toBe(true);
  await expect(page.getByTestId('reader-text')).toContainText('2、非线性过程');
  await expect(span).toHaveCount(0);
  const moved = call<Annotation[]>(app, 'annotations.list', { documentId: doc.id });
  expect(moved.find((a) => a.id === late.id)!.start).toBe(late.start + marker.text.length);
  expect(moved.find((a) => a.id === early.id)!.start).toBe(early.start);
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toEqual(expect.arrayContaining([after, beforeQuote]));
  expect(call<DocumentRecord>(app, 'documents.get', { id: doc.id }).removed).toHaveLength(record.removed.length - 1);

  // The same view in the dark theme and English.
  setLook(app, 'dark', 'en');
  await reloadApp(page);
  await page.getByTestId('doc-item').filter({ hasText: SEED1_TITLE }).click();
  await page.getByTestId('toggle-removed').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('import-report')).toContainText('Page marker');
  await shot(page, 'reader-report-dark-en');
  await page.locator(`[data-testid="removed-span"][data-rule="page-markers"]`).nth(3).scrollIntoViewIfNeeded();
  await shot(page, 'reader-removed-dark-en');
});

test('broken paragraphs are marked; split here, merge with next, edit the details', async ({ page, app }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.server.url);

  // Seed 004: its broken paragraphs carry a margin marker; the report lists them.
  await page.getByTestId('doc-item').filter({ hasText: '4月16日' }).click();
  await expect(page.locator('.reader-text [data-mojibake]')).toHaveCount(4);
  await expect(page.getByTestId('reader').getByTestId('script-badge')).toHaveAttribute('data-script', 'traditional');
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-mojibake').locator('button')).toHaveCount(4);
  await page.locator('.reader-text [data-mojibake]').first().scrollIntoViewIfNeeded();
  await shot(page, 'reader-mojibake');

  // Split the 黑河 article before its sixth paragraph (在“新”上寻突破…).
  const heihe = docs(app).find((d) => d.title.includes('黑河'))!;
  const text = call<DocumentRecord>(app, 'documents.get', { id: heihe.id }).text;
  const paragraphs = text.split('\n');
  const sixth = paragraphs[5];
  expect(sixth.startsWith('在“新”上寻突破')).toBe(true);
  await page.getByTestId('doc-item').filter({ hasText: '黑河' }).click();
  // paragraphs are the root's children (the title line is a heading, not a <p>)
  await page.getByTestId('reader-text').locator(':scope > *').nth(5).click();
  await page.getByTestId('split-here').click();
  const panel = page.getByTestId('split-panel');
  await expect(panel).toContainText('从第 6 段起');
  await page.getByTestId('split-title').fill('黑河（下）');
  await shot(page, 'reader-split');
  await page.getByTestId('split-confirm').click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('doc-item').filter({ hasText: '黑河（下）' })).toBeVisible();
  await expect(page.getByTestId('reader-text')).not.toContainText(sixth);
  const afterSplit = call<DocumentRecord>(app, 'documents.get', { id: heihe.id }).text;
  expect(afterSplit.split('\n')).toEqual(paragraphs.slice(0, 5));

  // Merge it back with Ctrl+Shift+M.
  await page.getByTestId('reader-text').click();
  await page.keyboard.press('Control+Shift+M');
  await expect(page.getByTestId('merge-panel')).toContainText('黑河（下）');
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('reader-text')).toContainText(sixth);
  await expect(page.getByTestId('doc-item').filter({ hasText: '黑河（下）' })).toHaveCount(0);
  expect(call<DocumentRecord>(app, 'documents.get', { id: heihe.id }).text).toBe(text);

  // Details.
  await page.getByTestId('open-details').click();
  await page.getByTestId('meta-source').fill('黑河日报社');
  await page.getByTestId('meta-editor').fill('王编辑');
  await shot(page, 'reader-details');
  await page.getByTestId('meta-save').click();
  await expect(page.getByTestId('metadata-editor')).toBeHidden();
  await expect(page.locator('.reader-meta')).toContainText('黑河日报社');
  await expect(page.getByTestId('doc-item').filter({ hasText: '黑河' }).first()).toContainText('黑河日报社');
  const saved = call<DocumentRecord>(app, 'documents.get', { id: heihe.id });
  expect([saved.source, saved.editor]).toEqual(['黑河日报社', '王编辑']);
});

test('a file read with the wrong encoding can be re-imported with another; the earlier reading goes', async ({ page, app }) => {
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  const before = docs(app).length;
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');

  // Forced to read GB18030 bytes as Big5: other characters come out.
  await dialog.locator('summary').click();
  await dialog.getByTestId('import-encoding').selectOption('big5');
  await dialog.getByTestId('import-files-input').setInputFiles([files()[0]]);
  const row = dialog.getByTestId('import-row');
  await expect(row).toHaveAttribute('data-status', 'imported');
  await expect(row.getByTestId('import-facts')).toContainText('BIG5');
  await expect(row.getByTestId('import-doc')).not.toHaveText(GB_TITLE);
  const wrong = docs(app).filter((d) => !d.collectionId).length;
  expect(docs(app).length).toBe(before + 1);

  // Read again as GB18030 from the result row: the sentence is whole, the broken reading is gone.
  await row.getByTestId('import-reimport').selectOption('gb18030');
  await expect(row.getByTestId('import-facts')).toContainText('GB18030');
  await expect(row).toHaveAttribute('data-status', 'imported');
  await expect(row.getByTestId('import-doc')).toHaveText(GB_TITLE);
  expect(docs(app).length).toBe(before + 1);
  expect(docs(app).filter((d) => !d.collectionId).length).toBe(wrong);
  await row.getByTestId('import-doc').click();
  await expect(page.getByTestId('reader-text')).toContainText(GB_SENTENCE);
});

test('a chosen folder imports its supported files, nested ones too, and says what it skipped', async ({ page, app }) => {
  const root = mkdtempSync(join(tmpdir(), 'pizhu-folder-'));
  const folder = join(root, '调研材料');
  mkdirSync(join(folder, '二组'), { recursive: true });
  writeFileSync(join(folder, '调研札记.txt'), gbText());
  writeFileSync(join(folder, '二组', 'news-page.html'), htmlPage());
  writeFileSync(join(folder, '.DS_Store'), 'x');
  writeFileSync(join(folder, '二组', 'photo.png'), junk());

  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  const before = docs(app).length;
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-folder-input').setInputFiles(folder);
  await expect(dialog.getByTestId('import-summary')).toBeVisible();
  await expect(dialog.getByTestId('import-row')).toHaveCount(2);
  await expect(dialog.locator('.imp-file')).toHaveText(['调研材料/调研札记.txt', '调研材料/二组/news-page.html']);
  await expect(dialog.getByTestId('import-row').filter({ hasText: 'news-page.html' })).toHaveAttribute('data-status', 'imported');
  await expect(dialog).toContainText('另有 2 个文件不是可导入的类型');
  expect(docs(app).length).toBe(before + 2);
});
