// Hostile documents: pages and notes written to run code in the reader are imported through the real import
// dialog and shown in the reader, the annotation panel, the export preview and the search results. Every payload
// would set window.__pwned, open a dialog or request a URL containing "pwn"; none may happen, and the markup must
// appear as the literal text it is.
import type { ConsoleMessage, Dialog, Page, Request } from '@playwright/test';
import { join } from 'node:path';
import type { DocumentSummary, Theme } from '../../shared/domain';
import { link, note, paragraph, text } from '../unit/lexicalNote';
import { clickQuote, expect, shotsDir, test, openApp, reloadApp } from './fixtures';

const EVIL = 'http://127.0.0.1:9/pwn';
const SCRIPT_TEXT = '<script>alert("文本里的脚本")</script>';
const IMG_TEXT = '<img src=x onerror=alert(1)>';

const HTML_PAGE = `<!doctype html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${EVIL}/refresh">
<base href="${EVIL}/base/">
<title>敌意网页：脚本与事件<img src=x onerror="window.__pwned='title'"></title>
<meta name="author" content="<img src=x onerror=window.__pwned='author'>">
<link rel="stylesheet" href="${EVIL}/style.css">
<style>body { background: url(${EVIL}/bg.png) } .x { width: expression(window.__pwned='css-expression') }</style>
<script>window.__pwned = 'head-script'; fetch('${EVIL}/head');</script>
<script src="${EVIL}/remote.js"></script>
</head>
<body onload="window.__pwned='body-onload'">
<article>
<h1 onclick="window.__pwned='h1-click'">敌意网页：脚本与事件</h1>
<p>第一段：这是一篇用来检验导入安全的文章，页面里藏着脚本、事件处理器和各种外部资源，导入后只应留下文字。正文里写着 &lt;script&gt;alert("文本里的脚本")&lt;/script&gt; 这段字，应当原样显示。</p>
<p>第二段：<img src="${EVIL}/img.png" onerror="window.__pwned='img-onerror'" alt="图片替代文字">图片之后的文字。<a href="javascript:window.__pwned='js-link'">点我运行脚本</a>，以及<a href="file:///etc/passwd">本地文件链接</a>，以及<a href="${EVIL}/page" target="_blank">外部网页链接</a>。</p>
<p onmouseover="window.__pwned='p-hover'" style="background:url(${EVIL}/inline.png)">第三段：鼠标移过这段文字时，页面原本会运行事件处理器；导入后它只是普通文字，这一段还要足够长，让正文识别把它当作文章内容保留下来。</p>
<svg onload="window.__pwned='svg-onload'" width="10" height="10"><script>window.__pwned='svg-script'</script><a href="javascript:window.__pwned='svg-link'"><text y="10">矢量图里的链接</text></a></svg>
<iframe src="${EVIL}/frame"></iframe>
<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<object data="${EVIL}/object.swf"></object><embed src="${EVIL}/embed.swf">
<form action="${EVIL}/form"><input name="q" value="表单"><button formaction="javascript:window.__pwned='form'">提交表单</button></form>
<p>第四段：新质生产力的发展需要因地制宜，先立后破，这一段是普通的正文，文中引用了 &lt;img src=x onerror=alert(1)&gt; 这样的代码，用来让文章足够像一篇真正的报道。</p>
<details open ontoggle="window.__pwned='details'"><summary>展开</summary>折叠内容</details>
</article>
<script>document.write('<img src=${EVIL}/write.png>'); window.__pwned = 'body-script';</script>
</body></html>`;

const FRAMES_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>框架与对象</title></head>
<body><main>
<h1>框架与对象</h1>
<p>框架之前的文字：这一页只有框架、对象和嵌入内容，导入之后应当只剩下这些说明文字，而不会加载任何一个外部地址。</p>
<iframe src="javascript:parent.__pwned='iframe-js'"></iframe>
<iframe srcdoc="&lt;img src=x onerror=&quot;parent.__pwned='srcdoc-img'&quot;&gt;"></iframe>
<object type="text/html" data="data:text/html,<script>parent.__pwned='object-data'</script>"></object>
<embed type="image/svg+xml" src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.__pwned=1'/>">
<p>框架之后的文字：即使页面要求刷新或者跳转，阅读器也应当停在原处，只显示文字，不运行任何脚本。</p>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>
</main></body></html>`;

const MARKDOWN = `# 敌意笔记：Markdown 里的 HTML

正文第一段，Markdown 文件里直接写了 HTML，导入后应当原样显示为文字。

<script>window.__pwned = 'md-script'</script>

<img src="${EVIL}/md.png" onerror="window.__pwned='md-img'">

