// The HTML, .docx and PDF importers on fixtures built from the seeds: exact paragraphs, marks and
// metadata back, chrome and hostile markup gone, and every kind of bad input refused clearly.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextMark } from '../../shared/domain';
import { PizhuError } from '../../shared/errors';
import { decodeHtmlBytes, sniffHtmlCharset } from '../../electron/core/import/decode';
import { docx } from '../../electron/core/import/formats/docx';
import { html, MAX_HTML_CHARS, withBody } from '../../electron/core/import/formats/html';
import { cleanByline, stripSiteSuffix } from '../../electron/core/import/formats/html-meta';
import { formatFor } from '../../electron/core/import/formats/index';
import { pdf, PDF_LIMITS } from '../../electron/core/import/formats/pdf';
import { isPageNumber, layoutPdf, type PdfLine, type PdfPage } from '../../electron/core/import/formats/pdf-layout';
import { unifyRadicals } from '../../electron/core/import/formats/radicals';
import type { ParsedDocument } from '../../electron/core/import/formats/types';
import { openZip, ZIP_LIMITS } from '../../electron/core/import/formats/zip';
import { buildDocx, docxZip, type DocxParagraph } from './fixtures/docx';
import { associationPage, encodePage, heihePage, HOSTILE_MARKUP } from './fixtures/html-pages';
import { encodeLegacy } from './fixtures/legacy-encoding';
import { closePdfBrowser, handWrittenPdf, renderPdf, stSongPdf } from './fixtures/pdf';
import { seed000Body, seed003Body } from './fixtures/seed-text';

const paragraphsOf = (doc: ParsedDocument): string[] => doc.text.split('\n');
const marked = (doc: ParsedDocument, kind: TextMark['kind']): string[] =>
  doc.marks.filter((m) => m.kind === kind).map((m) => doc.text.slice(m.start, m.end));

async function refusal(work: unknown): Promise<PizhuError> {
  const e = await Promise.resolve(work).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PizhuError);
  return e as PizhuError;
}

describe('HTML charset sniffing', () => {
  it('reads <meta charset>, http-equiv and the XML declaration, mapping GBK/GB2312 to GB18030', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffHtmlCharset(enc('<meta charset="gbk">'))).toBe('gb18030');
    expect(sniffHtmlCharset(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">'))).toBe('gb18030');
    expect(sniffHtmlCharset(enc("<meta charset='big5'>"))).toBe('big5');
    expect(sniffHtmlCharset(enc('<?xml version="1.0" encoding="gb2312"?><html>'))).toBe('gb18030');
    expect(sniffHtmlCharset(enc('<meta name="keywords" content="x"><p>no charset</p>'))).toBeNull();
  });

  it('prefers a BOM over the declaration, and valid UTF-8 over a stale non-UTF-8 declaration', () => {
    const page = '<meta charset="gbk"><p>新质生产力</p>';
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page)]);
    expect(decodeHtmlBytes(bom)).toMatchObject({ encoding: 'utf-8', confidence: 1 });
    expect(decodeHtmlBytes(new TextEncoder().encode(page))).toMatchObject({ encoding: 'utf-8', text: page });
    expect(decodeHtmlBytes(encodeLegacy(page, 'gb18030'))).toMatchObject({ encoding: 'gb18030', text: page });
  });

  it('falls back to the GB18030-vs-Big5 score when nothing is declared', () => {
    const page = `<p>${seed000Body()[0]}</p>`;
    expect(decodeHtmlBytes(encodeLegacy(page, 'big5'))).toMatchObject({ encoding: 'big5', text: page });
  });
});

