// The analysis workspace through the real backend on the seeds: coded retrieval (AND / OR), theme frequency,
// co-occurrence with click-through to the reader, term tracking across scripts, word frequency with stop words,
// and charts saved as SVG / PNG. Expected numbers come from what the test itself coded or from a plain scan of
// the stored texts, never from the analysis code under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { foldForSearch } from '../../shared/chinese';
import type { Annotation, DocumentRecord, DocumentSummary, Theme } from '../../shared/domain';
import { expect, shotsDir, test, openApp } from './fixtures';

type Handlers = Record<string, (input: unknown) => unknown>;

test.use({ viewport: { width: 1440, height: 900 } });

function documents(h: Handlers): DocumentRecord[] {
  return (h['documents.list']({}) as DocumentSummary[]).map((d) => h['documents.get']({ id: d.id }) as DocumentRecord);
}

function occurrences(text: string, term: string, fold: boolean): number {
  const hay = foldForSearch(text, fold);
  const needle = foldForSearch(term, fold);
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The sentence around offset `at` (from the previous 。！？ or line break to the next one). */
function sentenceAround(text: string, at: number, length: number): [number, number] {
  let start = at;
  while (start > 0 && !'。！？；\n'.includes(text[start - 1]) && at - start < 80) start--;
  let end = at + length;
  while (end < text.length && !'。！？；\n'.includes(text[end]) && end - at < 120) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return [start, end];
}

interface Coding {
  themes: Record<string, Theme>;
  annotations: Annotation[];
}

/** A small codebook and passages coded the way a reader would: sentences, some with two themes, some overlapping. */
function codeLibrary(h: Handlers): Coding {
  const docs = documents(h);
  const themes: Record<string, Theme> = {};
  const make = (name: string, color: string, parent?: string) => {
    themes[name] = h['themes.create']({ name, color, parentId: parent ? themes[parent].id : null }) as Theme;
  };
  make('科技创新', '#2f6690');
  make('颠覆性技术', '#6b4e9b', '科技创新');
  make('产业升级', '#b7791f');
  make('因地制宜', '#3a7d44');
  make('人才培养', '#a23b72');
  make('体制改革', '#8c5a3c');
  const annotations: Annotation[] = [];
  const code = (word: string, names: string[], perDoc: number, whole = true) => {
    for (const d of docs) {
      let n = 0;
      for (let at = d.text.indexOf(word); at >= 0 && n < perDoc; at = d.text.indexOf(word, at + word.length)) {
        const [start, end] = whole ? sentenceAround(d.text, at, word.length) : [at, at + word.length];
        annotations.push(h['annotations.create']({ documentId: d.id, start, end, themeIds: names.map((x) => themes[x].id) }) as Annotation);
        n++;
      }
    }
  };
  code('科技创新', ['科技创新'], 2);
  code('颠覆性', ['颠覆性技术'], 1);
  code('产业升级', ['产业升级', '科技创新'], 1);
  code('传统产业', ['产业升级'], 1);
  code('因地制宜', ['因地制宜'], 2);
  code('人才', ['人才培养'], 1);
  code('体制机制', ['体制改革'], 1);
  // Overlapping highlights with different themes: from inside a 因地制宜 sentence to past its end, coded 人才培养.
  const local = annotations.filter((a) => a.themeIds.includes(themes['因地制宜'].id)).slice(0, 3);
  for (const a of local) {
    const text = docs.find((d) => d.id === a.documentId)!.text;
    const start = Math.floor((a.start + a.end) / 2);
    annotations.push(h['annotations.create']({ documentId: a.documentId, start, end: Math.min(text.length, a.end + 12), themeIds: [themes['人才培养'].id] }) as Annotation);
  }
  return { themes, annotations };
}



async function openAnalysis(page: Page, url: string) {
  await openApp(page, url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await page.keyboard.press('Control+Shift+A');
  await expect(page.getByTestId('analysis-view')).toBeVisible();
}

/** Texts drawn in a chart's SVG. */
function chartTexts(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => [...document.querySelectorAll(`[data-testid="${id}"] svg text`)].map((t) => t.textContent ?? ''), testId);
}

/** Waits until the chart has drawn and its entry animation has settled. */
async function chartReady(page: Page, testId: string): Promise<void> {
  await expect.poll(async () => (await chartTexts(page, testId)).length).toBeGreaterThan(2);
  await page.waitForTimeout(500);
}

/** Screen centre of the co-occurrence cell in row `rowPath`, column `colName` (column names stand upright, a character per text). */
function cellPoint(page: Page, rowPath: string, colName: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([row, col]) => {
      const svg = document.querySelector('[data-testid="an-cooccurrence-chart"] svg')!;
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')];
      const rowText = texts.find((t) => t.getAttribute('text-anchor') === 'end' && t.textContent === row);
      if (!rowText) throw new Error(`no row ${row}`);
      const columns = new Map<string, string>();
      for (const t of texts) {
        const transform = t.getAttribute('transform') ?? '';
        if (t.getAttribute('text-anchor') !== 'middle' || !t.hasAttribute('y') || t.hasAttribute('x')) continue;
        columns.set(transform, (columns.get(transform) ?? '') + t.textContent);
      }
      const column = [...columns].find(([, name]) => name === col);
      if (!column) throw new Error(`no column ${col}: ${[...columns.values()].join(', ')}`);
      const x = Number(/translate\(([\d.]+)/.exec(column[0])![1]);
      const r = rowText.getBoundingClientRect();
      return { x: box.left + x, y: r.top + r.height / 2 };
    },
    [rowPath, colName],
  );
}

const withAny = (a: Annotation, ids: string[]) => a.themeIds.some((id) => ids.includes(id));

test('coded retrieval: OR and AND over the library, with and without sub-themes, and a passage opens in the reader', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const { themes, annotations } = codeLibrary(h);
  const tech = [themes['科技创新'].id];
  const techAndSub = [themes['科技创新'].id, themes['颠覆性技术'].id];
  const industry = [themes['产业升级'].id];
  const orSub = annotations.filter((a) => withAny(a, techAndSub) || withAny(a, industry)).length;
  const andSub = annotations.filter((a) => withAny(a, techAndSub) && withAny(a, industry)).length;
  const orOwn = annotations.filter((a) => withAny(a, tech) || withAny(a, industry)).length;
  const andOwn = annotations.filter((a) => withAny(a, tech) && withAny(a, industry)).length;
  // The data must tell the four apart, or the test proves nothing.
  expect(andSub).toBeGreaterThan(0);
  expect(andSub).toBeLessThan(orOwn);
  expect(orOwn).toBeLessThan(orSub);

  await openAnalysis(page, app.server.url);
  await expect(page.getByTestId('an-tab-retrieval')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('an-pick-themes')).toBeVisible();
  await page.locator('[data-testid="an-theme-check"][data-theme-name="科技创新"]').check();
  await page.locator('[data-testid="an-theme-check"][data-theme-name="产业升级"]').check();
  const count = page.getByTestId('an-retrieval-count');
  await expect(count).toHaveAttribute('data-count', String(orSub));
  await expect(page.getByTestId('an-passage')).toHaveCount(orSub);
  await page.getByTestId('an-mode-all').click();
  await expect(count).toHaveAttribute('data-count', String(andSub));
  await expect(page.getByTestId('an-passage')).toHaveCount(andSub);
  await page.getByTestId('an-subthemes').uncheck({ force: true });
  await expect(count).toHaveAttribute('data-count', String(andOwn));

  // "Export these": the AND result, not every passage of either theme.
  const andPassages = annotations.filter((a) => withAny(a, tech) && withAny(a, industry));
  const orOnly = annotations.find((a) => withAny(a, tech) && !withAny(a, industry) && !andPassages.some((x) => x.exact.includes(a.exact)))!;
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('an-export-md').click()]);
  const markdown = readFileSync((await md.path())!, 'utf8');
  for (const a of andPassages) expect(markdown).toContain(a.exact.replace(/\s+/g, ' ').slice(0, 12));
  expect(markdown).not.toContain(orOnly.exact.slice(0, 30));
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('an-export-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  expect([...readFileSync((await docx.path())!).subarray(0, 2)]).toEqual([0x50, 0x4b]);

  // The export is a backend job: while it runs (its answers held back here) its progress stands in for the
  // buttons, in the tasks indicator too, and Cancel asks the backend to stop it.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/jobs.get', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('an-export-docx').focus();
  await page.keyboard.press('Enter');
  const progress = page.getByTestId('an-export-progress').getByTestId('job-progress');
  await expect(progress).toContainText('导出 Word');
  // Focus moves to Cancel while the export runs, and back to the button after.
  await expect(progress.getByTestId('job-cancel')).toBeFocused();
  await expect(page.getByTestId('tasks-indicator')).toBeVisible();
  await page.screenshot({ path: join(shotsDir, 'analysis-retrieval-export-job-zh-light.png') });
  const cancelAsked = page.waitForRequest('**/api/jobs.cancel');
  await progress.getByTestId('job-cancel').click();
  await cancelAsked;
  await expect(progress.getByTestId('job-cancel')).toBeDisabled();
  release();
  await expect(page.getByTestId('an-export-docx')).toBeEnabled();
  await expect(page.getByTestId('an-export-docx')).toBeFocused();
  await expect(page.getByTestId('tasks-indicator')).toBeHidden();
  await page.unroute('**/api/jobs.get');

  await page.getByTestId('an-mode-any').click();
  await expect(count).toHaveAttribute('data-count', String(orOwn));

  // Every listed passage is one of the highlights coded so, with its source line.
  const listed = await page.getByTestId('an-passage').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
  const expected = new Set(annotations.filter((a) => withAny(a, tech) || withAny(a, industry)).map((a) => a.id));
  expect(new Set(listed)).toEqual(expected);

  // Keyboard: Tab into the list, arrows move, Enter opens the passage in the reader.
  const first = page.getByTestId('an-passage').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const secondId = await page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'));
  const target = annotations.find((a) => a.id === secondId)!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('analysis-view')).toBeHidden();
  await expect(page.getByTestId('reader-text')).toContainText(target.exact.slice(0, 20));
  const doc = h['documents.get']({ id: target.documentId }) as DocumentRecord;
  await expect(page.locator('.reader-header h1')).toHaveText(doc.title);
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((n) => n.startsWith('search-flash')))).toBe(true);

  // The way back keeps what was asked.
  await page.getByTestId('analysis-return').getByRole('button').first().click();
  await expect(page.getByTestId('an-retrieval-count')).toHaveAttribute('data-count', String(orOwn));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('analysis-view')).toBeHidden();
});

