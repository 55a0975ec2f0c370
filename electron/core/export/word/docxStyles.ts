// The look table as Word styles: paragraph styles per role, the heading styles (so the table of contents
// finds them) and the font table with fallbacks.
import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { FONTS, HEADING_ROLES, LATIN_FONT, type FontFace, type Look, type Role, type RoleLook } from './look';
import { xmlAttr } from './wml';

/** Paragraph style id of each role that is not a heading (headings use Word's own Heading1–4). */
export const STYLE_ID: Record<Exclude<Role, (typeof HEADING_ROLES)[number]>, string> = {
  title: 'PzTitle',
  subtitle: 'PzSubtitle',
  date: 'PzDate',
  tocTitle: 'PzTocTitle',
  intro: 'PzIntro',
  excerpt: 'PzExcerpt',
  quote: 'PzQuote',
  citation: 'PzCitation',
  note: 'PzNote',
  questionsLabel: 'PzQuestionsLabel',
  question: 'PzQuestion',
  empty: 'PzEmpty',
  pageNumber: 'PzPageNumber',
};

/** The character style of the handout's source in parentheses after an excerpt. */
export const SOURCE_STYLE = 'PzSource';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export const twip = (pt: number): number => Math.round(pt * 20);

/**
 * The fonts every run names: Latin letters in Times New Roman, Chinese in the style's face, and the
 * eastAsia hint so that shared punctuation (quotes, dashes) takes the Chinese face too. The language
 * (zh-CN) comes from the styles, which every paragraph has.
 */
export function runFont(face: FontFace): RunFont {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: face.name, hint: 'eastAsia' };
}

export interface RunFont {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  hint: 'eastAsia';
}

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

function runProps(r: RoleLook) {
  return {
    font: { ...runFont(r.font), cs: LATIN_FONT },
    size: r.size * 2,
    sizeComplexScript: r.size * 2,
    bold: r.bold ?? false,
    color: r.color?.slice(1),
    language: LANGUAGE,
  };
}

function paragraphProps(r: RoleLook) {
  const chars = (n: number | undefined) => (n ? twip(n * r.size) : undefined);
  const line = 'exact' in r.line ? { line: twip(r.line.exact), lineRule: LineRuleType.EXACT } : { line: Math.round(240 * r.line.multiple), lineRule: LineRuleType.AUTO };
  return {
    alignment: r.align ? ALIGN[r.align] : AlignmentType.LEFT,
    spacing: { before: twip(r.before ?? 0), after: twip(r.after ?? 0), ...line },
    // Every style states its indents, so none inherits the body's first-line indent.
    indent: r.hangingChars
      ? { left: chars(r.leftChars) ?? 0, hanging: chars(r.hangingChars) }
      : { left: chars(r.leftChars) ?? 0, firstLine: chars(r.firstLineChars) ?? 0, firstLineChars: (r.firstLineChars ?? 0) * 100 },
    border: r.leftRule ? { left: { style: BorderStyle.SINGLE, size: 18, color: 'B8B2A7', space: 10 } } : undefined,
    keepNext: r.keepNext,
  };
}

export function docxStyles(look: Look): IStylesOptions {
  const paragraphStyles: IParagraphStyleOptions[] = Object.entries(STYLE_ID).map(([role, id]) => {
    const r = look.roles[role as keyof typeof STYLE_ID];
    return { id, name: id, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: runProps(r), paragraph: paragraphProps(r) };
  });
  // Word's table of contents entries, in the body's face.
  for (let level = 1; level <= HEADING_ROLES.length; level++) {
    const body = look.body;
    paragraphStyles.push({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...runProps(body), size: body.size * 2 },
      paragraph: { ...paragraphProps({ ...body, firstLineChars: undefined, align: 'left' }), indent: { left: twip((level - 1) * body.size) } },
    });
  }
  const heading = (role: (typeof HEADING_ROLES)[number]) => {
    const r = look.roles[role];
    return { run: { ...runProps(r), color: r.color?.slice(1) ?? '000000', italics: false }, paragraph: { ...paragraphProps(r), keepNext: true, keepLines: true } };
  };
  const source = look.roles.intro;
  return {
    default: {
      document: { run: runProps(look.body), paragraph: { ...paragraphProps(look.body), indent: undefined } },
      heading1: heading('h1'),
      heading2: heading('h2'),
      heading3: heading('h3'),
      heading4: heading('h4'),
    },
    paragraphStyles,
    characterStyles: [{ id: SOURCE_STYLE, name: 'Pz Source', basedOn: 'DefaultParagraphFont', run: { font: { ...runFont(source.font), cs: LATIN_FONT }, color: source.color?.slice(1), language: LANGUAGE } }],
  };
}

// PANOSE and charset let Word pick a look-alike (宋体 for a missing 小标宋) when even the altName is missing.
const FONT_TABLE_ENTRIES: { face: FontFace; panose: string; family: string; pitch: string }[] = [
  { face: FONTS.xiaobiaosong, panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  { face: FONTS.hei, panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { face: FONTS.kai, panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { face: FONTS.fang, panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { face: FONTS.song, panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { face: FONTS.kaiPlain, panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
];

/** word/fontTable.xml naming every font the styles use, each with its fallback. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE_ENTRIES.map(
    ({ face, panose, family, pitch }) =>
      `<w:font w:name="${xmlAttr(face.name)}"><w:altName w:val="${xmlAttr(face.alt)}"/><w:panose1 w:val="${panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  );
  fonts.push(
    `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
