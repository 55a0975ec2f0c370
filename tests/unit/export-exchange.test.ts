// Markdown, REFI-QDA (.qdpx/.qdc), W3C Web Annotation and CSV exports, and the .qdpx import, on a
// real library: Markdown parsed with a CommonMark parser, REFI-QDA validated against the schemas.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, type Node as MdNode } from 'commonmark';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateXML } from 'xmllint-wasm';
import { codePointToUtf16, utf16ToCodePoint } from '../../shared/offsets';
import { codePointIndex } from '../../electron/core/export/codePoints';
import { sourceText } from '../../electron/core/export/refi/sourceText';
import type { InputOf } from '../../shared/contract';
import type { Annotation, DocumentRecord, DocumentSummary, ExportFile, Memo, Theme } from '../../shared/domain';
import type { Handlers } from '../../shared/contract';
import { closeAndForget, open, tempDir } from './helpers';
import { BOLD, list, note, paragraph, text } from './lexicalNote';

const NOW = '2026-11-21T10:00:00.000Z';
const SCHEMAS = join(__dirname, '../../resources/refi-qda');
const EXTRA = '𠀀';

const richNote = note(paragraph(text('要点', BOLD), text('：结合 & <实际> "引号"')), list('bullet', '其一'));
const richNoteText = '要点：结合 & <实际> "引号"\n其一';

type H = Handlers;
const call = <C extends keyof H>(h: H, c: C, input: InputOf<C>) => h[c](input) as Awaited<ReturnType<H[C]>>;

/** A seeded library with nested themes, notes, memos, a document URL and a text outside the BMP. */
async function fixture(opts: { now?: () => string } = {}) {
  const lib = open({ now: opts.now ?? (() => NOW) });
  const h = lib.handlers;
  const docs = call(h, 'documents.list', {}) as DocumentSummary[];
  const heihe = call(h, 'documents.get', { id: docs.find((d) => d.publishedAt === '2024-06-28')!.id }) as DocumentRecord;
  call(h, 'documents.updateMetadata', { id: heihe.id, url: 'https://example.org/heihe?a=1&b=2', byline: '记者 张三' });
  const xinhua = call(h, 'documents.get', { id: docs.find((d) => d.source === '新華社')!.id }) as DocumentRecord;
  // A pasted text: a character outside the BMP before every highlight, and Markdown/CSV-significant characters.
  const pasted = await call(h, 'import.text', {
    title: '扩展字符 *测试*',
    text: `${EXTRA}${EXTRA}甲骨文${EXTRA}字形研究：*重点* [一] #标签 <b>。\n=1+1 公式开头，"引号",逗号。\n1. 列表样式的句子`,
  });
  const extra = call(h, 'documents.get', { id: pasted.documents[0].id }) as DocumentRecord;

  const local = call(h, 'themes.create', { name: '因地制宜', description: '结合实际', color: '#f29e4c' }) as Theme;
  const heilongjiang = call(h, 'themes.create', { name: '黑龙江 经验', parentId: local.id }) as Theme;
  const tech = call(h, 'themes.create', { name: '科技创新' }) as Theme;
  call(h, 'themes.setMemo', { id: local.id, memoJson: null, memoText: '主题备忘：各地做法\n第二行' });
  call(h, 'themes.setQuestions', { id: local.id, questions: '各地的做法有何不同？\n黑河的经验能否推广？' });
  call(h, 'themes.setPinned', { id: tech.id, slot: 3 });

  const mark = (doc: DocumentRecord, quote: string, themeIds: string[]) => {
    const start = doc.text.indexOf(quote);
    if (start < 0) throw new Error(`${quote} not in ${doc.title}`);
    return call(h, 'annotations.create', { documentId: doc.id, start, end: start + quote.length, themeIds }) as Annotation;
  };
  const a1 = mark(heihe, '因地制宜推动黑河新质生产力发展', [local.id, heilongjiang.id]);
  call(h, 'annotations.updateNote', { id: a1.id, noteJson: richNote, noteText: richNoteText });
  const a2 = mark(xinhua, '整合科技創新資源', [tech.id]);
  const a3 = mark(xinhua, '新質生產力有別于傳統生產力', []);
  const a4 = mark(extra, '字形研究：*重点* [一] #标签 <b>', [tech.id, heilongjiang.id]);
  call(h, 'annotations.updateNote', { id: a4.id, noteJson: null, noteText: '注意，逗号 "引号"\n第二行 & <尖括号>' });
  const a5 = mark(extra, '=1+1 公式开头，"引号",逗号', [local.id]);
  // Two paragraphs: the quote keeps them apart.
  const a6 = mark(extra, '"引号",逗号。\n1. 列表样式的句子', [local.id]);
  call(h, 'memos.save', { scope: 'project', noteJson: null, noteText: '项目备忘' });
  call(h, 'memos.save', { scope: 'document', documentId: heihe.id, noteJson: null, noteText: '黑河一文的备忘' });
  const get = (id: string) => call(h, 'documents.get', { id }) as DocumentRecord;
  return { lib, h, heihe: get(heihe.id), xinhua: get(xinhua.id), extra: get(extra.id), themes: { local, heilongjiang, tech }, a: [a1, a2, a3, a4, a5, a6] };
}

