// The intermediate model as a .docx: A4 pages with the style's margins, the handout's cover and table of
// contents in sections of their own, page numbers in the footer, every run with its East Asian font.
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
  type IContext,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { NO_PROGRESS, type ExportProgress } from '../progress';
import { NoteWriter } from './docxNote';
import { SOURCE_STYLE, STYLE_ID, docxStyles, fontTableXml, noteNumbering, runFont, twip, type RunFont } from './docxStyles';
import { textHighlight } from './highlight';
import { LOOKS, NOTES_TITLE_GAP, headingRole, type FontFace, type Look } from './look';
import type { WordBlock, WordModel } from './model';

/** A4 in twips, as Word writes it. */
const A4 = { width: 11906, height: 16838 };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

type RunExtras = Omit<IRunOptions, 'text' | 'font' | 'language' | 'children' | 'break'>;

/** Runs of one face share one font object: thousands of excerpts, a handful of allocations. */
class Runs {
  private readonly fonts = new Map<FontFace, RunFont>();

  font(face: FontFace) {
    let f = this.fonts.get(face);
    if (!f) this.fonts.set(face, (f = runFont(face)));
    return f;
  }

  text(face: FontFace, text: string, extra: RunExtras = {}): TextRun {
    return new TextRun({ text, font: this.font(face), ...extra });
  }

  /** A highlight may span paragraphs: its line ends become line breaks inside the one paragraph. */
  lines(face: FontFace, text: string, extra: RunExtras = {}): TextRun[] {
    if (!text.includes('\n')) return [this.text(face, text, extra)];
    return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: this.font(face), ...extra }));
  }
}

/** An excerpt's paragraph counts itself as Word's XML is written, the slow part of a large export. */
class ExcerptParagraph extends Paragraph {
  constructor(
    options: IParagraphOptions,
    private readonly progress: ExportProgress,
  ) {
    super(options);
  }

  override prepForXml(context: IContext) {
    this.progress.excerpt();
    return super.prepForXml(context);
  }
}

function highlightProps(color: string | null) {
  const h = color ? textHighlight(color) : null;
  if (!h) return {};
  return h.named ? { highlight: h.named as 'yellow' } : { shading: { type: 'clear' as const, color: 'auto', fill: h.fill } };
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

function footers(look: Look, runs: Runs): NonNullable<ISectionOptions['footers']> {
  const r = look.roles.pageNumber;
  const number = () =>
    new TextRun({
      children: look.page.pageNumberDashes ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT],
      font: runs.font(r.font),
      size: r.size * 2,
    });
  const oneChar = twip(r.size);
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent?: { left?: number; right?: number }) =>
    new Footer({ children: [new Paragraph({ style: STYLE_ID.pageNumber, alignment, indent, children: [number()] })] });
  if (!look.page.pageNumberSides) return { default: footer(AlignmentType.CENTER) };
  // Odd pages on the right and even pages on the left, each one character in from the edge of the type area.
  return { default: footer(AlignmentType.RIGHT, { right: oneChar }), even: footer(AlignmentType.LEFT, { left: oneChar }) };
}

