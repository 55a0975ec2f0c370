// WordprocessingML paragraphs and runs written straight to XML text, so that a large export streams
// paragraph by paragraph instead of building the `docx` library's object tree for the whole body.
// Child elements follow the schema's order (CT_PPr, CT_RPr): Word refuses a file that breaks it.
import type { RunFont } from './docxStyles';

// Characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE/FFFF, lone surrogates).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}

export interface RunProps {
  font: RunFont;
  /** A character style id. */
  style?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  /** RRGGBB */
  color?: string;
  /** One of Word's named highlight colours. */
  highlight?: string;
  /** RRGGBB painted behind the text when the colour is not a named highlight. */
  shading?: string;
}

function runProps(p: RunProps): string {
  const f = p.font;
  return (
    '<w:rPr>' +
    (p.style ? `<w:rStyle w:val="${p.style}"/>` : '') +
    `<w:rFonts w:ascii="${xmlAttr(f.ascii)}" w:eastAsia="${xmlAttr(f.eastAsia)}" w:hAnsi="${xmlAttr(f.hAnsi)}" w:hint="${f.hint}"/>` +
    (p.bold ? '<w:b/><w:bCs/>' : '') +
    (p.italic ? '<w:i/><w:iCs/>' : '') +
    (p.strike ? '<w:strike/>' : '') +
    (p.color ? `<w:color w:val="${p.color}"/>` : '') +
    (p.highlight ? `<w:highlight w:val="${p.highlight}"/>` : '') +
    (p.underline ? '<w:u w:val="single"/>' : '') +
    (p.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${p.shading}"/>` : '') +
    '</w:rPr>'
  );
}

/** One run; with `breakBefore`, a line break opens it (a line of a multi-line quote). */
export function run(text: string, props: RunProps, breakBefore = false): string {
  return `<w:r>${runProps(props)}${breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** Line ends in the text become line breaks inside the one paragraph. */
export function lines(text: string, props: RunProps): string {
  return text
    .split('\n')
    .map((line, i) => run(line, props, i > 0))
    .join('');
}

/** A line break of its own (a note's soft break). */
export function lineBreak(props: RunProps): string {
  return `<w:r>${runProps(props)}<w:br/></w:r>`;
}

export interface ParagraphProps {
  style: string;
  keepNext?: boolean;
  numbering?: { numId: number; level: number };
  /** Twips. */
  indent?: { left: number; hanging?: number };
}

export function paragraph(p: ParagraphProps, content: string): string {
  const indent = p.indent ? `<w:ind w:left="${p.indent.left}"${p.indent.hanging ? ` w:hanging="${p.indent.hanging}"` : ''}/>` : '';
  const numbering = p.numbering ? `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>` : '';
  return `<w:p><w:pPr><w:pStyle w:val="${p.style}"/>${p.keepNext ? '<w:keepNext/>' : ''}${numbering}${indent}</w:pPr>${content}</w:p>`;
}

/** An external link: its relationship id is the caller's, from the part's relationships. */
export function hyperlink(relId: string, content: string): string {
  return `<w:hyperlink w:history="1" r:id="${relId}">${content}</w:hyperlink>`;
}