async function exportAs(h: H, input: InputOf<'export.file'>): Promise<ExportFile> {
  return (await h['export.file'](input)) as ExportFile;
}

const unzip = (file: ExportFile) => JSZip.loadAsync(Buffer.from(file.data, 'base64'));

async function validate(xml: string, schema: 'Project.xsd' | 'Codebook.xsd') {
  const result = await validateXML({ xml: [{ fileName: 'exported.xml', contents: xml }], schema: [readFileSync(join(SCHEMAS, schema), 'utf8')] });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const codePoints = (s: string) => Array.from(s);

// ---- Positions ----

describe('code-point positions', () => {
  const text = fc.array(fc.constantFrom('a', '中', EXTRA, '😀', '\n', '\r'), { maxLength: 40 }).map((xs) => xs.join(''));
  it('convert many offsets exactly as the one-off converters in shared/offsets do', () => {
    fc.assert(
      fc.property(text, fc.nat(60), (t, n) => {
        const index = codePointIndex(t);
        expect(index.toCodePoint(n)).toBe(utf16ToCodePoint(t, n));
        expect(index.toUtf16(n)).toBe(codePointToUtf16(t, n));
        expect(index.length).toBe(Array.from(t).length);
      }),
    );
  });
  it('map positions on a CRLF file onto the text with LF paragraphs', () => {
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(40), (t, x, y) => {
        const [s, e] = [Math.min(x, y), Math.max(x, y)];
        const chars = Array.from(t);
        // A position between the CR and LF of one line break has no place of its own in the LF text.
        fc.pre(![s, e].some((p) => chars[p - 1] === '\r' && chars[p] === '\n'));
        const src = sourceText(t);
        const raw = chars.slice(s, e).join('');
        expect(src.text.slice(src.toOffset(s), src.toOffset(e))).toBe(raw.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });
});

// ---- Markdown ----

function splitFrontMatter(md: string): { fields: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter');
  const fields: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const [, key, value] = /^([\w-]+): (.*)$/.exec(line)!;
    fields[key] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return { fields, body: md.slice(m[0].length) };
}

function textOf(node: MdNode): string {
  let out = '';
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) {
      if (e.node.type === 'paragraph' && e.node !== node && e.node.next) out += '\n';
      continue;
    }
    if (e.node.type === 'text' || e.node.type === 'code') out += e.node.literal;
    if (e.node.type === 'softbreak' || e.node.type === 'linebreak') out += '\n';
  }
  return out;
}

function topBlocks(md: string): MdNode[] {
  const doc = new Parser().parse(md);
  const out: MdNode[] = [];
  for (let n = doc.firstChild; n; n = n.next) out.push(n);
  return out;
}

describe('Markdown export', () => {
  it('writes front matter, headings by codebook tree, quotes, tags, notes and citations that CommonMark reads back', async () => {
    const { h, heihe, a, extra } = await fixture();
    const file = await exportAs(h, { format: 'md', by: 'theme' });
    expect(file).toMatchObject({ encoding: 'utf-8', mime: 'text/markdown', suggestedName: 'pizhu-notes-by-theme-2026-11-21.md', warnings: [] });
    const { fields, body } = splitFrontMatter(file.data);
    expect(fields).toMatchObject({ title: '学习笔记 Study notes', source: '批注 Pizhu', date: '2026-11-21', excerpts: '6' });

    const blocks = topBlocks(body);
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => `${b.level} ${textOf(b)}`);
    expect(headings).toEqual(['1 学习笔记 Study notes', '2 因地制宜', '3 黑龙江 经验', '2 科技创新', '2 未归类 Untagged']);

    // Every excerpt: comment with the id → quote → block id → tags → note → citation.
    const quotes = blocks.filter((b) => b.type === 'block_quote');
    expect(quotes.map(textOf)).toEqual([a[0], a[4], a[5], a[0], a[3], a[1], a[3], a[2]].map((x) => x.exact));
    const firstOf = (id: string) => blocks.findIndex((b) => b.type === 'html_block' && b.literal?.includes(`pizhu:annotation ${id}`));
    const i = firstOf(a[0].id);
    expect(blocks[i + 1].type).toBe('block_quote');
    expect(textOf(blocks[i + 2])).toBe(`^pz-${a[0].id.replace(/-/g, '').slice(0, 12)}`);
    expect(textOf(blocks[i + 3])).toBe('#因地制宜 #因地制宜/黑龙江_经验');
    expect(textOf(blocks[i + 4])).toBe('要点：结合 & <实际> "引号"');
    expect(blocks[i + 5].type).toBe('list');
    const paragraph = heihe.text.slice(0, a[0].start).split('\n').length;
    expect(textOf(blocks[i + 6])).toBe(`—— 《${heihe.title}》，黑河日报，2024-06-28，第 ${paragraph} 段`);
    // Quoted source text stays text: no emphasis, links, tags, lists or formulas made of it.
    const j = firstOf(a[3].id);
    expect(blocks[j + 1].firstChild!.type).toBe('paragraph');
    expect(textOf(blocks[j + 3])).toBe('#因地制宜/黑龙江_经验 #科技创新');
    expect(textOf(blocks[j + 4])).toBe('注意，逗号 "引号"\n第二行 & <尖括号>');
    expect(textOf(blocks[firstOf(a[4].id) + 4])).toBe(`—— 《${extra.title}》，第 2 段`);
    // A highlight over two paragraphs is one quote of two paragraphs, the list-like line not a list.
    const twoParagraphs = blocks[firstOf(a[5].id) + 1];
    expect([twoParagraphs.firstChild!.type, twoParagraphs.lastChild!.type, twoParagraphs.firstChild!.next]).toEqual(['paragraph', 'paragraph', twoParagraphs.lastChild]);
    // A highlight under two themes is quoted under both, its ids written once.
    expect(body.split(`pizhu:annotation ${a[0].id}`)).toHaveLength(2);
    expect(body.match(/^\^pz-[0-9a-f]{12}$/gm)).toHaveLength(6);
  });

  it('keeps every id across exports, so a re-export updates the same excerpts', async () => {
    const { h, xinhua, a } = await fixture();
    const ids = (md: string) => [...md.matchAll(/pizhu:annotation ([0-9a-f-]{36})|\^(pz-[0-9a-f]{12})$/gm)].map((m) => m[1] ?? m[2]);
    const first = (await exportAs(h, { format: 'md', by: 'document' })).data;
    call(h, 'annotations.updateNote', { id: a[1].id, noteJson: null, noteText: '改过的笔记' });
    const start = xinhua.text.indexOf('新质生产力') >= 0 ? xinhua.text.indexOf('新质生产力') : xinhua.text.indexOf('生產力');
    const added = call(h, 'annotations.create', { documentId: xinhua.id, start, end: start + 3, themeIds: [] }) as Annotation;
    const second = (await exportAs(h, { format: 'md', by: 'document' })).data;
    expect(ids(first)).toHaveLength(12);
    expect(ids(second).filter((id) => !id.startsWith(added.id) && id !== `pz-${added.id.replace(/-/g, '').slice(0, 12)}`)).toEqual(ids(first));
    expect(second).toContain('改过的笔记');
    // The reader's quick export (Ctrl+E) is the same writer's output.
    expect((call(h, 'export.markdown', { by: 'document' }) as { content: string }).content).toBe(second);
  });

  it('splits into one file per document with the document as front matter, the same names and bytes every time', async () => {
    const { h, heihe, a } = await fixture();
    const file = await exportAs(h, { format: 'md', splitByDocument: true });
    expect(file).toMatchObject({ encoding: 'base64', mime: 'application/zip', suggestedName: 'pizhu-notes-2026-11-21.zip' });
    const zip = await unzip(file);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['扩展字符 _测试_.md', '習近平總書記首次提到“新質生產力”.md', `${heihe.title}.md`].sort());
    const { fields, body } = splitFrontMatter(await zip.file(`${heihe.title}.md`)!.async('string'));
    expect(fields).toEqual({
      title: heihe.title,
      source: '黑河日报',
      date: '2024-06-28',
      url: 'https://example.org/heihe?a=1&b=2',
      author: '记者 张三',
      'pizhu-document': heihe.id,
      ...(heihe.editor ? { editor: heihe.editor } : {}),
    });
    const blocks = topBlocks(body);
    expect(blocks.filter((b) => b.type === 'block_quote').map(textOf)).toEqual([a[0].exact]);
    expect(body).toContain(`[原文 Original](<https://example.org/heihe?a=1&b=2>)`);
    expect((await exportAs(h, { format: 'md', splitByDocument: true })).data).toBe(file.data);
  });

  it('exports only the chosen themes and documents', async () => {
    const { h, themes, a, xinhua } = await fixture();
    const onlyTech = await exportAs(h, { format: 'md', by: 'theme', themeIds: [themes.tech.id] });
    expect(topBlocks(splitFrontMatter(onlyTech.data).body).filter((b) => b.type === 'block_quote').map(textOf)).toEqual([a[1].exact, a[3].exact]);
    const onlyXinhua = await exportAs(h, { format: 'csv', documentIds: [xinhua.id] });
    expect(onlyXinhua.data.trim().split('\r\n')).toHaveLength(3);
  });
});