test('theme frequency: bars for every theme, library and one document; tabs move with the arrow keys', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const { themes, annotations } = codeLibrary(h);
  await openAnalysis(page, app.server.url);
  // Opening focuses the tab list: → moves to the next view.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('an-tab-frequency')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('an-tab-frequency')).toBeFocused();
  await chartReady(page, 'an-frequency-chart');
  const texts = await chartTexts(page, 'an-frequency-chart');
  for (const name of ['科技创新', '产业升级', '因地制宜', '人才培养', '体制改革']) expect(texts).toContain(name);
  expect(texts).toContain('科技创新 › 颠覆性技术');
  // Each bar's number is that theme's own highlights.
  for (const th of Object.values(themes)) {
    const own = annotations.filter((a) => a.themeIds.includes(th.id)).length;
    expect(texts.some((x) => x === String(own) || x.startsWith(`${own}  (`))).toBe(true);
  }
  // Hovering a bar shows its theme's path, count and share.
  const bar = (await page.locator(`[data-testid="an-frequency-chart"] svg path[fill="${themes['科技创新'].color}"]`).first().boundingBox())!;
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  const tip = page.locator('[data-testid="an-frequency-chart"] .an-chart > div').last();
  const ownTech = annotations.filter((a) => a.themeIds.includes(themes['科技创新'].id)).length;
  await expect(tip).toContainText(`科技创新`);
  await expect(tip).toContainText(`${ownTech} 处`);
  await page.screenshot({ path: join(shotsDir, 'analysis-frequency-tooltip-zh-light.png') });
  const links = annotations.reduce((s, a) => s + a.themeIds.length, 0);
  await expect(page.getByTestId('an-frequency-summary')).toContainText(links.toLocaleString('zh-CN'));

  // One document: only its highlights count.
  const docId = annotations[0].documentId;
  const inDoc = annotations.filter((a) => a.documentId === docId).reduce((s, a) => s + a.themeIds.length, 0);
  await page.getByTestId('an-frequency-scope').selectOption(docId);
  await expect(page.getByTestId('an-frequency-summary')).toContainText(`共 ${inDoc.toLocaleString('zh-CN')} 处编码`);
});