[点我：Markdown 脚本链接](javascript:window.__pwned='md-link') 与 [本地文件](file:///etc/passwd)

<iframe srcdoc="<script>parent.__pwned='md-srcdoc'</script>"></iframe>

<svg><script>window.__pwned='md-svg'</script></svg>

最后一段：以上所有标记都只是文字。
`;

const SVG_FILE = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='svg-file'"><script>window.__pwned='svg-file-script'</script><text>矢量图文件</text></svg>`;

const files = () => [
  { name: 'hostile-page.html', mimeType: 'text/html', buffer: Buffer.from(HTML_PAGE) },
  { name: 'hostile-frames.htm', mimeType: 'text/html', buffer: Buffer.from(FRAMES_PAGE) },
  { name: 'hostile-note.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) },
  { name: 'hostile-image.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG_FILE) },
];

interface Watch {
  dialogs: string[];
  foreignRequests: string[];
  cspErrors: string[];
  pageErrors: string[];
  popups: number;
}

/** Records everything a payload could do that the page itself never does. */
function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], foreignRequests: [], cspErrors: [], pageErrors: [], popups: 0 };
  page.on('dialog', (d: Dialog) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r: Request) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) w.foreignRequests.push(url);
    else if (/pwn/i.test(url)) w.foreignRequests.push(url);
  });
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) w.cspErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('popup', () => w.popups++);
  return w;
}

async function expectNothingRan(page: Page, w: Watch): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(w.dialogs).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  expect(w.cspErrors).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(w.popups).toBe(0);
  // No element the page did not make itself: nothing executable, embedded or linked out, and no inline handler.
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll('script:not([src^="/"]):not([src^="./"]), iframe, frame, object, embed, form, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), link:not([rel="stylesheet"]):not([rel="modulepreload"])')) {
      if (el.tagName === 'SCRIPT' && (el as HTMLScriptElement).src && new URL((el as HTMLScriptElement).src).origin === location.origin) continue;
      bad.push(el.outerHTML.slice(0, 120));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`${el.tagName} ${a}`);
      for (const a of ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']) {
        const v = el.getAttribute(a);
        // A note may hold an ordinary web link, shown in the note editor and the export preview (the desktop app
        // opens such a link only in the system browser, after a confirmation).
        const noteLink = a === 'href' && /^https?:/i.test(v ?? '') && el.closest('.note-editor, [data-testid="export-preview"]') !== null;
        if (v && !noteLink && /^\s*(javascript|file|vbscript):|pwn/i.test(v)) bad.push(`${el.tagName} ${a}=${v}`);
      }
    }
    for (const el of document.querySelectorAll('[data-testid="reader-text"] img, [data-testid="reader-text"] svg, [data-testid="reader-text"] a, [data-testid="reader-text"] style')) bad.push(el.outerHTML.slice(0, 120));
    return bad;
  });
  expect(found).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/');
}

const docByTitle = (app: { lib: { handlers: unknown } }, part: string) =>
  ((app.lib.handlers as { 'documents.list': (i: object) => DocumentSummary[] })['documents.list']({})).find((d) => d.title.includes(part));