// ---- REFI-QDA ----

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde validates against Project.xsd, with plain-text sources named by GUID', async () => {
    const { h, heihe, extra, a, themes } = await fixture();
    const file = await exportAs(h, { format: 'qdpx' });
    expect(file).toMatchObject({ encoding: 'base64', suggestedName: 'pizhu-project-2026-11-21.qdpx', warnings: [] });
    const zip = await unzip(file);
    const xml = await zip.file('project.qde')!.async('string');
    const result = await validate(xml, 'Project.xsd');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    const docs = call(h, 'documents.list', {}) as DocumentSummary[];
    const sources = Object.keys(zip.files).filter((n) => !zip.files[n].dir && n.startsWith('sources/'));
    expect(sources.sort()).toEqual(docs.map((d) => `sources/${d.id}.txt`).sort());
    expect(xml).toContain(`plainTextPath="internal://${extra.id}.txt"`);
    expect(await zip.file(`sources/${extra.id}.txt`)!.async('string')).toBe(extra.text);

    // Codes nested, with colour and description; memos as notes; highlights as coded selections.
    expect(xml).toMatch(new RegExp(`<Code guid="${themes.local.id}" name="因地制宜" isCodable="true" color="#f29e4c">\\s*<Description>结合实际</Description>\\s*<NoteRef targetGUID="[^"]+"/>\\s*<Code guid="${themes.heilongjiang.id}"`));
    expect(xml).toContain('<PlainTextContent>主题备忘：各地做法\n第二行</PlainTextContent>');
    expect(xml).toContain('<PlainTextContent>项目备忘</PlainTextContent>');
    expect(xml).toContain('<PlainTextContent>黑河一文的备忘</PlainTextContent>');
    expect(xml).toContain('<Description>注意，逗号 "引号"\n第二行 &amp; &lt;尖括号&gt;</Description>');
    expect(xml).toMatch(new RegExp(`<PlainTextSelection guid="${a[0].id}"[^>]*>[\\s\\S]*?<CodeRef targetGUID="${themes.local.id}"/>[\\s\\S]*?<CodeRef targetGUID="${themes.heilongjiang.id}"/>`));
    expect(xml).toMatch(new RegExp(`<TextSource guid="${heihe.id}"[\\s\\S]*?<TextValue>https://example.org/heihe\\?a=1&amp;b=2</TextValue>`));
  });

  it('counts positions in code points on the exported text (𠀀 before a highlight)', async () => {
    const { h, extra, a } = await fixture();
    const zip = await unzip(await exportAs(h, { format: 'qdpx' }));
    const xml = await zip.file('project.qde')!.async('string');
    const text = await zip.file(`sources/${extra.id}.txt`)!.async('string');
    for (const ann of [a[3], a[4], a[5]]) {
      const m = new RegExp(`<PlainTextSelection guid="${ann.id}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`).exec(xml)!;
      const [start, end] = [Number(m[1]), Number(m[2])];
      expect(start).toBe(codePoints(extra.text.slice(0, ann.start)).length);
      expect(start).toBeLessThan(ann.start); // the supplementary characters count once, not twice
      expect(codePoints(text).slice(start, end).join('')).toBe(ann.exact);
    }
  });

  it('writes the codebook as a .qdc that validates against Codebook.xsd', async () => {
    const { h, themes } = await fixture();
    const file = await exportAs(h, { format: 'qdc' });
    expect(file).toMatchObject({ encoding: 'utf-8', mime: 'application/xml', suggestedName: 'pizhu-codebook-2026-11-21.qdc' });
    const result = await validate(file.data, 'Codebook.xsd');
    expect(result.errors).toEqual([]);
    expect(file.data).toMatch(new RegExp(`<Code guid="${themes.local.id}"[^>]*>\\s*<Description>结合实际</Description>\\s*<Code guid="${themes.heilongjiang.id}" name="黑龙江 经验"`));
    expect(file.data).toContain(`<Code guid="${themes.tech.id}" name="科技创新" isCodable="true"`);
    // The schema would reject an empty codebook; the export says why instead.
    const empty = open({ seedsDir: null });
    await expect(exportAs(empty.handlers, { format: 'qdc' })).rejects.toThrow(/codebook is empty/);
  });

  it('rejects its own project.qde once it breaks the schema (the validation can fail)', async () => {
    const { h } = await fixture();
    const xml = await (await unzip(await exportAs(h, { format: 'qdpx' }))).file('project.qde')!.async('string');
    const broken = xml.replace(/startPosition="(\d+)"/, 'startPosition="x$1"');
    expect((await validate(broken, 'Project.xsd')).valid).toBe(false);
  });
});