test('co-occurrence: same highlight vs overlapping, a cell lists its passages, mouse and keyboard, through to the reader', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const { themes, annotations } = codeLibrary(h);
  const both = (a: string, b: string) => annotations.filter((x) => x.themeIds.includes(themes[a].id) && x.themeIds.includes(themes[b].id));
  const sameTechIndustry = both('科技创新', '产业升级').length;
  expect(sameTechIndustry).toBeGreaterThan(0);
  expect(both('因地制宜', '人才培养')).toHaveLength(0);

  await openAnalysis(page, app.server.url);
  await page.getByTestId('an-tab-cooccurrence').click();
  await chartReady(page, 'an-cooccurrence-chart');

  // Mouse: the 科技创新 × 产业升级 cell lists the highlights carrying both.
  const cell = await cellPoint(page, '科技创新', '产业升级');
  await page.mouse.click(cell.x, cell.y);
  const passages = page.getByTestId('an-cell-passages');
  await expect(passages.getByTestId('an-passage')).toHaveCount(sameTechIndustry);
  const ids = await passages.getByTestId('an-passage').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
  expect(new Set(ids)).toEqual(new Set(both('科技创新', '产业升级').map((a) => a.id)));

  // Overlap: 因地制宜 and 人才培养 never share a highlight, but three of their highlights overlap.
  await page.getByTestId('an-cooc-overlap').click();
  await chartReady(page, 'an-cooccurrence-chart');
  const overlapCell = await cellPoint(page, '因地制宜', '人才培养');
  await page.mouse.click(overlapCell.x, overlapCell.y);
  await expect.poll(() => passages.getByTestId('an-passage').count()).toBeGreaterThanOrEqual(3);
  await page.getByTestId('an-cooc-same').click();
  await expect(passages.getByTestId('an-passage')).toHaveCount(0);

  // Keyboard: focus the matrix, arrows move a cursor (announced), Enter lists the cell.
  await page.getByTestId('an-matrix').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('an-matrix-cursor')).not.toBeEmpty();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('an-matrix-cursor')).toContainText('×');
  await page.keyboard.press('Enter');
  await expect(passages.locator('.chip')).toHaveCount(2);

  // Back to the pair with passages, then click one through to the reader.
  await page.getByTestId('an-cooc-overlap').click();
  await chartReady(page, 'an-cooccurrence-chart');
  const again = await cellPoint(page, '因地制宜', '人才培养');
  await page.mouse.click(again.x, again.y);
  const item = passages.getByTestId('an-passage').first();
  await expect(item).toBeVisible();
  const id = await item.getAttribute('data-annotation-id');
  const target = annotations.find((a) => a.id === id)!;
  await item.click();
  await expect(page.getByTestId('analysis-view')).toBeHidden();
  await expect(page.getByTestId('reader-text')).toContainText(target.exact.slice(0, 12));
});