describe('HTML import', () => {
  it('finds seed 003 inside 黑河新闻网 chrome (UTF-8): exact paragraphs, title heading, metadata', async () => {
    const page = heihePage('utf-8');
    const doc = await html.parse(encodePage(page.html, 'utf-8'), 'heihe.html', {});
    expect(paragraphsOf(doc)).toEqual(page.paragraphs);
    expect(doc.meta).toEqual({
      title: '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展',
      publishedAt: '2024-06-28',
      source: '黑河日报',
      byline: '张庆梅 孙 惠',
      editor: '吴岩',
      url: 'https://heihe.dbw.cn/system/2024/06/28/059310717.shtml',
    });
    // The article sets its title as two bold paragraphs; they become the h1 (not duplicated by <title>).
    expect(marked(doc, 'h1')).toEqual(['重点把握以“新”促“质”', '因地制宜推动黑河新质生产力发展']);
    expect(doc).toMatchObject({ format: 'html', encoding: 'utf-8', warnings: [] });
  });

  it('decodes the same page saved as GB18030 with <meta charset="gbk"> to the same text', async () => {
    const page = heihePage('gbk');
    const bytes = encodePage(page.html, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = await html.parse(bytes, 'heihe.htm', {});
    expect(doc.encoding).toBe('gb18030');
    expect(paragraphsOf(doc)).toEqual(page.paragraphs);
    expect(doc.meta.source).toBe('黑河日报');
  });

  it('reads seed 000 as a Big5 page with CMS meta tags: title without site suffix, date, source, editor, URL, bold kept', async () => {
    const page = associationPage('big5');
    const doc = await html.parse(encodePage(page.html, 'big5'), 'cima.html', {});
    expect(doc.encoding).toBe('big5');
    expect(paragraphsOf(doc)).toEqual(page.paragraphs);
    expect(doc.meta).toEqual({
      title: '習近平總書記首次提到“新質生產力”',
      publishedAt: '2023-09-11',
      source: '新華社',
      editor: '衡格格',
      url: 'http://www.cima.org.cn/news/2023/0911/focus.html',
    });
    expect(marked(doc, 'h1')).toEqual(['習近平總書記首次提到“新質生產力”']);
    expect(marked(doc, 'bold')).toEqual(['新質生產力']);
  });

  it('reads date, source and editor from the labelled info line when there are no meta tags', async () => {
    const page = associationPage('utf-8', false);
    const doc = await html.parse(encodePage(page.html, 'utf-8'), 'cima.html', {});
    expect(doc.meta).toEqual({ title: '習近平總書記首次提到“新質生產力”', publishedAt: '2023-09-11', source: '新華社', editor: '衡格格' });
    expect(paragraphsOf(doc)).toEqual(page.paragraphs);
  });

  it('keeps nothing but plain text: no script, handler, javascript:/file: link, iframe, SVG, hidden or form text', async () => {
    for (const page of [heihePage(), associationPage()]) {
      const doc = await html.parse(encodePage(page.html, 'utf-8'), 'page.html', {});
      expect(doc.text).not.toMatch(/PWNED|alert|<|>|javascript|onerror|蜘蛛池|請輸入正確驗證碼|Copyright|相关新闻|首 页/);
      expect(JSON.stringify(doc.meta)).not.toMatch(/PWNED/);
    }
    const bare = await html.parse(new TextEncoder().encode(`<p>正文第一段。</p>${HOSTILE_MARKUP}<p>正文第二段。</p>`), 'bare.html', {});
    expect(paragraphsOf(bare)).toEqual(['正文第一段。', '正文第二段。']);
  });

  it('falls back to the whole body (without nav/header/footer) with a warning when no article is found', async () => {
    const doc = await html.parse(
      new TextEncoder().encode('<nav>首页 新闻</nav><p>短讯一则。</p><p>第二则,<em>重要</em>。</p><footer>版权所有</footer>'),
      'short.html',
      {},
    );
    expect(paragraphsOf(doc)).toEqual(['短讯一则。', '第二则,重要。']);
    expect(marked(doc, 'italic')).toEqual(['重要']);
    expect(doc.warnings).toEqual([expect.stringMatching(/No main article/)]);
  });

  it('drops inline data: images before the size check, and refuses a page with more markup than the limit', async () => {
    const image = `data:image/png;base64,${'iVBORw0KGgo'.repeat(600_000)}`;
    const saved = await html.parse(new TextEncoder().encode(`<p>图文并茂的一段正文。</p><img src="${image}"><div style="background:url(${image})"></div>`), 'saved.html', {});
    expect(saved.text).toBe('图文并茂的一段正文。');
    const huge = `<p>${'长'.repeat(MAX_HTML_CHARS)}</p>`;
    const e = await refusal(html.parse(new TextEncoder().encode(huge), 'huge.html', {}));
    expect(e).toMatchObject({ code: 'unsupported' });
    expect(e.message).toMatch(/5\.0 million characters of markup, over the 5 million limit.*nothing was imported/);
  });

  it('refuses a page with no readable text and binary junk named .html', async () => {
    expect((await refusal(html.parse(new TextEncoder().encode('<script>alert(1)</script><img src=x onerror=alert(1)>'), 'x.html', {}))).message).toMatch(
      /no readable text.*nothing was imported/,
    );
    const junk = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256);
    expect((await refusal(html.parse(junk, 'x.html', {}))).code).toBe('invalid_input');
  });

  it('gives bare fragments and head-only pages a body, and reads 20,000 nested elements quickly', async () => {
    expect(withBody('<p>a</p>')).toBe('<html><body><p>a</p></body></html>');
    expect(withBody('<html><head><title>t</title></head><p>x</p></html>')).toBe('<html><head><title>t</title></head><body><p>x</p></body></html>');
    // Readability alone spends about 14 s on this page; it is skipped for pages nested this deep.
    const started = performance.now();
    const deep = await html.parse(new TextEncoder().encode(`${'<div>'.repeat(20000)}深层正文${'</div>'.repeat(20000)}`), 'deep.html', {});
    expect(deep.text).toBe('深层正文');
    expect(deep.warnings).toEqual([expect.stringMatching(/No main article/)]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('cleans bylines of their labels and of the fields after them', () => {
    expect(['作者:张三 来源:人民网', '文/李四', 'By John Smith', '来源:新华社'].map(cleanByline)).toEqual(['张三', '李四', 'John Smith', undefined]);
  });

  it('strips site suffixes from titles but keeps real dashes', () => {
    expect(stripSiteSuffix('重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展_理论评论_黑河新闻网')).toBe('重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展');
    expect(stripSiteSuffix('习近平总书记首次提到“新质生产力” - 新华网')).toBe('习近平总书记首次提到“新质生产力”');
    expect(stripSiteSuffix('加快发展新质生产力-人民网')).toBe('加快发展新质生产力');
    expect(stripSiteSuffix('新质生产力——理论与实践')).toBe('新质生产力——理论与实践');
  });
});

function seedDocx(): DocxParagraph[] {
  const body = seed003Body();
  const lead = (p: string): DocxParagraph => {
    const cut = p.indexOf('。') + 1;
    return { runs: [{ text: p.slice(0, cut), bold: true }, { text: p.slice(cut) }] };
  };
  return [
    { style: 'Title', runs: [{ text: '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展' }] },
    { runs: [{ text: '张庆梅 孙 惠', italic: true }] },
    { style: 'Heading1', runs: [{ text: '一、以“新”促“质”' }] },
    { runs: [{ text: body[0] }] },
    { style: 'Heading2', runs: [{ text: '在“新”上寻突破' }] },
    lead(body[1]),
    { style: 'Heading3', runs: [{ text: '在“质”上下功夫' }] },
    lead(body[2]),
    ...body.slice(3, 5).map((p) => ({ runs: [{ text: p }] })),
    { runs: [{ text: body[5], italic: true }] },
  ];
}

describe('.docx import', () => {
  it('keeps the paragraphs, the Title as h1, headings one level down, bold and italic', async () => {
    const body = seed003Body();
    const doc = await docx.parse(await buildDocx(seedDocx()), 'heihe.docx', {});
    expect(paragraphsOf(doc)).toEqual([
      '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展',
      '张庆梅 孙 惠',
      '一、以“新”促“质”',
      body[0],
      '在“新”上寻突破',
      body[1],
      '在“质”上下功夫',
      ...body.slice(2),
    ]);
    expect(marked(doc, 'h1')).toEqual(['重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展']);
    expect(marked(doc, 'h2')).toEqual(['一、以“新”促“质”']);
    expect(marked(doc, 'h3')).toEqual(['在“新”上寻突破', '在“质”上下功夫']);
    expect(marked(doc, 'bold')).toEqual(['在“新”上寻突破,点燃科技创新的关键变量。', '在“质”上下功夫,大力推进现代化产业体系建设。']);
    expect(marked(doc, 'italic')).toEqual(['张庆梅 孙 惠', '(作者单位为黑河市委讲师团)']);
    expect(doc.meta).toEqual({ title: '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展' });
    expect(doc).toMatchObject({ format: 'docx', warnings: [] });
  });

  it("keeps a hyperlink's words even when it points at javascript: (they are the author's text)", async () => {
    const doc = await docx.parse(
      await buildDocx([{ runs: [{ text: '详见' }, { text: '课桌文档', link: 'javascript:alert(1)' }, { text: '与' }, { text: '新华网', link: 'http://www.news.cn/' }, { text: '。' }] }]),
      'links.docx',
      {},
    );
    expect(doc.text).toBe('详见课桌文档与新华网。');
  });

  it('maps Heading 1–3 to h1–h3 when the document has no Title', async () => {
    const doc = await docx.parse(
      await buildDocx([
        { style: 'Heading1', runs: [{ text: '第1篇' }] },
        { style: 'Heading2', runs: [{ text: '国有企业发展新质生产力心得体会' }] },
        { style: 'Heading3', runs: [{ text: '一、特点在创新' }] },
        { runs: [{ text: '企业是发展新质生产力的主体。' }] },
      ]),
      'x.docx',
      {},
    );
    expect(doc.marks.map((m) => [m.kind, doc.text.slice(m.start, m.end)])).toEqual([
      ['h1', '第1篇'],
      ['h2', '国有企业发展新质生产力心得体会'],
      ['h3', '一、特点在创新'],
    ]);
    expect(doc.meta.title).toBe('第1篇');
  });

  it('refuses an encrypted (OLE compound) .docx and an old .doc with clear messages', async () => {
    // A compound file: the OLE signature, then a directory naming its streams in UTF-16LE.
    const compound = (...streams: string[]) =>
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...streams.flatMap((s) => [...Buffer.from(s.padEnd(64, '\0'), 'utf16le')])]);
    const encrypted = await refusal(docx.parse(compound('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), 'secret.docx', {}));
    expect(encrypted.code).toBe('unsupported');
    expect(encrypted.message).toMatch(/password-protected \(encrypted\).*Nothing was imported/);
    const old = await refusal(formatFor('old.doc').parse(compound('Root Entry', 'WordDocument', '1Table'), 'old.doc', {}));
    expect(old.message).toMatch(/old Word 97–2003 \.doc.*Nothing was imported/);
    expect((await refusal(docx.parse(compound('Root Entry', 'Workbook'), 'x.docx', {}))).message).toMatch(/compound file, not a \.docx/);
  });

  it('refuses a truncated .docx, a zip that is not Word, an empty file and a non-zip', async () => {
    const whole = await buildDocx(seedDocx());
    const truncated = await refusal(docx.parse(whole.slice(0, Math.floor(whole.length / 2)), 'cut.docx', {}));
    expect(truncated).toMatchObject({ code: 'invalid_input' });
    expect(truncated.message).toMatch(/damaged or truncated.*Nothing was imported/);
    const notWord = new JSZip().file('readme.txt', 'hello');
    expect((await refusal(docx.parse(await notWord.generateAsync({ type: 'uint8array' }), 'x.docx', {}))).message).toMatch(/not a Word document/);
    expect((await refusal(docx.parse(new Uint8Array(), 'x.docx', {}))).message).toMatch(/empty/);
    expect((await refusal(docx.parse(new TextEncoder().encode('just text'), 'x.docx', {}))).message).toMatch(/not a zip archive/);
  });

  it('refuses a zip bomb from its directory, without inflating it', async () => {
    const zip = docxZip(seedDocx());
    zip.file('word/media/padding.bin', new Uint8Array(20 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100 * 1024);
    const started = performance.now();
    const e = await refusal(docx.parse(bytes, 'bomb.docx', {}));
    expect(e.message).toMatch(/zip bomb.*word\/media\/padding\.bin would inflate \d+-fold.*not unpacked and nothing was imported/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a directory that lies about sizes once inflation passes the declared size', async () => {
    const zip = docxZip(seedDocx());
    zip.file('word/footer1.xml', new Uint8Array(4 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const lying = declareSize(bytes, 'word/footer1.xml', 1000);
    expect((await refusal(docx.parse(lying, 'liar.docx', {}))).message).toMatch(/zip bomb.*footer1\.xml inflates beyond the 1000 bytes/);
  });

  it('applies the total-size and entry-count limits', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 5; i++) zip.file(`part${i}.xml`, 'x'.repeat(300_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(openZip(bytes, 'This archive', { ...ZIP_LIMITS, maxTotalBytes: 1_000_000 })).rejects.toThrow(/1 MB uncompressed, over the 1 MB limit/);
    await expect(openZip(bytes, 'This archive', { ...ZIP_LIMITS, maxEntries: 4 })).rejects.toThrow(/5 entries/);
    await expect(openZip(bytes, 'This archive')).resolves.toBeInstanceOf(JSZip);
  });
});

/** Rewrites the uncompressed size a zip declares for `name` (local header and central directory). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const matchesAt = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matchesAt(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matchesAt(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('PDF layout rules', () => {
  it('recognises page-number lines and nothing else', () => {
    for (const s of ['3', '- 3 -', '— 12 —', '第 3 页', '第3页 共100页', '共 5 页 第 2 页', '3/100', '3 / 100', 'Page 3', 'Page 3 of 10', 'xii', '[4]'])
      expect(isPageNumber(s), s).toBe(true);
    for (const s of ['2023年', '第1篇', '1、非线性过程', '3月', 'Page three', '- 新质 -']) expect(isPageNumber(s), s).toBe(false);
  });

  it('maps radical code points from CJK font ToUnicode tables back to ideographs', () => {
    expect(unifyRadicals('新质⽣产⼒⾃⿊⻰江⻓⻔')).toBe('新质生产力自黑龙江长门');
    expect(unifyRadicals('plain 文本 (1)')).toBe('plain 文本 (1)');
  });

  it('joins a paragraph across a page break, drops repeated headers at their position, keeps a unique margin line', () => {
    const line = (text: string, x: number, y: number, right = 540): PdfLine => ({ text, x, right, y, size: 12 });
    const page = (n: number, body: PdfLine[]): PdfPage => ({
      height: 842,
      lines: [line('新质生产力研讨材料', 250, 820, 350), ...body, line(`第 ${n} 页`, 280, 20, 310)],
    });
    const pages = [
      page(1, [line('第一段开头,', 80, 770), line('接着写。', 56, 750, 200), line('第二段跨页', 80, 730), line('到页底', 56, 710)]),
      page(2, [line('继续写完。', 56, 770, 120), line('English words that wrap', 56, 740, 540), line('onto the next line.', 56, 720, 230)]),
      page(3, [line('第三页正文。', 80, 770, 260), line('唯一的页脚说明', 56, 60, 300)]),
    ];
    expect(layoutPdf(pages)).toEqual({
      text: ['第一段开头,接着写。', '第二段跨页到页底继续写完。', 'English words that wrap onto the next line.', '第三页正文。', '唯一的页脚说明'].join('\n'),
      marks: [],
      headerLines: 3,
      pageNumbers: 3,
    });
  });
});

describe('PDF import', () => {
  const HEADLINE = '重点把握以“新”促“质” 因地制宜推动黑河新质生产力发展';
  const latin =
    'The quick brown fox jumps over the lazy dog, and then it keeps running through a long English paragraph so that the line wraps several times, which tests that Latin lines are joined with a space.';
  let indented: Uint8Array;
  let spaced: Uint8Array;
  let scanned: Uint8Array;

  beforeAll(async () => {
    [indented, spaced, scanned] = await Promise.all([
      renderPdf([...seed003Body(), ...seed000Body()], { header: '新质生产力研讨交流材料', footer: '- {page} -', title: '新质生产力研讨交流材料', heading: HEADLINE }),
      renderPdf([...seed000Body(), latin], { layout: 'spaced', header: '習近平總書記首次提到“新質生產力”', footer: '第 {page} 页 共 {pages} 页' }),
      renderPdf([], {
        bodyHtml: `<canvas id="c" width="500" height="300"></canvas><script>
          const g = document.getElementById('c').getContext('2d');
          g.fillStyle = '#eee'; g.fillRect(0, 0, 500, 300); g.fillStyle = '#222'; g.font = '28px serif';
          g.fillText('新质生产力(扫描件)', 20, 80);</script>`,
      }),
    ]);
  }, 60_000);
  afterAll(closePdfBrowser);

  it('returns seed paragraphs whole and in order, without the running header or "- N -" page numbers', async () => {
    const doc = await pdf.parse(indented, 'materials.pdf', {});
    expect(paragraphsOf(doc)).toEqual([HEADLINE, ...seed003Body(), ...seed000Body()]);
    expect(doc.text).not.toMatch(/研讨交流材料|- \d+ -/);
    // The headline wraps over two lines of large type: one paragraph, marked as a heading by its size.
    expect(marked(doc, 'h1')).toEqual([HEADLINE]);
    expect(doc.marks).toHaveLength(1);
    expect(doc.meta).toEqual({ title: '新质生产力研讨交流材料' });
    expect(doc).toMatchObject({ format: 'pdf', warnings: [] });
  });

  it('handles block paragraphs, "第 N 页 共 M 页" footers and Latin text joined with spaces', async () => {
    const doc = await pdf.parse(spaced, 'spaced.pdf', {});
    expect(paragraphsOf(doc)).toEqual([...seed000Body(), latin]);
    expect(doc.text).not.toMatch(/第 ?\d+ ?页|首次提到“新質生產力”$/m);
  });

  it('refuses a PDF without a text layer, an encrypted PDF and a file that is not a PDF', async () => {
    const noText = await refusal(pdf.parse(scanned, 'scan.pdf', {}));
    expect(noText).toMatchObject({ code: 'unsupported' });
    expect(noText.message).toMatch(/no text layer — it is a scanned image, and OCR is not supported\. Nothing was imported/);
    expect((await refusal(pdf.parse(handWrittenPdf('secret', true), 'locked.pdf', {}))).message).toMatch(/password-protected \(encrypted\).*Nothing was imported/);
    expect((await refusal(pdf.parse(new TextEncoder().encode('not a pdf at all'), 'x.pdf', {}))).message).toMatch(/not a PDF/);
    expect((await refusal(pdf.parse(new TextEncoder().encode('%PDF-1.7 garbage'), 'x.pdf', {}))).message).toMatch(/damaged or not a PDF/);
    // The import service hands over Node Buffers (from disk or base64); pdf.js alone would refuse them.
    const plain = await pdf.parse(Buffer.from(handWrittenPdf('Hello (plain) PDF')), 'hand.pdf', {});
    expect(plain.text).toBe('Hello (plain) PDF');
  });

  it('decodes Chinese in a non-embedded font through pdf.js CMaps (STSong-Light + UniGB-UCS2-H, as iText writes)', async () => {
    const doc = await pdf.parse(stSongPdf('发展新质生产力,推动高质量发展。'), 'itext.pdf', {});
    expect(doc.text).toBe('发展新质生产力,推动高质量发展。');
  });

  it('enforces the page limit and the time limit', async () => {
    const saved = { ...PDF_LIMITS };
    try {
      PDF_LIMITS.maxPages = 1;
      expect((await refusal(pdf.parse(spaced, 'spaced.pdf', {}))).message).toMatch(/has 2 pages; the limit is 1/);
      PDF_LIMITS.maxPages = saved.maxPages;
      PDF_LIMITS.timeoutMs = 1;
      expect((await refusal(pdf.parse(indented, 'slow.pdf', {}))).message).toMatch(/took longer than 1 ms, so it was stopped: nothing was imported/);
    } finally {
      Object.assign(PDF_LIMITS, saved);
    }
  });
});

describe('format registry', () => {
  it('routes every supported extension to its importer', () => {
    expect(['a.html', 'b.HTM', 'c.xhtml', 'd.docx', 'e.doc', 'f.pdf', 'g.txt'].map((f) => formatFor(f).id)).toEqual([
      'html', 'html', 'html', 'docx', 'docx', 'pdf', 'text',
    ]);
  });
});

describe('HTML info line with an ideographic space', () => {
  it('keeps the date out of the source: 来源：新华社　2024-03-05', async () => {
    const body = '这是正文，内容足够长，用来测试正文识别是否正确。'.repeat(8);
    const page = `<html><head><title>某文章 - 新华网</title></head><body><article><h1>某文章</h1><p>来源：新华社　2024-03-05</p><p>${body}</p><p>${body}</p></article></body></html>`;
    const doc = await html.parse(new TextEncoder().encode(page), 'a.html', {});
    expect(doc.meta.source).toBe('新华社');
  });
});
