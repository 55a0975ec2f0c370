// Word exports (study notes and the 专题摘编 handout) on a real library: each .docx is unzipped and its
// XML read back. Expected values come from the library's own records and the GB/T 9704 conventions,
// never from the writer's code.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord, DocumentSummary, ExportFile, ImportFileResult, Theme } from '../../shared/domain';
import { chineseDate, chineseNumber, headingLabel } from '../../electron/core/export/word/chinese';
import { textHighlight } from '../../electron/core/export/word/highlight';
import { projectRoot } from '../../electron/core/paths';
import { open, tempDir } from './helpers';
import { BOLD, ITALIC, link, list, note, paragraph, text } from './lexicalNote';

type Handlers = Record<string, (input: unknown) => unknown>;

const NOW = '2026-11-21T10:00:00.000Z';
const RARE = '𠀀'; // U+20000, outside the Basic Multilingual Plane
const QUESTION_1 = '如何理解因地制宜发展新质生产力？';
const QUESTION_2 = '结合本单位实际谈谈做法。';

const richNote = note(
  paragraph(text('要点', BOLD), text('：先立后破，'), text('因地制宜', ITALIC), link('https://example.org/a', '原文')),
  list('number', '传统产业改造', '新兴产业培育'),
  paragraph(link('javascript:alert(1)', '<script>坏链接</script>')),
);

interface Fixture {
  h: Handlers;
  heihe: DocumentRecord;
  xinhua: DocumentRecord;
  rare: DocumentRecord;
  themes: { local: Theme; tech: Theme; ai: Theme; llm: Theme; people: Theme };
  quotes: { local: string; tech: string; ai: string; llm: string; people: string; rare: string };
  paragraphOf: (doc: DocumentRecord, quote: string) => number;
}

async function fixture(): Promise<Fixture> {
  const lib = open({ now: () => NOW });
  const h = lib.handlers as unknown as Handlers;
  const docs = h['documents.list']({}) as DocumentSummary[];
  const heihe = h['documents.get']({ id: docs.find((d) => d.publishedAt === '2024-06-28')!.id }) as DocumentRecord;
  const xinhua = h['documents.get']({ id: docs.find((d) => d.source === '新華社')!.id }) as DocumentRecord;
  const imported = (await h['import.text']({ text: `生僻字测试\n\n古籍中有${RARE}字，录入时须保留原貌。\n`, title: '生僻字测试' })) as ImportFileResult;
  const rare = h['documents.get']({ id: imported.documents[0].id }) as DocumentRecord;

  const local = h['themes.create']({ name: '因地制宜', color: '#f29e4c', description: '结合各地实际' }) as Theme;
  const tech = h['themes.create']({ name: '科技创新', color: '#ffff00', parentId: local.id }) as Theme;
  const ai = h['themes.create']({ name: '人工智能', parentId: tech.id }) as Theme;
  const llm = h['themes.create']({ name: '大模型', parentId: ai.id }) as Theme;
  const people = h['themes.create']({ name: '人才培养', color: '#59a14f' }) as Theme;
  h['themes.setQuestions']({ id: local.id, questions: `${QUESTION_1}\n\n${QUESTION_2}\n` });

  const mark = (doc: DocumentRecord, quote: string, themeIds: string[], note = false) => {
    const start = doc.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const a = h['annotations.create']({ documentId: doc.id, start, end: start + quote.length, themeIds }) as Annotation;
    if (note) h['annotations.updateNote']({ id: a.id, noteJson: richNote, noteText: '要点：先立后破，因地制宜' });
    return quote;
  };
  const quotes = {
    local: mark(heihe, '因地制宜推动黑河新质生产力发展', [local.id], true),
    tech: mark(xinhua, '整合科技創新資源', [tech.id]),
    ai: mark(xinhua, '新質生產力有別于傳統生產力', [ai.id]),
    llm: mark(heihe, '新质生产力', [llm.id]),
    people: mark(xinhua, '新質生產力', [people.id]),
    rare: mark(rare, `古籍中有${RARE}字`, [local.id]),
  };
  // Counted here, independently of the exporter: paragraphs are the text's lines.
  const paragraphOf = (doc: DocumentRecord, quote: string) => doc.text.slice(0, doc.text.indexOf(quote)).split('\n').length;
  return { h, heihe, xinhua, rare, themes: { local, tech, ai, llm, people }, quotes, paragraphOf };
}

