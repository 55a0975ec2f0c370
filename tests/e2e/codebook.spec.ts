// The codebook and coding UI end to end, against the real backend: a keyboard-only coding pass with the
// picker, the theme tree (nest, reorder, merge, delete, each undone), the annotations browser, memos, and
// auto-coding a search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Handlers } from '../../shared/contract';
import type { Annotation, Memo, Theme } from '../../shared/domain';
import { expect, paintedHighlights, setScheme, shotsDir, test, openApp, reloadApp } from './fixtures';

const HEIHE = '黑河';

function themes(h: Handlers): Theme[] {
  return h['themes.list']({}) as Theme[];
}
function themeNamed(h: Handlers, name: string): Theme {
  const t = themes(h).find((x) => x.name === name);
  if (!t) throw new Error(`no theme ${name}`);
  return t;
}
function liveAnnotations(h: Handlers): Annotation[] {
  return (h['annotations.list']({}) as Annotation[]).filter((a) => !a.deletedAt);
}
function themeNamesOf(h: Handlers, a: Annotation): string[] {
  const byId = new Map(themes(h).map((t) => [t.id, t.name]));
  return a.themeIds.map((id) => byId.get(id) ?? '?').sort();
}

async function openDoc(page: Page, hasText: string): Promise<void> {
  await page.getByTestId('doc-item').filter({ hasText }).first().click();
  await expect(page.locator('.reader-header h1')).toContainText(hasText);
  await expect(page.getByTestId('reader-text')).toBeVisible();
}

/** Selects the first occurrence of `phrase` from the keyboard: Ctrl+F, type, Esc leaves the match selected. */
async function selectByFind(page: Page, phrase: string): Promise<void> {
  await page.getByTestId('reader-text').focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.keyboard.type(phrase);
  await expect(page.getByTestId('find-count')).toHaveText(/^1 \//);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toBeHidden();
}

/**
 * One screenshot in light Chinese and one in dark English. Switching is a click in the top bar, which closes
 * popups; `prepare` brings the view back after each switch.
 */
interface ShotOptions {
  target?: ReturnType<Page['locator']>;
  prepare?: () => Promise<void>;
  cleanup?: () => Promise<void>;
}

async function shots(page: Page, name: string, { target, prepare, cleanup }: ShotOptions = {}): Promise<void> {
  for (const [scheme, lang] of [
    ['light', 'zh-CN'],
    ['dark', 'en'],
  ] as const) {
    await setScheme(page, scheme, lang);
    if (prepare) await prepare();
    await page.waitForTimeout(150);
    if (target) await target.screenshot({ path: join(shotsDir, `${name}-${scheme}-${lang}.png`) });
    else await page.screenshot({ path: join(shotsDir, `${name}-${scheme}-${lang}.png`) });
    if (cleanup) await cleanup();
  }
  await setScheme(page, 'light', 'zh-CN');
}

// Each test also takes its screenshots in two schemes and languages.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page, app }) => {
  app.lib.handlers['themes.addExamples']({});
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.server.url);
});