test('term tracking: 新质生产力 counted in both scripts, documents by date, undated last', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const docs = documents(h);
  const folded = docs.reduce((s, d) => s + occurrences(d.text, '新质生产力', true), 0);
  const exact = docs.reduce((s, d) => s + occurrences(d.text, '新质生产力', false), 0);
  const local = docs.reduce((s, d) => s + occurrences(d.text, '因地制宜', true), 0);
  // The seeds write it in traditional characters too; otherwise folding is untested.
  expect(folded).toBeGreaterThan(exact);

  await openAnalysis(page, app.server.url);
  await page.getByTestId('an-tab-terms').click();
  await expect(page.getByTestId('an-term-chip')).toHaveText(['新质生产力×']);
  const total = page.locator('[data-testid="an-term-total"][data-term="新质生产力"]');
  await expect(total).toHaveAttribute('data-count', String(folded));
  await chartReady(page, 'an-terms-chart');
  const texts = await chartTexts(page, 'an-terms-chart');
  const earliest = docs.map((d) => d.publishedAt).filter(Boolean).sort()[0]!;
  const labels = texts.filter((t) => /^\d{4}-\d{2}-\d{2}/.test(t));
  expect(labels[0]).toContain(earliest);
  expect([...labels].sort()).toEqual(labels);
  if (docs.some((d) => !d.publishedAt)) expect(texts).toContain('未注明日期');

  await page.getByTestId('an-term-fold').uncheck({ force: true });
  await expect(total).toHaveAttribute('data-count', String(exact));
  await page.getByTestId('an-term-fold').check({ force: true });
  await page.getByTestId('an-term-input').fill('因地制宜');
  await page.getByTestId('an-term-input').press('Enter');
  await expect(page.locator('[data-testid="an-term-total"][data-term="因地制宜"]')).toHaveAttribute('data-count', String(local));
  await chartReady(page, 'an-terms-chart');
  const legend = await chartTexts(page, 'an-terms-chart');
  expect(legend).toContain('因地制宜');
});