test('hostile HTML, Markdown and SVG files import as text and run nothing in the reader, notes, export preview or search', async ({ page, app }) => {
  test.setTimeout(90_000);
  const origin = new URL(app.server.url).origin;
  const w = watch(page, origin);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();

  // Import the four files through the real dialog.
  await page.keyboard.press('Control+o');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-files-input').setInputFiles(files());
  await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 20_000 });
  const row = (file: string) => dialog.getByTestId('import-row').filter({ has: page.locator(`[title="${file}"]`) });
  await expect(row('hostile-page.html')).toHaveAttribute('data-status', 'imported');
  await expect(row('hostile-frames.htm')).toHaveAttribute('data-status', 'imported');
  await expect(row('hostile-note.md')).toHaveAttribute('data-status', 'imported');
  // An SVG is not a text format: refused with a message, or at most kept as text. Never drawn.
  await expect(row('hostile-image.svg')).toHaveAttribute('data-status', /failed|imported/);
  await page.screenshot({ path: join(shotsDir, 'hostile-import.png') });
  await expectNothingRan(page, w);
  await page.keyboard.press('Escape');

  // The HTML page: its text, with the markup that was text shown literally; hover and click where payloads were.
  const pageDoc = docByTitle(app, '敌意网页')!;
  expect(pageDoc, 'the hostile page is in the library').toBeTruthy();
  await page.locator(`[data-testid="doc-item"][data-document-id="${pageDoc.id}"]`).click();
  const reader = page.getByTestId('reader-text');
  await expect(reader).toContainText('第二段');
  // Markup that was text in the page is text in the reader; the page's <title> markup is text in the heading.
  await expect(reader).toContainText(IMG_TEXT);
  await expect(page.locator('.reader-header h1')).toContainText('敌意网页：脚本与事件<img src=x onerror=');
  // javascript: and file: links are page buttons: the importer leaves them out (html-text.ts); an ordinary link
  // keeps its text, without the link.
  await expect(reader).not.toContainText('javascript:');
  await expect(reader).toContainText('外部网页链接');
  for (const quote of ['外部网页链接', '鼠标移过这段文字', '图片之后的文字', '折叠内容', 'onerror=alert(1)']) {
    const box = await reader.getByText(quote, { exact: false }).first().boundingBox();
    if (box) await page.mouse.move(box.x + 4, box.y + 4);
    await clickQuote(page, quote);
    if (box) await page.mouse.dblclick(box.x + 6, box.y + 6);
  }
  // The cleaner took the title line and the first paragraph for page chrome; shown in place, still only text.
  await page.getByTestId('toggle-removed').click();
  // (the span draws its text from an attribute with CSS, so it never becomes markup)
  await expect(reader.getByTestId('removed-span').first()).toBeVisible();
  expect(await reader.getByTestId('removed-span').first().getAttribute('data-text')).toContain(SCRIPT_TEXT);
  await page.getByTestId('open-report').click();
  await page.screenshot({ path: join(shotsDir, 'hostile-reader.png') });
  await expectNothingRan(page, w);
  await page.keyboard.press('Escape');

  // The frames page and the Markdown note.
  const framesDoc = docByTitle(app, '框架与对象')!;
  await page.locator(`[data-testid="doc-item"][data-document-id="${framesDoc.id}"]`).click();
  await expect(reader).toContainText('框架之前的文字');
  await expect(reader).toContainText('框架之后的文字');
  await expectNothingRan(page, w);

  const mdDoc = docByTitle(app, '敌意笔记')!;
  await page.locator(`[data-testid="doc-item"][data-document-id="${mdDoc.id}"]`).click();
  // Raw HTML in Markdown is text; a Markdown link keeps its label, never its javascript:/file: target.
  await expect(reader).toContainText(`onerror="window.__pwned='md-img'">`);
  await expect(reader).toContainText(`<iframe srcdoc="<script>parent.__pwned='md-srcdoc'</script>"></iframe>`);
  await expect(reader).toContainText(`<svg><script>window.__pwned='md-svg'</script></svg>`);
  await expect(reader).not.toContainText('javascript:');
  await clickQuote(page, '点我：Markdown 脚本链接');
  await page.screenshot({ path: join(shotsDir, 'hostile-markdown.png') });
  await expectNothingRan(page, w);

  // A hostile theme name and a note with markup as text and a javascript: link, on a passage of the HTML page.
  const h = app.lib.handlers as Record<string, (i: object) => unknown>;
  const theme = h['themes.create']({ name: `<img src=x onerror="window.__pwned='theme'">主题` }) as Theme;
  const record = h['documents.get']({ id: pageDoc.id }) as { text: string };
  const start = [...record.text.slice(0, record.text.indexOf(IMG_TEXT))].length;
  const ann = h['annotations.create']({ documentId: pageDoc.id, start, end: start + [...IMG_TEXT].length, themeIds: [theme.id] }) as { id: string };
  const noteJson = note(
    paragraph(text(`<iframe srcdoc="<script>parent.__pwned='note'</script>"></iframe>`), link(`javascript:window.__pwned='note-link'`, '笔记里的链接')),
    paragraph(link(`${EVIL}/note`, '笔记里的外部链接')),
  );
  h['annotations.updateNote']({ id: ann.id, noteJson, noteText: `<iframe srcdoc="<script>parent.__pwned='note'</script>"></iframe> 笔记里的链接` });
  await reloadApp(page);
  await page.locator(`[data-testid="doc-item"][data-document-id="${pageDoc.id}"]`).click();
  await clickQuote(page, 'onerror=alert(1)');
  const panel = page.getByTestId('annotation-panel');
  await expect(panel.getByTestId('annotation-quote')).toHaveText(IMG_TEXT);
  await expect(panel.getByTestId('note-editor')).toContainText(`<iframe srcdoc=`);
  const noteLink = panel.getByTestId('note-editor').getByText('笔记里的链接');
  await noteLink.hover();
  await noteLink.click();
  await noteLink.click({ modifiers: ['Control'] });
  await panel.getByTestId('note-editor').getByText('笔记里的外部链接').click({ modifiers: ['Control'] });
  await page.screenshot({ path: join(shotsDir, 'hostile-note.png') });
  await expectNothingRan(page, w);

  // The export preview (HTML from the backend, put into the page): Word notes and a handout with a hostile title.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.locator('[data-testid="export-format"][data-format="docx"]').check();
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText(IMG_TEXT);
  await expect(preview).toContainText(`<iframe srcdoc=`);
  await expect(preview).toContainText(`<img src=x onerror="window.__pwned='theme'">主题`);
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: join(shotsDir, 'hostile-export-preview.png') });
  await expectNothingRan(page, w);
  await page.locator('[data-testid="export-format"][data-format="handout"]').check();
  const title = page.getByTestId('export-title');
  await title.fill(`<img src=x onerror="window.__pwned='handout-title'">专题`);
  await expect(preview).toContainText(`<img src=x onerror=`);
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await expectNothingRan(page, w);
  await page.keyboard.press('Escape');

  // Search: the keyword-in-context lines show the markup as text.
  await page.keyboard.press('Control+Shift+F');
  await page.getByTestId('search-input').fill('文中引用了');
  const line = page.getByTestId('kwic-line').first();
  await expect(line).toContainText('<img src=x onerror=');
  await line.hover();
  await page.screenshot({ path: join(shotsDir, 'hostile-search.png') });
  await expectNothingRan(page, w);
});
