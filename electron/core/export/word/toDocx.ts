// The intermediate model as a .docx, streamed. The `docx` library writes a small shell: styles, font
// table, cover, sections, page-number footers, and the headings with the table of contents it fills
// in from them. Between the headings stand marker paragraphs; in a streaming zip, each marker is
// replaced by its excerpts, citations, notes and questions, written paragraph by paragraph, so a large
// export never holds its body as objects or as one string. The links and list instances the body
// uses are written after it, into the relationships and the numbering.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TableOfContents,
  TextRun,
  convertMillimetersToTwip,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import { ZipFile } from 'yazl';
import { NO_PROGRESS, type ExportProgress } from '../progress';
import { BodyWriter } from './docxBody';
import { LinkRelations } from './docxLinks';
import { NoteNumbering } from './docxNumbering';
import { STYLE_ID, docxStyles, fontTableXml, runFont, twip } from './docxStyles';
import { LOOKS, NOTES_TITLE_GAP, headingRole, type FontFace, type Look } from './look';
import type { WordBlock, WordModel } from './model';

/** A4 in twips, as Word writes it. */
const A4 = { width: 11906, height: 16838 };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

type Heading = Extract<WordBlock, { kind: 'heading' }>;
export type StreamedBlock = Exclude<WordBlock, Heading>;

/** The body as the shell holds it: headings, and between them the runs of blocks that stream. */
type Piece = { heading: Heading } | { run: StreamedBlock[] };

function pieces(blocks: readonly WordBlock[]): Piece[] {
  const out: Piece[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push({ heading: b });
    else {
      const last = out.at(-1);
      if (last && 'run' in last) last.run.push(b);
      else out.push({ run: [b] });
    }
  }
  return out;
}

/** The body is handed to the zip in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

const PARTS = { document: 'word/document.xml', rels: 'word/_rels/document.xml.rels', numbering: 'word/numbering.xml', types: '[Content_Types].xml' };

function text(face: FontFace, s: string) {
  return new TextRun({ text: s, font: runFont(face) });
}

function pageProperties(look: Look) {
  const m = look.page.margin;
  return {
    page: {
      size: { width: A4.width, height: A4.height },
      margin: {
        top: convertMillimetersToTwip(m.top),
        bottom: convertMillimetersToTwip(m.bottom),
        left: convertMillimetersToTwip(m.left),
        right: convertMillimetersToTwip(m.right),
        header: convertMillimetersToTwip(15),
        footer: convertMillimetersToTwip(look.page.footer),
      },
    },
  };
}

function footers(look: Look): NonNullable<ISectionOptions['footers']> {
  const r = look.roles.pageNumber;
  const number = () =>
    new TextRun({
      children: look.page.pageNumberDashes ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT],
      font: runFont(r.font),
      size: r.size * 2,
    });
  const oneChar = twip(r.size);
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent?: { left?: number; right?: number }) =>
    new Footer({ children: [new Paragraph({ style: STYLE_ID.pageNumber, alignment, indent, children: [number()] })] });
  if (!look.page.pageNumberSides) return { default: footer(AlignmentType.CENTER) };
  // Odd pages on the right and even pages on the left, each one character in from the edge of the type area.
  return { default: footer(AlignmentType.RIGHT, { right: oneChar }), even: footer(AlignmentType.LEFT, { left: oneChar }) };
}

function coverParagraphs(model: WordModel, look: Look): Paragraph[] {
  const r = look.roles;
  const lines = [new Paragraph({ style: STYLE_ID.title, spacing: { before: twip(150) }, children: [text(r.title.font, model.title)] })];
  if (model.subtitle) lines.push(new Paragraph({ style: STYLE_ID.subtitle, spacing: { before: twip(60) }, children: [text(r.subtitle.font, model.subtitle)] }));
  lines.push(new Paragraph({ style: STYLE_ID.date, spacing: { before: model.subtitle ? 0 : twip(60) }, children: [text(r.date.font, model.date)] }));
  return lines;
}

/** Everything but what streams: the last section holds the headings, and a marker paragraph for each run of other blocks. */
function docxShell(model: WordModel, body: Piece[], marker: (run: number) => string): Document {
  const look = LOOKS[model.style];
  let runs = 0;
  const bodyParagraphs = body.map((piece) => {
    if ('run' in piece) return new Paragraph({ children: [new TextRun(marker(runs++))] });
    const level = Math.min(HEADINGS.length, Math.max(1, piece.heading.level));
    return new Paragraph({ heading: HEADINGS[level - 1], children: [text(look.roles[headingRole(level)].font, piece.heading.label + piece.heading.text)] });
  });
  const page = pageProperties(look);
  const numbered = { ...page, page: { ...page.page, pageNumbers: { start: 1 } } };
  const foot = footers(look);

  const sections: ISectionOptions[] = [];
  if (model.kind === 'handout') {
    sections.push({ properties: page, children: coverParagraphs(model, look) });
    if (model.toc) {
      sections.push({
        properties: { ...page, type: SectionType.NEXT_PAGE },
        children: [
          new Paragraph({ style: STYLE_ID.tocTitle, children: [text(look.roles.tocTitle.font, '目　录')] }),
          new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-4' }),
        ],
      });
    }
    sections.push({ properties: { ...numbered, type: SectionType.NEXT_PAGE }, footers: foot, children: bodyParagraphs });
  } else {
    const head = [
      new Paragraph({ style: STYLE_ID.title, spacing: { after: twip(NOTES_TITLE_GAP.title) }, children: [text(look.roles.title.font, model.title)] }),
      new Paragraph({ style: STYLE_ID.subtitle, spacing: { after: twip(NOTES_TITLE_GAP.subtitle) }, children: [text(look.roles.subtitle.font, model.subtitle)] }),
    ];
    sections.push({ properties: numbered, footers: foot, children: [...head, ...bodyParagraphs] });
  }

  return new Document({
    creator: 'Pizhu 批注',
    title: model.title,
    description: model.kind === 'handout' ? '专题摘编' : '学习笔记',
    styles: docxStyles(look),
    evenAndOddHeaderAndFooters: look.page.pageNumberSides,
    sections,
  });
}