function blockParagraphs(block: WordBlock, model: WordModel, look: Look, runs: Runs, notes: NoteWriter, progress: ExportProgress): Paragraph[] {
  const r = look.roles;
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(HEADINGS.length, Math.max(1, block.level));
      return [new Paragraph({ heading: HEADINGS[level - 1], children: [runs.text(r[headingRole(level)].font, block.label + block.text)] })];
    }
    case 'intro':
      return [new Paragraph({ style: STYLE_ID.intro, children: [runs.text(r.intro.font, block.text)] })];
    case 'empty':
      return [new Paragraph({ style: STYLE_ID.empty, children: [runs.text(r.empty.font, block.text)] })];
    case 'questions':
      return [
        new Paragraph({ style: STYLE_ID.questionsLabel, children: [runs.text(r.questionsLabel.font, block.label)] }),
        ...block.items.map((q, i) => new Paragraph({ style: STYLE_ID.question, children: [runs.text(r.question.font, `${i + 1}．${q}`)] })),
      ];
    case 'excerpt': {
      const mark = highlightProps(block.color);
      if (model.kind === 'handout') {
        return [
          new ExcerptParagraph(
            {
              style: STYLE_ID.excerpt,
              children: [...runs.lines(r.excerpt.font, block.text, mark), runs.text(r.intro.font, block.citation, { style: SOURCE_STYLE })],
            },
            progress,
          ),
        ];
      }
      const out: Paragraph[] = [new ExcerptParagraph({ style: STYLE_ID.quote, children: runs.lines(r.quote.font, block.text, mark) }, progress)];
      const cite = block.themes.length ? `${block.citation}　#${block.themes.join(' #')}` : block.citation;
      out.push(new Paragraph({ style: STYLE_ID.citation, children: [runs.text(r.citation.font, '——' + cite)] }));
      out.push(...notes.paragraphs(block.note));
      return out;
    }
  }
}

function coverParagraphs(model: WordModel, look: Look, runs: Runs): Paragraph[] {
  const r = look.roles;
  const lines = [new Paragraph({ style: STYLE_ID.title, spacing: { before: twip(150) }, children: [runs.text(r.title.font, model.title)] })];
  if (model.subtitle) lines.push(new Paragraph({ style: STYLE_ID.subtitle, spacing: { before: twip(60) }, children: [runs.text(r.subtitle.font, model.subtitle)] }));
  lines.push(new Paragraph({ style: STYLE_ID.date, spacing: { before: model.subtitle ? 0 : twip(60) }, children: [runs.text(r.date.font, model.date)] }));
  return lines;
}

export function buildDocx(model: WordModel, progress: ExportProgress = NO_PROGRESS): Document {
  const look = LOOKS[model.style];
  const runs = new Runs();
  const notes = new NoteWriter(look.roles.note);
  progress.expect(model.blocks.filter((b) => b.kind === 'excerpt').length);
  const body = model.blocks.flatMap((b) => blockParagraphs(b, model, look, runs, notes, progress));
  const page = pageProperties(look);
  const numbered = { ...page, page: { ...page.page, pageNumbers: { start: 1 } } };
  const foot = footers(look, runs);

  const sections: ISectionOptions[] = [];
  if (model.kind === 'handout') {
    sections.push({ properties: page, children: coverParagraphs(model, look, runs) });
    if (model.toc) {
      sections.push({
        properties: { ...page, type: SectionType.NEXT_PAGE },
        children: [
          new Paragraph({ style: STYLE_ID.tocTitle, children: [runs.text(look.roles.tocTitle.font, '目　录')] }),
          new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-4' }),
        ],
      });
    }
    sections.push({ properties: { ...numbered, type: SectionType.NEXT_PAGE }, footers: foot, children: body });
  } else {
    const head = [
      new Paragraph({ style: STYLE_ID.title, spacing: { after: twip(NOTES_TITLE_GAP.title) }, children: [runs.text(look.roles.title.font, model.title)] }),
      new Paragraph({ style: STYLE_ID.subtitle, spacing: { after: twip(NOTES_TITLE_GAP.subtitle) }, children: [runs.text(look.roles.subtitle.font, model.subtitle)] }),
    ];
    sections.push({ properties: numbered, footers: foot, children: [...head, ...body] });
  }

  return new Document({
    creator: 'Pizhu 批注',
    title: model.title,
    description: model.kind === 'handout' ? '专题摘编' : '学习笔记',
    styles: docxStyles(look),
    numbering: noteNumbering(look),
    evenAndOddHeaderAndFooters: look.page.pageNumberSides,
    sections,
  });
}

export async function packDocx(model: WordModel, progress: ExportProgress = NO_PROGRESS): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(model, progress), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