interface Unzipped {
  files: string[];
  part(path: string): Promise<string>;
}

async function unzip(file: ExportFile): Promise<Unzipped> {
  expect(file.encoding).toBe('base64');
  expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const zip = await JSZip.loadAsync(Buffer.from(file.data, 'base64'));
  const files = Object.keys(zip.files);
  for (const name of files.filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) {
    expect(XMLValidator.validate(await zip.file(name)!.async('string')), name).toBe(true);
  }
  return { files, part: async (path) => (await zip.file(path)?.async('string')) ?? '' };
}

/** Paragraphs of a part as { style, text, xml }, in order. */
function paragraphs(xml: string): { style: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml: p,
  }));
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

async function exportDocx(h: Handlers, input: Record<string, unknown>): Promise<ExportFile> {
  return (await h['export.file'](input)) as ExportFile;
}

describe('Chinese official conventions', () => {
  it('writes numbers in words and the four heading levels', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1005].map(chineseNumber)).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一千零五',
    ]);
    expect([headingLabel(0, 3), headingLabel(1, 12), headingLabel(2, 4), headingLabel(3, 2), headingLabel(5, 1)]).toEqual(['三、', '（十二）', '4.', '（2）', '（1）']);
    expect(chineseDate('2024-06-28')).toBe('2024年6月28日');
  });
  it('uses one of Word’s 16 highlight colours when the theme colour is one, and a light shading otherwise', () => {
    expect(textHighlight('#FFFF00')).toEqual({ named: 'yellow', fill: 'FFFF00' });
    expect(textHighlight('#000080')).toEqual({ named: 'darkBlue', fill: '000080' });
    const tint = textHighlight('#f29e4c')!;
    expect(tint.named).toBeNull();
    // Lighter than the colour in every channel, and still warm (red above blue).
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(tint.fill.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(0xf2);
    expect(g).toBeGreaterThan(0x9e);
    expect(b).toBeGreaterThan(0x4c);
    expect(r).toBeGreaterThan(b);
  });
});