test('word frequency: Chinese words, stop words left out and editable, scoped to a theme', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  const { themes } = codeLibrary(h);
  const stop = new Set(h['analysis.stopwords']({}) as string[]);
  expect(stop.size).toBeGreaterThan(10);

  await openAnalysis(page, app.server.url);
  await page.getByTestId('an-tab-words').click();
  const rows = page.getByTestId('an-word-row');
  await expect(rows.first()).toBeVisible();
  const words = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-word')!));
  expect(words.length).toBeGreaterThan(50);
  expect(words.slice(0, 10).some((w) => w.includes('新质') || w.includes('生产力'))).toBe(true);
  expect(words.filter((w) => stop.has(w))).toEqual([]);
  // Segmented words, not runs of text between spaces.
  expect(Math.max(...words.map((w) => w.length))).toBeLessThanOrEqual(8);
  await chartReady(page, 'an-wordcloud');
  expect(await chartTexts(page, 'an-wordcloud')).toContain(words[0]);

  // ⊘ on the top word makes it a stop word: gone from the table, kept by the backend.
  const top = words[0];
  await rows.first().hover();
  await rows.first().getByRole('button', { name: /停用词/ }).click();
  await expect(page.locator(`[data-testid="an-word-row"][data-word="${top}"]`)).toHaveCount(0);
  expect(h['analysis.stopwords']({}) as string[]).toContain(top);

  // The editor shows it; taking it out again and saving brings the word back.
  await page.getByTestId('an-stopwords-toggle').click();
  const area = page.getByTestId('an-stopwords-text');
  await expect(area).toHaveValue(new RegExp(`(^|\\n)${top}(\\n|$)`));
  const text = await area.inputValue();
  await area.fill(text.split('\n').filter((w) => w !== top).join('\n'));
  await page.getByTestId('an-stopwords-save').click();
  await expect(page.locator(`[data-testid="an-word-row"][data-word="${top}"]`)).toHaveCount(1);
  await page.getByTestId('an-stopwords-toggle').click();

  // A theme's passages: fewer words in all than the library.
  const libraryTotal = await page.getByTestId('an-words-summary').innerText();
  await page.getByTestId('an-words-scope-theme').click();
  await page.getByTestId('an-words-theme').selectOption(themes['因地制宜'].id);
  await expect(page.getByTestId('an-words-summary')).not.toHaveText(libraryTotal);
  // The first theme with passages answers first; wait for the chosen one's words.
  await expect
    .poll(async () => (await rows.evaluateAll((els) => els.slice(0, 10).map((e) => e.getAttribute('data-word')!))).some((w) => w.includes('因地') || w.includes('制宜')))
    .toBe(true);
});