describe('REFI-QDA import', () => {
  it('round-trips a library through .qdpx into an empty library without losing anything Pizhu stores', async () => {
    const { lib, h } = await fixture();
    const file = await exportAs(h, { format: 'qdpx' });
    const target = open({ seedsDir: null, now: () => '2030-01-01T00:00:00.000Z', userName: 'someone-else' });
    const t = target.handlers;
    const result = (await t['import.qdpx']({ data: file.data })) as { documents: number; themes: number; annotations: number; warnings: string[] };
    expect(result).toEqual({ documents: 18, themes: 3, annotations: 6, warnings: [] });

    const names = (l: typeof lib) => new Map([...(l.ctx.db.prepare('SELECT id, name FROM users').all() as { id: string; name: string }[])].map((u) => [u.id, u.name]));
    const [na, nb] = [names(lib), names(target)];
    const author = <T extends { author: string }>(x: T, n: Map<string, string>) => ({ ...x, author: n.get(x.author) });

    const docsA = (call(h, 'documents.list', {}) as DocumentSummary[]).map((d) => author(d, na));
    const docsB = (call(t, 'documents.list', {}) as DocumentSummary[]).map((d) => author(d, nb));
    const collections = (x: DocumentSummary[]) => x.map((d) => ({ ...d, collectionId: d.collectionId ? 'c' : null }));
    expect(collections(docsB)).toEqual(collections(docsA));
    let removed = 0;
    for (const d of docsA) {
      const [x, y] = [call(h, 'documents.get', { id: d.id }) as DocumentRecord, call(t, 'documents.get', { id: d.id }) as DocumentRecord];
      expect(y.text).toBe(x.text);
      expect(y.marks).toEqual(x.marks);
      expect(y.removed.map(({ id: _id, ...r }) => r)).toEqual(x.removed.map(({ id: _id, ...r }) => r));
      removed += x.removed.length;
    }
    expect(removed).toBeGreaterThan(0);
    const collectionNames = (hh: H) => (call(hh, 'collections.list', {}) as { name: string; documentCount: number }[]).map((c) => [c.name, c.documentCount]);
    expect(collectionNames(t)).toEqual(collectionNames(h));

    const themesA = (call(h, 'themes.list', {}) as Theme[]).map((x) => author(x, na));
    expect((call(t, 'themes.list', {}) as Theme[]).map((x) => author(x, nb))).toEqual(themesA);
    const annA = (call(h, 'annotations.list', {}) as Annotation[]).map((x) => author(x, na));
    expect((call(t, 'annotations.list', {}) as Annotation[]).map((x) => author(x, nb))).toEqual(annA);
    expect(annA.find((x) => x.noteJson === richNote)).toBeDefined();

    const memo = (hh: H, documentId?: string) => {
      const m = call(hh, 'memos.get', { scope: documentId ? 'document' : 'project', documentId }) as Memo;
      return { ...m, author: undefined };
    };
    expect(memo(t)).toEqual(memo(h));
    const heihe = docsA.find((d) => d.publishedAt === '2024-06-28')!.id;
    expect(memo(t, heihe)).toEqual(memo(h, heihe));

    // Importing the same project again adds nothing.
    const again = (await t['import.qdpx']({ data: file.data })) as { documents: number; annotations: number; warnings: string[] };
    expect(again).toMatchObject({ documents: 0, annotations: 0 });
    expect(again.warnings).toContainEqual(expect.stringMatching(/^18 documents are already in the library/));
    expect(call(t, 'annotations.list', {})).toHaveLength(6);
  });

  it('imports a project written by another program: inline and CRLF sources, code points, braces, short colours, repeated names', async () => {
    const g = (n: number) => `{0000000${n}-AAAA-4BBB-8CCC-00000000000${n}}`;
    const crlfText = `第一段${EXTRA}文字\r\n第二段：新质生产力\r\n`;
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Other" origin="QualCoder">
  <Users><User guid="${g(1)}" name="Ana"/></Users>
  <CodeBook><Codes>
    <Code guid="${g(2)}" name="经济" isCodable="true" color="#F00"><Description>宏观</Description>
      <Code guid="${g(3)}" name="指标" isCodable="true"/>
    </Code>
    <Code guid="${g(4)}" name="政策" isCodable="true" color="#00ff00"><Code guid="${g(5)}" name="指标" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${g(6)}" name="Date" typeOfVariable="Date"/><Variable guid="${g(7)}" name="Author" typeOfVariable="Text"/></Variables>
  <Sources>
    <TextSource guid="${g(8)}" name="From a file" plainTextPath="internal://A.TXT" creatingUser="${g(1)}" creationDateTime="2020-05-01T08:00:00Z">
      <PlainTextSelection guid="${g(9)}" startPosition="9" endPosition="14" creatingUser="${g(1)}" creationDateTime="2020-05-02T08:00:00Z">
        <Description>一条 &amp; 备注</Description>
        <Coding guid="${g(1).replace('0000000', '1000000')}"><CodeRef targetGUID="${g(3)}"/></Coding>
        <Coding guid="${g(2).replace('0000000', '1000000')}"><CodeRef targetGUID="${g(5)}"/></Coding>
        <NoteRef targetGUID="${g(7).replace('0000000', '2000000')}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(1).replace('0000000', '3000000')}" startPosition="40" endPosition="50"/>
      <VariableValue><VariableRef targetGUID="${g(6)}"/><DateValue>2024-03-05</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(7)}"/><TextValue>王五</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="${g(1).replace('0000000', '4000000')}" name="Inline"><PlainTextContent>行内${EXTRA}文本</PlainTextContent>
      <PlainTextSelection guid="${g(1).replace('0000000', '5000000')}" startPosition="2" endPosition="4"><Coding guid="${g(1).replace('0000000', '6000000')}"><CodeRef targetGUID="${g(2)}"/></Coding></PlainTextSelection>
    </TextSource>
    <PictureSource guid="${g(1).replace('0000000', '7000000')}" name="photo" path="internal://p.jpg"/>
  </Sources>
  <Notes><Note guid="${g(7).replace('0000000', '2000000')}" name="memo"><PlainTextContent>来自笔记</PlainTextContent></Note></Notes>
</Project>`;
    const zip = new JSZip();
    zip.file('project.qde', xml);
    zip.file('Sources/A.TXT', '\uFEFF' + crlfText);
    const data = await zip.generateAsync({ type: 'base64' });
    const lib = open({ seedsDir: null });
    const h = lib.handlers;
    const result = (await h['import.qdpx']({ data })) as { documents: number; themes: number; annotations: number; warnings: string[] };
    expect(result.documents).toBe(2);
    expect(result.themes).toBe(4);
    expect(result.annotations).toBe(2);
    expect(result.warnings.join('\n')).toMatch(/1 selections lie outside/);
    expect(result.warnings.join('\n')).toMatch(/1 picture, PDF, audio or video sources/);

    const themes = call(h, 'themes.list', {}) as Theme[];
    expect(themes.map((t) => [t.name, t.color, themes.find((p) => p.id === t.parentId)?.name ?? null])).toEqual([
      ['经济', '#ff0000', null],
      ['指标', '#f4c542', '经济'],
      ['政策', '#00ff00', null],
      ['指标（政策）', '#f4c542', '政策'],
    ]);
    expect(themes[0]).toMatchObject({ id: '00000002-aaaa-4bbb-8ccc-000000000002', description: '宏观' });

    const docs = call(h, 'documents.list', {}) as DocumentSummary[];
    const fromFile = call(h, 'documents.get', { id: docs.find((d) => d.title === 'From a file')!.id }) as DocumentRecord;
    expect(fromFile.text).toBe(`第一段${EXTRA}文字\n第二段：新质生产力\n`);
    expect(fromFile).toMatchObject({ id: '00000008-aaaa-4bbb-8ccc-000000000008', publishedAt: '2024-03-05', byline: '王五', createdAt: '2020-05-01T08:00:00.000Z' });
    const [ann] = call(h, 'annotations.list', { documentId: fromFile.id }) as Annotation[];
    // Code points 9–14 on the file (CRLF counted as two) are 第二段：新 … on the stored text.
    expect(ann.exact).toBe('二段：新质');
    expect(ann.themeIds.map((id) => themes.find((t) => t.id === id)!.name).sort()).toEqual(['指标', '指标（政策）']);
    expect(ann.noteText).toBe('一条 & 备注\n\n来自笔记');
    expect(ann.createdAt).toBe('2020-05-02T08:00:00.000Z');
    const users = lib.ctx.db.prepare('SELECT name FROM users WHERE id = ?').get(ann.author) as { name: string };
    expect(users.name).toBe('Ana');
    const inline = docs.find((d) => d.title === 'Inline')!;
    expect((call(h, 'annotations.list', { documentId: inline.id }) as Annotation[])[0].exact).toBe(`${EXTRA}文`);
  });

  it('refuses a file that is not a project and changes nothing', async () => {
    const lib = open({ seedsDir: null });
    const h = lib.handlers;
    await expect(h['import.qdpx']({ data: Buffer.from('not a zip').toString('base64') })).rejects.toThrow(/not a zip archive/);
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await expect(h['import.qdpx']({ data: await zip.generateAsync({ type: 'base64' }) })).rejects.toThrow(/no project.qde/);
    zip.file('project.qde', '<Project name="x"><Sources><TextSource guid="{00000001-AAAA-4BBB-8CCC-000000000001}"');
    await expect(h['import.qdpx']({ data: await zip.generateAsync({ type: 'base64' }) })).rejects.toThrow();
    expect(call(h, 'documents.list', {})).toEqual([]);
  });
});

// ---- W3C Web Annotation ----

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface WebAnnotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  creator: { id: string; type: string; name: string };
  body: { type: string; purpose: string; value: string; format?: string }[];
  target: { source: string; scope?: string; selector: Selector[] };
}

describe('W3C Web Annotation export', () => {
  it('writes an AnnotationCollection whose quote and position selectors agree with the text', async () => {
    const { h, heihe, xinhua, extra, a } = await fixture();
    const file = await exportAs(h, { format: 'jsonld' });
    expect(file.mime).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(file.data) as { '@context': string; type: string; total: number; first: { type: string; items: WebAnnotation[] } };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(6);
    const texts = new Map([heihe, xinhua, extra].map((d) => [`urn:uuid:${d.id}`, codePoints(d.text)]));
    for (const item of doc.first.items) {
      const chars = texts.get(item.target.source)!;
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      expect(chars.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(chars.slice(0, position.start).join('').endsWith(quote.prefix ?? '')).toBe(true);
      expect(chars.slice(position.end).join('').startsWith(quote.suffix ?? '')).toBe(true);
      expect(item).toMatchObject({ type: 'Annotation', motivation: 'highlighting', created: NOW, creator: { type: 'Person' } });
    }
    const byId = new Map(doc.first.items.map((i) => [i.id, i]));
    const first = byId.get(`urn:uuid:${a[0].id}`)!;
    expect(first.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: '因地制宜' },
      { type: 'TextualBody', purpose: 'tagging', value: '因地制宜/黑龙江 经验' },
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: richNoteText },
    ]);
    expect(first.target.scope).toBe('https://example.org/heihe?a=1&b=2');
    const outside = byId.get(`urn:uuid:${a[3].id}`)!.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    expect(outside.start).toBe(a[3].start - 3); // three surrogate pairs before it
    expect(byId.get(`urn:uuid:${a[2].id}`)!.body).toEqual([]);
  });
});

// ---- CSV ----

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    else field += c;
  }
  if (field || row.length) throw new Error('last record without CRLF');
  return rows;
}

describe('CSV export', () => {
  it('is UTF-8 with a BOM and CRLF, quotes per RFC 4180, and parses back to the highlights', async () => {
    const { h, a, extra } = await fixture();
    const file = await exportAs(h, { format: 'csv' });
    expect(file).toMatchObject({ mime: 'text/csv', suggestedName: 'pizhu-excerpts-2026-11-21.csv' });
    const bytes = Buffer.from(file.data, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['excerpt', 'themes', 'document', 'source', 'date', 'paragraph', 'note', 'annotation_id', 'start', 'end']);
    expect(rows).toHaveLength(6);
    const row = (id: string) => Object.fromEntries(header.map((k, i) => [k, rows.find((r) => r[7] === id)![i]]));
    expect(row(a[0].id)).toMatchObject({ excerpt: a[0].exact, themes: '因地制宜; 因地制宜/黑龙江 经验', source: '黑河日报', date: '2024-06-28', note: richNoteText });
    expect(row(a[3].id)).toMatchObject({ note: '注意，逗号 "引号"\n第二行 & <尖括号>', document: extra.title, start: String(a[3].start - 3), paragraph: '1' });
    // Excel would run a cell starting with = as a formula: it gets the apostrophe Excel hides.
    expect(row(a[4].id).excerpt).toBe(`'${a[4].exact}`);
    expect(row(a[2].id).themes).toBe('');
    const cp = codePoints(extra.text);
    expect(cp.slice(Number(row(a[5].id).start), Number(row(a[5].id).end)).join('')).toBe(a[5].exact);
  });
});