/** The shell's document.xml cut at its marker paragraphs: one more piece of XML than there are runs. */
function splitAtMarkers(documentXml: string, count: number, marker: (run: number) => string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const at = documentXml.indexOf(marker(i), from);
    const start = documentXml.lastIndexOf('<w:p>', at);
    const end = documentXml.indexOf('</w:p>', at);
    if (at < 0 || start < from || end < 0) throw new Error(`The Word shell lost body marker ${i}`);
    out.push(documentXml.slice(from, start));
    from = end + '</w:p>'.length;
  }
  out.push(documentXml.slice(from));
  return out;
}

function* documentChunks(shellXml: string[], runs: StreamedBlock[][], body: BodyWriter): Generator<Buffer> {
  let pending = '';
  for (let i = 0; i < shellXml.length; i++) {
    pending += shellXml[i];
    for (const block of runs[i] ?? []) {
      pending += body.block(block);
      if (pending.length >= CHUNK_CHARS) {
        yield Buffer.from(pending);
        pending = '';
      }
    }
  }
  yield Buffer.from(pending);
}

/** Lazily: the zip asks for an entry's content only when the entries before it are written. */
function later(zip: ZipFile, name: string, content: () => Iterable<Buffer>) {
  zip.addReadStreamLazy(name, (cb) => cb(null, Readable.from(content())));
}

export async function packDocx(model: WordModel, progress: ExportProgress = NO_PROGRESS): Promise<Buffer> {
  const look = LOOKS[model.style];
  const body = pieces(model.blocks);
  const runs = body.flatMap((p) => ('run' in p ? [p.run] : []));
  // A fresh nonce: no title or text in the shell can spell a marker.
  const nonce = randomUUID();
  const marker = (run: number) => `PIZHU-BODY-${nonce}-${run}`;
  const shellDocx = await Packer.toBuffer(docxShell(model, body, marker), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const shell = await JSZip.loadAsync(shellDocx);
  const part = (name: string) => {
    const file = shell.file(name);
    if (!file) throw new Error(`The Word shell has no ${name}`);
    return file.async('nodebuffer');
  };
  const shellXml = splitAtMarkers((await part(PARTS.document)).toString('utf8'), runs.length, marker);
  const rels = (await part(PARTS.rels)).toString('utf8');

  const links = new LinkRelations();
  const numbering = new NoteNumbering();
  const writer = new BodyWriter(model, look, links, numbering, progress);
  // Blocks, not distinct excerpts: an excerpt under two themes is written twice.
  progress.expect(model.blocks.filter((b) => b.kind === 'excerpt').length);

  const zip = new ZipFile();
  const mtime = new Date();
  // The content types first, as Word writes them; then the shell's small parts as they are.
  zip.addBuffer(await part(PARTS.types), PARTS.types, { mtime });
  for (const name of Object.keys(shell.files)) {
    if (shell.files[name].dir || Object.values(PARTS).includes(name)) continue;
    zip.addBuffer(await part(name), name, { mtime });
  }
  later(zip, PARTS.document, () => documentChunks(shellXml, runs, writer));
  // Written after the body, which numbered the lists and links they hold.
  later(zip, PARTS.numbering, () => [Buffer.from(numbering.xml(look))]);
  later(zip, PARTS.rels, () => [Buffer.from(links.addTo(rels))]);
  zip.end();

  const out: Buffer[] = [];
  for await (const chunk of zip.outputStream) out.push(chunk as Buffer);
  return Buffer.concat(out);
}
