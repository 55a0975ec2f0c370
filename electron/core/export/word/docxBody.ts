// The body of a Word export but its headings, block by block, as WordprocessingML text: what streams
// into word/document.xml between the headings the `docx` library writes (see toDocx.ts).
import type { ExportProgress } from '../progress';
import type { LinkRelations } from './docxLinks';
import { NoteWriter } from './docxNote';
import type { NoteNumbering } from './docxNumbering';
import { SOURCE_STYLE, STYLE_ID, runFont, type RunFont } from './docxStyles';
import { textHighlight } from './highlight';
import type { FontFace, Look } from './look';
import type { WordModel } from './model';
import type { StreamedBlock } from './toDocx';
import { lines, paragraph, run, type RunProps } from './wml';

/** Runs of one face share one font object. */
class Fonts {
  private readonly fonts = new Map<FontFace, RunFont>();

  of(face: FontFace): RunFont {
    let f = this.fonts.get(face);
    if (!f) this.fonts.set(face, (f = runFont(face)));
    return f;
  }
}

function themeMark(color: string | null): Pick<RunProps, 'highlight' | 'shading'> {
  const h = color ? textHighlight(color) : null;
  if (!h) return {};
  return h.named ? { highlight: h.named } : { shading: h.fill };
}

export class BodyWriter {
  private readonly fonts = new Fonts();
  private readonly notes: NoteWriter;

  constructor(
    private readonly model: WordModel,
    private readonly look: Look,
    links: LinkRelations,
    numbering: NoteNumbering,
    private readonly progress: ExportProgress,
  ) {
    this.notes = new NoteWriter(look.roles.note, links, numbering);
  }

  /** One block's paragraphs. */
  block(block: StreamedBlock): string {
    const r = this.look.roles;
    const text = (face: FontFace, s: string, extra: Omit<RunProps, 'font'> = {}) => run(s, { font: this.fonts.of(face), ...extra });
    switch (block.kind) {
      case 'intro':
        return paragraph({ style: STYLE_ID.intro }, text(r.intro.font, block.text));
      case 'empty':
        return paragraph({ style: STYLE_ID.empty }, text(r.empty.font, block.text));
      case 'questions':
        return (
          paragraph({ style: STYLE_ID.questionsLabel }, text(r.questionsLabel.font, block.label)) +
          block.items.map((q, i) => paragraph({ style: STYLE_ID.question }, text(r.question.font, `${i + 1}．${q}`))).join('')
        );
      case 'excerpt': {
        this.progress.excerpt();
        const mark = themeMark(block.color);
        if (this.model.kind === 'handout') {
          const quote = lines(block.text, { font: this.fonts.of(r.excerpt.font), ...mark });
          return paragraph({ style: STYLE_ID.excerpt }, quote + text(r.intro.font, block.citation, { style: SOURCE_STYLE }));
        }
        const cite = block.themes.length ? `${block.citation}　#${block.themes.join(' #')}` : block.citation;
        return (
          paragraph({ style: STYLE_ID.quote }, lines(block.text, { font: this.fonts.of(r.quote.font), ...mark })) +
          paragraph({ style: STYLE_ID.citation }, text(r.citation.font, '——' + cite)) +
          this.notes.paragraphs(block.note)
        );
      }
    }
  }
}