// ---- Command line ----

describe('pizhu export / import-qdpx', () => {
  it('exports every exchange format through the registry and imports the project into a new library', async () => {
    const dir = tempDir();
    const source = join(dir, 'source');
    const { lib } = await fixture();
    // The CLI opens the library itself: hand over the fixture's folder.
    const folder = lib.ctx.libraryDir;
    closeAndForget(lib);
    const pizhu = (...args: string[]) => execFileSync(process.execPath, [join(__dirname, '../../bin/pizhu.mjs'), ...args], { encoding: 'utf8' });
    for (const format of ['md', 'qdpx', 'qdc', 'jsonld', 'csv']) {
      const out = join(dir, `out.${format}`);
      const report = JSON.parse(pizhu('--library', folder, '--json', 'export', '--format', format, '--out', out)) as { bytes: number };
      expect(readFileSync(out).length).toBe(report.bytes);
    }
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toMatch(/^---\ntitle: "学习笔记 Study notes"/);
    expect(readFileSync(join(dir, 'out.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(() => pizhu('--library', folder, 'export', '--format', 'qdpx')).toThrow(/give --out FILE/);
    const imported = JSON.parse(pizhu('--library', source, '--no-seeds', '--json', 'import-qdpx', join(dir, 'out.qdpx'))) as { documents: number; annotations: number };
    expect(imported).toMatchObject({ documents: 18, annotations: 6 });
    writeFileSync(join(dir, 'bad.qdpx'), 'nope');
    expect(() => pizhu('--library', source, 'import-qdpx', join(dir, 'bad.qdpx'))).toThrow(/not a zip archive/);
  }, 60_000);
});