test('charts save as SVG and PNG in the print style, whatever the screen theme', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  codeLibrary(h);
  await openAnalysis(page, app.server.url);
  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('an-tab-frequency').click();
  await chartReady(page, 'an-frequency-chart');

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-svg').click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/^主题频次.*\.svg$/);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('科技创新 › 颠覆性技术');
  // White ground and dark type, though the app is in its dark theme.
  expect(svg).toMatch(/<rect[^>]+fill="#ffffff"|background(-color)?:\s*#ffffff/i);
  expect(svg).toContain('fill="#1a1a1a"');
  expect(svg).not.toContain('#dcdcdc');

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').click()]);
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const chartWidth = await page.locator('[data-testid="an-frequency-chart"] .an-chart').evaluate((e) => e.clientWidth);
  expect(width).toBe(chartWidth * 3);
  await expect(page.getByTestId('toast').last()).toContainText('.png');
  await svgDownload.saveAs(join(shotsDir, 'analysis-saved-frequency.svg'));
  await pngDownload.saveAs(join(shotsDir, 'analysis-saved-frequency.png'));

  // Every chart saves; the files are kept beside the screenshots to be looked at.
  for (const [tab, chart] of [['cooccurrence', 'an-cooccurrence-chart'], ['terms', 'an-terms-chart'], ['words', 'an-wordcloud']]) {
    await page.getByTestId(`an-tab-${tab}`).click();
    await chartReady(page, chart);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(chart).getByTestId('save-png').click()]);
    expect([...readFileSync((await file.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await file.saveAs(join(shotsDir, `analysis-saved-${tab}.png`));
    const [vector] = await Promise.all([page.waitForEvent('download'), page.getByTestId(chart).getByTestId('save-svg').click()]);
    const text = readFileSync((await vector.path())!, 'utf8');
    // A word cloud lays its words out after a tick: the saved file must hold them.
    expect(text.match(/<text/g)?.length ?? 0).toBeGreaterThan(5);
  }
});

test('empty states say what to do before anything is coded', async ({ page, app }) => {
  await openAnalysis(page, app.server.url);
  await expect(page.getByTestId('an-empty')).toContainText('还没有主题');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('an-empty')).toContainText('还没有主题');
  await page.screenshot({ path: join(shotsDir, 'analysis-empty-zh-light.png') });
  await page.getByTestId('an-tab-terms').click();
  await page.getByTestId('an-term-chip').getByRole('button').click();
  await expect(page.getByTestId('an-empty')).toContainText('输入一个或多个提法');
  await page.getByTestId('an-term-input').fill('量子引力');
  await page.getByTestId('an-term-input').press('Enter');
  await expect(page.locator('[data-testid="an-term-total"][data-term="量子引力"]')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('an-empty')).toContainText('没有出现');
  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('toggle-lang').click();
  await page.screenshot({ path: join(shotsDir, 'analysis-empty-terms-en-dark.png') });
});

test('screenshots: every view in light and dark, Chinese and English', async ({ page, app }) => {
  const h = app.lib.handlers as unknown as Handlers;
  codeLibrary(h);
  await openAnalysis(page, app.server.url);
  // Views in an interesting state: two themes in retrieval, a cell open in the matrix, two terms.
  await page.locator('[data-testid="an-theme-check"][data-theme-name="科技创新"]').check();
  await page.locator('[data-testid="an-theme-check"][data-theme-name="产业升级"]').check();
  await page.getByTestId('an-tab-cooccurrence').click();
  await page.getByTestId('an-cooc-overlap').click();
  await chartReady(page, 'an-cooccurrence-chart');
  const cell = await cellPoint(page, '科技创新', '产业升级');
  await page.mouse.click(cell.x, cell.y);
  await page.getByTestId('an-tab-terms').click();
  await page.getByTestId('an-term-input').fill('因地制宜');
  await page.getByTestId('an-term-input').press('Enter');
  await page.getByTestId('an-term-input').fill('高质量发展');
  await page.getByTestId('an-term-input').press('Enter');
  const charts: Record<string, string | null> = { retrieval: null, frequency: 'an-frequency-chart', cooccurrence: 'an-cooccurrence-chart', terms: 'an-terms-chart', words: 'an-wordcloud' };
  for (const [lang, scheme] of [['zh', 'light'], ['zh', 'dark'], ['en', 'dark'], ['en', 'light']]) {
    if (lang === 'en' && scheme === 'dark') await page.getByTestId('toggle-lang').click();
    if ((lang === 'zh' && scheme === 'dark') || (lang === 'en' && scheme === 'light')) await page.getByTestId('toggle-theme').click();
    for (const [tab, chart] of Object.entries(charts)) {
      await page.getByTestId(`an-tab-${tab}`).click();
      if (chart) await chartReady(page, chart);
      else await expect(page.getByTestId('an-passage').first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(shotsDir, `analysis-${tab}-${lang}-${scheme}.png`) });
    }
  }
});