describe('Word study notes (.docx)', () => {
  it('groups by theme with sub-theme headings by depth, each excerpt with its citation and its note', async () => {
    const f = await fixture();
    const file = await exportDocx(f.h, { format: 'docx', by: 'theme', colorHighlights: true });
    expect(file.suggestedName).toBe('pizhu-study-notes-by-theme-2026-11-21.docx');
    expect(file.warnings).toEqual([]);
    const z = await unzip(file);
    const doc = await z.part('word/document.xml');
    const ps = paragraphs(doc);

    const headings = ps.filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style}:${p.text}`);
    expect(headings).toEqual(['Heading1:因地制宜', 'Heading2:科技创新', 'Heading3:人工智能', 'Heading4:大模型', 'Heading1:人才培养']);
    expect(ps[0]).toMatchObject({ style: 'PzTitle', text: '学习笔记' });
    expect(ps[1].text).toBe('按主题整理 · 6 条摘录 · 2026年11月21日');
    expect(ps.find((p) => p.style === 'PzIntro')?.text).toBe('结合各地实际');

    // Each excerpt, then its citation line: title, source, date, paragraph.
    const quoteAt = ps.findIndex((p) => p.style === 'PzQuote' && p.text === f.quotes.local);
    expect(quoteAt).toBeGreaterThan(0);
    expect(unescapeXml(ps[quoteAt + 1].text)).toBe(`——《${f.heihe.title}》，黑河日报，2024年6月28日，第 ${f.paragraphOf(f.heihe, f.quotes.local)} 段`);
    const techAt = ps.findIndex((p) => p.style === 'PzQuote' && p.text === f.quotes.tech);
    expect(unescapeXml(ps[techAt + 1].text)).toBe(`——《${f.xinhua.title}》，新華社，2023年9月11日，第 ${f.paragraphOf(f.xinhua, f.quotes.tech)} 段`);

    // The note under it: bold, italic, a numbered list, a kept link and an unsafe one turned into text.
    const note = ps.slice(quoteAt + 2, quoteAt + 6);
    expect(note.map((p) => p.style)).toEqual(['PzNote', 'PzNote', 'PzNote', 'PzNote']);
    expect(note[0].xml).toMatch(/<w:r><w:rPr><w:rFonts [^>]*\/><w:b\/><w:bCs\/>[^]*?<w:t xml:space="preserve">要点<\/w:t>/);
    expect(note[0].xml).toMatch(/<w:i\/><w:iCs\/>[^]*?<w:t xml:space="preserve">因地制宜<\/w:t>/);
    const linkId = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[^]*?原文/.exec(note[0].xml)?.[1];
    expect(linkId).toBeTruthy();
    const rels = await z.part('word/_rels/document.xml.rels');
    expect(rels).toMatch(new RegExp(`Id="${linkId}"[^>]*Target="https://example.org/a"|Target="https://example.org/a"[^>]*Id="${linkId}"`));
    expect(note[1].text).toBe('传统产业改造');
    expect(note[2].text).toBe('新兴产业培育');
    const numIds = [note[1], note[2]].map((p) => /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p.xml)?.[1]);
    expect(numIds[0]).toBeTruthy();
    expect(numIds[0]).toBe(numIds[1]);
    expect(unescapeXml(note[3].text)).toBe('<script>坏链接</script>');
    expect(note[3].xml).not.toContain('w:hyperlink');
    expect(rels).not.toContain('javascript:');
    const numbering = await z.part('word/numbering.xml');
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);

    // Theme colours: Word's own yellow for #ffff00, a shading for any other colour.
    const techQuote = ps[techAt].xml;
    expect(techQuote).toContain('<w:highlight w:val="yellow"/>');
    expect(ps[quoteAt].xml).toMatch(new RegExp(`<w:shd [^>]*w:fill="${textHighlight('#f29e4c')!.fill}"`));

    // The character outside the BMP survives as itself.
    expect(doc).toContain(`古籍中有${RARE}字`);
  });

  it('sets the East Asian font and the eastAsia hint on every run, and zh-CN in every style', async () => {
    const f = await fixture();
    for (const format of ['docx', 'handout']) {
      const z = await unzip(await exportDocx(f.h, { format, colorHighlights: true }));
      const parts = [await z.part('word/document.xml'), await z.part('word/footer1.xml'), await z.part('word/footer2.xml')];
      let runs = 0;
      for (const xml of parts) {
        // The table of contents is Word's own field; Word rewrites its entries in the TOC styles.
        const body = xml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');
        for (const [run] of body.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)) {
          runs++;
          expect(run, run).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"[^>]*w:hint="eastAsia"/);
        }
      }
      expect(runs).toBeGreaterThan(20);
      // Every paragraph names a style, and every style the paragraphs use says zh-CN.
      const styles = await z.part('word/styles.xml');
      const used = new Set([...parts.join('').matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]));
      for (const id of used) {
        if (id.startsWith('TOC')) continue;
        const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
        expect(style, id).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
      }
      const bodyParagraphs = paragraphs(parts[0].replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '')).filter((p) => p.text);
      expect(bodyParagraphs.every((p) => p.style)).toBe(true);
    }
  });

  it('writes the official style into the styles, the fallbacks into the font table, A4 with GB/T 9704 margins', async () => {
    const f = await fixture();
    const z = await unzip(await exportDocx(f.h, { format: 'docx', style: 'official' }));
    const styles = await z.part('word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312"[^]*<w:b\/>/);
    expect(style('PzTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('PzTitle')).toContain('<w:sz w:val="44"/>'); // 二号, 22 pt
    // Body: 仿宋_GB2312 三号 (16 pt) on an exact 29 pt line, first line indented two characters.
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/w:line="580" w:lineRule="exact"/);
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(style('PzExcerpt')).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);

    const fonts = await z.part('word/fontTable.xml');
    const alt = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(fonts)?.[1];
    expect(alt('方正小标宋简体')).toBe('华文中宋');
    expect(alt('楷体_GB2312')).toBe('楷体');
    expect(alt('仿宋_GB2312')).toBe('仿宋');
    expect(alt('黑体')).toBe('SimHei');

    const doc = await z.part('word/document.xml');
    const twips = (mm: number) => (mm * 1440) / 25.4;
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const margin = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(/<w:pgMar [^>]*\/>/.exec(sect)![0])![1]);
    expect(Math.abs(margin('top') - twips(37))).toBeLessThan(2);
    expect(Math.abs(margin('bottom') - twips(35))).toBeLessThan(2);
    expect(Math.abs(margin('left') - twips(28))).toBeLessThan(2);
    expect(Math.abs(margin('right') - twips(26))).toBeLessThan(2);
  });

  it('groups by document with each excerpt’s themes, and the plain style uses 宋体 and centred numbers', async () => {
    const f = await fixture();
    const z = await unzip(await exportDocx(f.h, { format: 'docx', by: 'document', style: 'plain' }));
    const ps = paragraphs(await z.part('word/document.xml'));
    const headings = ps.filter((p) => p.style === 'Heading1').map((p) => unescapeXml(p.text));
    expect(headings).toContain(f.heihe.title);
    expect(headings).toContain(f.xinhua.title);
    const techAt = ps.findIndex((p) => p.text === f.quotes.tech);
    expect(ps[techAt + 1].text).toMatch(/第 \d+ 段　#科技创新$/);
    const styles = await z.part('word/styles.xml');
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]).toContain('w:eastAsia="宋体"');
    const footer = await z.part('word/footer1.xml');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).not.toContain('—');
  });
});

describe('Thematic excerpt handout (专题摘编)', () => {
  it('has a title page, contents, 一、（一）1.（1） headings, sourced excerpts, questions and page numbers', async () => {
    const f = await fixture();
    const file = await exportDocx(f.h, {
      format: 'handout',
      handout: { title: '新质生产力专题摘编', unit: '理论学习中心组', date: '2026-12-01', includeQuestions: true, includeToc: true },
    });
    expect(file.suggestedName).toBe('新质生产力专题摘编-2026-11-21.docx');
    const z = await unzip(file);
    const doc = await z.part('word/document.xml');
    const ps = paragraphs(doc.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ''));

    // Title page, alone in its section, without a page number.
    expect(ps.slice(0, 3).map((p) => [p.style, p.text])).toEqual([
      ['PzTitle', '新质生产力专题摘编'],
      ['PzSubtitle', '理论学习中心组'],
      ['PzDate', '2026年12月1日'],
    ]);
    const sections = [...doc.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    expect(sections[0]).not.toContain('footerReference');
    expect(sections[1]).not.toContain('footerReference');
    expect(sections[2]).toContain('<w:footerReference w:type="default"');
    expect(sections[2]).toContain('<w:footerReference w:type="even"');
    expect(sections[2]).toContain('<w:pgNumType w:start="1"/>');

    // Contents: Word's TOC field over the four heading levels, filled in before Word updates it.
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(doc)![0];
    expect(toc).toContain('TOC \\h \\o &quot;1-4&quot;');
    expect(toc).toContain('一、因地制宜');
    expect(paragraphs(doc).find((p) => p.style === 'PzTocTitle')?.text).toBe('目　录');

    const headings = ps.filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style}:${p.text}`);
    expect(headings).toEqual(['Heading1:一、因地制宜', 'Heading2:（一）科技创新', 'Heading3:1.人工智能', 'Heading4:（1）大模型', 'Heading1:二、人才培养']);

    // The source in parentheses right after the excerpt, in the same paragraph.
    const local = ps.find((p) => p.style === 'PzExcerpt' && p.text.startsWith(f.quotes.local))!;
    expect(unescapeXml(local.text)).toBe(`${f.quotes.local}（摘自《${f.heihe.title}》，黑河日报，2024年6月28日）`);
    expect(local.xml).toMatch(/<w:rStyle w:val="PzSource"\/>[^]*?（摘自《/);
    const tech = ps.find((p) => p.style === 'PzExcerpt' && p.text.startsWith(f.quotes.tech))!;
    expect(unescapeXml(tech.text)).toBe(`${f.quotes.tech}（摘自《${f.xinhua.title}》，新華社，2023年9月11日）`);
    expect(ps.some((p) => p.text.startsWith(`古籍中有${RARE}字（摘自《生僻字测试》`))).toBe(true);

    // Discussion questions close the theme's section, after its sub-themes; blank lines dropped.
    const label = ps.findIndex((p) => p.style === 'PzQuestionsLabel');
    expect(ps[label].text).toBe('思考题');
    expect(ps.slice(label + 1, label + 3).map((p) => [p.style, p.text])).toEqual([
      ['PzQuestion', `1．${QUESTION_1}`],
      ['PzQuestion', `2．${QUESTION_2}`],
    ]);
    expect(label).toBeGreaterThan(ps.findIndex((p) => p.text === '（1）大模型'));
    expect(label).toBeLessThan(ps.findIndex((p) => p.text === '二、人才培养'));

    // Page numbers: — PAGE — in 宋体 四号, odd pages right and even pages left.
    const odd = await z.part('word/footer1.xml');
    const even = await z.part('word/footer2.xml');
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('>— </w:t>');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toContain('w:eastAsia="宋体"');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(await z.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('covers only the chosen themes, and leaves questions and contents out on request', async () => {
    const f = await fixture();
    const z = await unzip(
      await exportDocx(f.h, { format: 'handout', themeIds: [f.themes.tech.id, f.themes.people.id], handout: { includeQuestions: false, includeToc: false } }),
    );
    const doc = await z.part('word/document.xml');
    expect(doc).not.toContain('<w:sdt>');
    const ps = paragraphs(doc);
    expect(ps[0].text).toBe('专题摘编');
    // 科技创新's parent was left out, so it is a first-level heading now.
    expect(ps.filter((p) => /^Heading\d$/.test(p.style)).map((p) => p.text)).toEqual(['一、科技创新', '二、人才培养']);
    expect(doc).not.toContain('思考题');
    expect(doc).not.toContain(f.quotes.local);
    expect([...doc.matchAll(/<w:sectPr>/g)]).toHaveLength(2);
  });

  it('warns when nothing is under the chosen themes', async () => {
    const f = await fixture();
    const empty = f.h['themes.create']({ name: '空主题' }) as Theme;
    const file = await exportDocx(f.h, { format: 'handout', themeIds: [empty.id] });
    expect(file.warnings).toEqual(['No excerpts under the chosen themes.']);
    expect(paragraphs(await (await unzip(file)).part('word/document.xml')).some((p) => p.text === '（所选主题下暂无摘录）')).toBe(true);
  });
});

describe('export.preview', () => {
  it('draws the first page from the same model, escaped, with no markup from notes', async () => {
    const f = await fixture();
    const evil = f.h['themes.create']({ name: '<img src=x onerror=alert(1)>' }) as Theme;
    const a = f.h['annotations.create']({ documentId: f.heihe.id, start: 0, end: 4, themeIds: [evil.id] }) as Annotation;
    f.h['annotations.updateNote']({ id: a.id, noteJson: richNote, noteText: '' });
    const { html } = f.h['export.preview']({ format: 'docx', themeIds: [evil.id, f.themes.local.id] }) as { html: string };
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script|javascript:/i);
    expect(html).toContain('&lt;script&gt;坏链接&lt;/script&gt;');
    expect(html).toContain('<strong>要点</strong>');
    expect(html).toContain('<em>因地制宜</em>');
    // The preview shows a link's address without making it followable inside the app.
    expect(html).toContain('<span class="pz-link" title="https://example.org/a">原文</span>');
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain('<ol class="pz-list"><li>传统产业改造</li><li>新兴产业培育</li></ol>');
    expect(html).toContain(`古籍中有${RARE}字`);
    // Only what fits a page, with its page number.
    expect(html.match(/<section class="pz-page/g)).toHaveLength(1);
    expect(html).toContain('— 1 —');
  });

  it('gives the handout’s cover, contents and first page, or every page to print', async () => {
    const f = await fixture();
    const first = (f.h['export.preview']({ format: 'handout', handout: { title: '专题', unit: '学习组', date: '2026-12-01' } }) as { html: string }).html;
    expect(first.match(/<section class="pz-page pz-(\w+)/g)).toEqual(['<section class="pz-page pz-cover', '<section class="pz-page pz-toc', '<section class="pz-page pz-body']);
    expect(first).toContain('<p class="pz-date">2026年12月1日</p>');
    expect(first).toContain('<h1 class="pz-h1">一、因地制宜</h1>');
    expect(first).toContain('<p class="pz-toc-entry" style="padding-left: 3em">（1）大模型</p>');
    const all = (f.h['export.preview']({ format: 'handout', all: true }) as { html: string }).html;
    expect(all).toContain('pz-print');
    expect(all).toContain('@page');
    expect(all).toContain('二、人才培养');
    expect(all).not.toContain('— 1 —');
  });
});

describe('npx pizhu export (Word formats)', () => {
  function pizhu(lib: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [join(projectRoot, 'bin', 'pizhu.mjs'), '--library', lib, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('writes a handout with the chosen themes, style, title, unit and date', async () => {
    const lib = tempDir();
    const dir = tempDir();
    expect(pizhu(lib, 'themes', 'add', '因地制宜', '--color', '#f29e4c').code).toBe(0);
    expect(pizhu(lib, 'themes', 'add', '科技创新', '--parent', '因地制宜').code).toBe(0);
    expect(pizhu(lib, 'themes', 'add', '人才培养').code).toBe(0);
    const docs = JSON.parse(pizhu(lib, 'list', '--json').out) as DocumentSummary[];
    const heihe = docs.find((d) => d.publishedAt === '2024-06-28')!;
    expect(pizhu(lib, 'annotate', heihe.id, '--quote', '因地制宜推动黑河新质生产力发展', '--theme', '科技创新').code).toBe(0);
    expect(pizhu(lib, 'annotate', heihe.id, '--quote', '新质生产力', '--theme', '人才培养').code).toBe(0);

    const out = join(dir, 'handout.docx');
    const r = pizhu(lib, 'export', '--format', 'handout', '--theme', '因地制宜', '--theme', '科技创新', '--style', 'plain', '--title', '学习材料', '--unit', '某支部', '--date', '2026-12-01', '--out', out, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ out, format: 'handout' });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const ps = paragraphs(await zip.file('word/document.xml')!.async('string'));
    expect(ps.slice(0, 3).map((p) => p.text)).toEqual(['学习材料', '某支部', '2026年12月1日']);
    expect(ps.filter((p) => /^Heading\d$/.test(p.style)).map((p) => p.text)).toEqual(['一、因地制宜', '（一）科技创新']);
    expect(ps.some((p) => p.text.startsWith('因地制宜推动黑河新质生产力发展（摘自《'))).toBe(true);
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(await zip.file('word/styles.xml')!.async('string'))![0]).toContain('w:eastAsia="宋体"');

    const notes = join(dir, 'notes.docx');
    expect(pizhu(lib, 'export', '--format', 'docx', '--by', 'document', '--out', notes).code).toBe(0);
    expect(readFileSync(notes).subarray(0, 2).toString()).toBe('PK');
    // A binary format needs --out; a bad style is refused before anything is written.
    expect(pizhu(lib, 'export', '--format', 'docx').err).toMatch(/--out FILE/);
    const bad = pizhu(lib, 'export', '--format', 'docx', '--style', 'fancy', '--out', join(dir, 'x.docx'));
    expect(bad.code).toBe(2);
  });
});