test('code three passages from the keyboard only: find, Shift+arrows, pinyin initials, slot keys, create from the picker', async ({ page, app }) => {
  const h = app.lib.handlers;
  await openDoc(page, HEIHE);
  const picker = page.getByTestId('selection-toolbar');

  // Pictures first: the picker as it opens on a selection, in both schemes and languages.
  await shots(page, 'picker', {
    prepare: async () => {
      await selectByFind(page, '科技创新能够催生');
      await expect(picker).toBeVisible();
    },
  });
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  // 1. Find a phrase, leave it selected with Esc, widen it with Shift+→, type pinyin initials, Enter.
  await selectByFind(page, '科技创新能够催生');
  await expect(picker).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('科技创新能够催生新产业');
  await page.keyboard.type('kjcx');
  await expect(page.getByTestId('picker-input')).toHaveValue('kjcx');
  await expect(picker.getByTestId('apply-theme').first()).toHaveAttribute('data-theme-name', '科技创新');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect.poll(() => liveAnnotations(h).map((a) => a.exact)).toEqual(['科技创新能够催生新产业']);
  expect(themeNamesOf(h, liveAnnotations(h)[0])).toEqual(['科技创新']);

  // 2. An overlapping passage with the 2nd theme: nothing is pinned, so 2 is the second theme in the tree.
  await selectByFind(page, '新产业、新模式、新动能');
  await expect(picker).toBeVisible();
  await page.keyboard.press('2');
  await expect.poll(() => liveAnnotations(h).length).toBe(2);
  const second = liveAnnotations(h).find((a) => a.exact === '新产业、新模式、新动能')!;
  expect(themeNamesOf(h, second)).toEqual(['产业升级']);

  // 3. A theme that does not exist yet: type its name, the only line is "create", Enter.
  // (Chinese comes from an input method, which needs the filter box focused first: Tab gets there.)
  await selectByFind(page, '深化产学研用融合发展');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('picker-input')).toBeFocused();
  await page.keyboard.type('产学研');
  await expect(picker.getByTestId('picker-create')).toContainText('产学研');
  await expect(picker.getByTestId('apply-theme')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => liveAnnotations(h).length).toBe(3);
  const third = liveAnnotations(h).find((a) => a.exact === '深化产学研用融合发展')!;
  expect(themeNamesOf(h, third)).toEqual(['产学研']);

  // Overlapping themes stack their underlines on separate lanes.
  const painted = await paintedHighlights(page);
  const lanes = Object.keys(painted).filter((n) => /^pz-u\d-/.test(n));
  expect(lanes.some((n) => n.startsWith('pz-u0-'))).toBe(true);
  expect(lanes.some((n) => n.startsWith('pz-u1-'))).toBe(true);

  // The hover card over the overlap names both themes.
  await h['annotations.updateNote']({ id: second.id, noteJson: null, noteText: '三个“新”并列：产业、模式、动能' });
  await reloadApp(page);
  await openDoc(page, HEIHE);
  const at = await page.evaluate(() => {
    const root = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('催生新产业');
      if (i < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i + 3);
      r.setEnd(n, i + 4);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error('not found');
  });
  const card = page.getByTestId('hover-card');
  const hover = async () => {
    await page.mouse.move(at.x - 30, at.y - 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect(card).toBeVisible();
  };
  await hover();
  await expect(card.getByTestId('hover-theme')).toHaveText(['科技创新', '产业升级']);
  await expect(card).toContainText('三个“新”并列');
  await shots(page, 'hover-card', { prepare: hover });
  await page.mouse.move(5, 450);
  await expect(card).toBeHidden();
  await page.screenshot({ path: join(shotsDir, 'overlap-underlines.png'), clip: { x: Math.max(0, at.x - 420), y: at.y - 70, width: 620, height: 170 } });
});

test('theme tree: nest by drag and keys, reorder, merge and delete with undo, pin, memo, export and import', async ({ page, app }) => {
  const h = app.lib.handlers;
  await page.getByTestId('tab-themes').click();
  const row = (name: string) => page.locator(`[data-testid="theme-row"][data-theme-name="${name}"]`);
  await expect(row('科技创新')).toBeVisible();

  // Drag 人才与教育 onto the middle of 科技创新: it becomes its sub-theme.
  await row('人才与教育').dragTo(row('科技创新'));
  await expect.poll(() => themeNamed(h, '人才与教育').parentId).toBe(themeNamed(h, '科技创新').id);
  await expect(row('人才与教育')).toHaveAttribute('data-depth', '1');

  // Keyboard: Tab nests 绿色发展 under the theme above it, Shift+Tab takes it out again, Alt+↑ moves it up.
  await row('绿色发展').click();
  await page.keyboard.press('Tab');
  await expect.poll(() => themeNamed(h, '绿色发展').parentId).toBe(themeNamed(h, '体制机制改革').id);
  await expect(row('绿色发展')).toBeFocused();
  await expect(row('绿色发展')).toHaveAttribute('data-depth', '1');
  await expect(row('绿色发展')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => themeNamed(h, '绿色发展').parentId).toBeNull();
  // the tree shows each move before the next key acts on it
  await expect(row('绿色发展')).toHaveAttribute('data-depth', '0');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => page.getByTestId('theme-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-theme-name')))).toEqual([
    '科技创新',
    '人才与教育',
    '产业升级',
    '因地制宜',
    '绿色发展',
    '体制机制改革',
  ]);
  // Undo the reorder, then collapse the nested theme with ←.
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.getByTestId('theme-row').last().getAttribute('data-theme-name')).toBe('绿色发展');
  await row('科技创新').click();
  await page.keyboard.press('ArrowLeft');
  await expect(row('人才与教育')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(row('人才与教育')).toBeVisible();

  // A theme memo in the notes editor, saved on its own.
  await row('因地制宜').click();
  const details = page.getByTestId('theme-details');
  await details.getByTestId('theme-memo-editor').click();
  await page.keyboard.type('各地从实际出发，不搞一刀切。');
  await expect(details.getByTestId('save-state')).toHaveText(/已保存|Saved/, { timeout: 5000 });
  await expect.poll(() => themeNamed(h, '因地制宜').memoText).toContain('不搞一刀切');

  // Pin 因地制宜 to key 1; in the reader, 1 now applies it.
  await details.getByTestId('pin-select').selectOption('1');
  await expect.poll(() => themeNamed(h, '因地制宜').pinned).toBe(1);
  await expect(row('因地制宜').locator('kbd.pin')).toHaveText('1');
  await shots(page, 'theme-tree', { target: page.locator('.side') });

  const docs = h['documents.list']({}) as { id: string; title: string }[];
  const heihe = docs.find((d) => d.title.includes(HEIHE))!;
  const text = (h['documents.get']({ id: heihe.id }) as { text: string }).text;
  const span = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
  const youth = h['annotations.create']({ documentId: heihe.id, ...span('人工智能'), themeIds: [themeNamed(h, '人才与教育').id] }) as Annotation;
  h['annotations.create']({ documentId: heihe.id, ...span('量子科技'), themeIds: [themeNamed(h, '人才与教育').id, themeNamed(h, '科技创新').id] });
  await reloadApp(page);
  await page.getByTestId('tab-themes').click();

  // Merge 人才与教育 into 产业升级 (from the row menu), then undo: the highlight has its theme back.
  const merge = page.getByTestId('merge-theme-dialog');
  const openMerge = async () => {
    await row('人才与教育').getByTestId('theme-menu').click();
    await page.getByTestId('menu-merge').click();
    await expect(merge).toBeVisible();
    await page.keyboard.type('cysj');
    await expect(merge.getByTestId('merge-option')).toHaveText([/产业升级/]);
  };
  await shots(page, 'merge-dialog', { prepare: openMerge, cleanup: () => page.keyboard.press('Escape') });
  await expect(merge).toBeHidden();
  await openMerge();
  await page.keyboard.press('Enter');
  await expect(merge).toBeHidden();
  await expect(row('人才与教育')).toHaveCount(0);
  expect(themeNamesOf(h, (h['annotations.list']({}) as Annotation[]).find((a) => a.id === youth.id)!)).toEqual(['产业升级']);
  await page.getByTestId('reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(row('人才与教育')).toBeVisible();
  await expect.poll(() => themeNamesOf(h, (h['annotations.list']({}) as Annotation[]).find((a) => a.id === youth.id)!)).toEqual(['人才与教育']);
  expect(themeNamed(h, '人才与教育').parentId).toBe(themeNamed(h, '科技创新').id);

  // Delete 科技创新 (with its sub-theme) and delete their highlights; undo brings all back.
  const del = page.getByTestId('delete-theme-dialog');
  const openDelete = async () => {
    await row('科技创新').click();
    await page.keyboard.press('Delete');
    await expect(del).toBeVisible();
  };
  await shots(page, 'delete-dialog', { prepare: openDelete, cleanup: () => page.keyboard.press('Escape') });
  await openDelete();
  await expect(del).toContainText('2');
  await del.getByTestId('delete-mode-deleteHighlights').check();
  await del.getByTestId('delete-confirm').click();
  await expect(del).toBeHidden();
  await expect(row('科技创新')).toHaveCount(0);
  await expect(row('人才与教育')).toHaveCount(0);
  expect(liveAnnotations(h)).toHaveLength(0);
  await page.keyboard.press('Control+z');
  await expect(row('科技创新')).toBeVisible();
  await expect(row('人才与教育')).toBeVisible();
  await expect.poll(() => liveAnnotations(h).length).toBe(2);
  // Redo deletes again, undo restores again: the change is handed back each time.
  await page.keyboard.press('Control+Shift+z');
  await expect(row('科技创新')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(row('科技创新')).toBeVisible();
  await expect.poll(() => liveAnnotations(h).length).toBe(2);

  // Codebook export as JSON (a download in browser mode) and import of a CSV with a new theme.
  await page.getByTestId('codebook-menu').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('codebook-export-json').click();
  const json = readFileSync(await (await download).path(), 'utf8');
  expect(json).toContain('人才与教育');
  expect(json).toContain('不搞一刀切');
  const csv = (h['codebook.export']({ format: 'csv' }) as { content: string }).content;
  const header = csv.split(/\r?\n/)[0];
  await page.getByTestId('codebook-import-input').setInputFiles({
    name: 'codebook.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\n${header.split(',').map((col) => (/path/i.test(col) ? '科技创新/数字经济' : /color/i.test(col) ? '#3366cc' : '')).join(',')}\n`, 'utf8'),
  });
  await expect(row('数字经济')).toBeVisible();
  await expect(row('数字经济')).toHaveAttribute('data-depth', '1');
  expect(themeNamed(h, '数字经济').parentId).toBe(themeNamed(h, '科技创新').id);

  // Back in the reader, key 1 applies the pinned theme.
  await openDoc(page, HEIHE);
  await selectByFind(page, '因地制宜推动');
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('1');
  await expect.poll(() => liveAnnotations(h).find((a) => a.exact === '因地制宜推动')?.themeIds).toEqual([themeNamed(h, '因地制宜').id]);
});

test('annotations panel: library, filter by theme with sub-themes, keyboard, jump to the passage', async ({ page, app }) => {
  const h = app.lib.handlers;
  const docs = h['documents.list']({}) as { id: string; title: string }[];
  const tech = themeNamed(h, '科技创新');
  const sub = h['themes.create']({ name: '人工智能', parentId: tech.id }) as Theme;
  const green = themeNamed(h, '绿色发展');
  const made: { doc: string; q: string }[] = [];
  for (const d of docs.slice(0, 6)) {
    const text = (h['documents.get']({ id: d.id }) as { text: string }).text;
    for (const [q, theme] of [
      ['新质生产力', sub.id],
      ['发展', green.id],
      ['创新', tech.id],
    ] as const) {
      const at = text.indexOf(q);
      if (at < 0) continue;
      h['annotations.create']({ documentId: d.id, start: at, end: at + q.length, themeIds: [theme] });
      if (theme !== green.id) made.push({ doc: d.id, q });
    }
  }
  await reloadApp(page);
  await page.getByTestId('tab-browse').click();
  const panel = page.getByTestId('browse-panel');
  await panel.getByTestId('browse-scope-library').click();
  const all = liveAnnotations(h).length;
  await expect(panel.getByTestId('browse-total')).toContainText(String(all));

  // 科技创新 with its sub-themes, then without.
  await panel.getByTestId('browse-theme').selectOption(tech.id);
  await expect(panel.getByTestId('browse-total')).toContainText(String(made.length));
  await panel.getByTestId('browse-subthemes').uncheck();
  await expect(panel.getByTestId('browse-total')).toContainText(String(made.filter((m) => m.q === '创新').length));
  await panel.getByTestId('browse-subthemes').check();
  await panel.getByTestId('browse-more-filters').click();
  await panel.getByTestId('browse-note').selectOption('no');
  await expect(panel.getByTestId('browse-total')).toContainText(String(made.length));
  await panel.getByTestId('browse-author').fill('nobody');
  await expect(panel.getByTestId('browse-total')).toContainText('0');
  await panel.getByTestId('browse-author').fill('');
  await shots(page, 'annotations-panel', { target: page.locator('.side') });

  // Keyboard: ↓ twice and Enter open the third passage, flashed, and make it the active annotation.
  const list = panel.getByTestId('browse-list');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = panel.getByTestId('browse-item').nth(2);
  await expect(third).toHaveAttribute('aria-selected', 'true');
  const id = await third.getAttribute('data-annotation-id');
  const target = liveAnnotations(h).find((a) => a.id === id)!;
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).some((n) => n.startsWith('search-flash'))).toBe(true);
  await expect.poll(async () => Object.entries(await paintedHighlights(page)).filter(([n]) => n.startsWith('search-flash')).flatMap(([, r]) => r)).toContain(target.exact);
  await expect(page.locator('.doc-item.active')).toContainText((h['documents.get']({ id: target.documentId }) as { title: string }).title.slice(0, 6));

  // A click on another row jumps too; the document scope lists only the open document.
  await panel.getByTestId('browse-item').first().click();
  await panel.getByTestId('browse-scope-document').click();
  const openDocId = await page.evaluate(() => localStorage.getItem('pizhu.lastDocument'));
  await expect(panel.getByTestId('browse-total')).toContainText(String(made.filter((m) => m.doc === openDocId).length));
});

test('document and project memos are saved as they are typed', async ({ page, app }) => {
  const h = app.lib.handlers;
  await openDoc(page, HEIHE);
  await page.getByTestId('tab-memos').click();
  const docMemo = page.getByTestId('doc-memo-editor');
  await docMemo.click();
  await page.keyboard.type('本文把“以新促质”落到黑河：');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('边境口岸');
  await page.keyboard.press('Control+b');
  await page.getByTestId('project-memo-editor').click();
  await page.keyboard.type('研究问题：地方如何转述中央提法？');
  await expect(page.getByTestId('project-memo-editor-section').getByTestId('save-state')).toHaveText(/已保存|Saved/, { timeout: 5000 });
  await expect(page.getByTestId('doc-memo-editor-section').getByTestId('save-state')).toHaveText(/已保存|Saved/);
  const docId = await page.evaluate(() => localStorage.getItem('pizhu.lastDocument'));
  const stored = h['memos.get']({ scope: 'document', documentId: docId! }) as Memo;
  expect(stored.noteText).toContain('边境口岸');
  expect(stored.noteJson).toContain('"format":1');
  expect((h['memos.get']({ scope: 'project' }) as Memo).noteText).toContain('地方如何转述');
  await shots(page, 'memos', { target: page.locator('.side') });

  await reloadApp(page);
  await page.getByTestId('tab-memos').click();
  await expect(page.getByTestId('doc-memo-editor')).toContainText('边境口岸');
  await expect(page.getByTestId('project-memo-editor')).toContainText('研究问题');
});

test('auto-code every occurrence of a search with a theme, undo and redo in one step', async ({ page, app }) => {
  const h = app.lib.handlers;
  const q = '新动能';
  await page.keyboard.press('Control+Shift+F');
  await page.getByTestId('search-input').fill(q);
  const total = Number((await page.getByTestId('search-total').textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(3);
  await page.getByTestId('autocode-open').click();
  const dialog = page.getByTestId('autocode-dialog');
  await expect(dialog).toContainText(String(total));
  await page.keyboard.type('lsfz');
  await expect(dialog.getByTestId('autocode-option')).toHaveText([/绿色发展/]);
  await page.keyboard.press('Escape');
  await shots(page, 'autocode', {
    prepare: async () => {
      await page.getByTestId('autocode-open').click();
      await page.keyboard.type('lsfz');
    },
    cleanup: () => page.keyboard.press('Escape'),
  });
  await page.getByTestId('autocode-open').click();
  await page.keyboard.type('lsfz');
  await dialog.getByTestId('autocode-confirm').click();
  await expect(dialog).toBeHidden();
  const green = themeNamed(h, '绿色发展');
  await expect.poll(() => liveAnnotations(h).filter((a) => a.themeIds.includes(green.id)).length).toBe(total);

  await page.getByTestId('reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => liveAnnotations(h).length).toBe(0);
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => liveAnnotations(h).filter((a) => a.themeIds.includes(green.id)).length).toBe(total);
});
