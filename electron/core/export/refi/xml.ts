// A small XML writer for the REFI-QDA files: elements, attributes and text, escaped for XML 1.0,
// indented except inside text-only elements (whose whitespace is content).

export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | boolean | null | undefined>;
  children: XmlChild[];
}

export type XmlChild = XmlElement | string;

/** Children that are null/false are left out, so optional parts read inline. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlChild | XmlChild[] | null | undefined | false)[]): XmlElement {
  return { name, attrs, children: children.flat().filter((c): c is XmlChild => c !== null && c !== undefined && c !== false) };
}

// Characters XML 1.0 cannot hold at all: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The characters of `text` that XML cannot carry (they are dropped on writing). */
export function countUnwritable(text: string): number {
  return text.match(FORBIDDEN)?.length ?? 0;
}

function escapeText(text: string): string {
  // A literal CR would be read back as LF; &#13; keeps it.
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(value: string): string {
  // Parsers turn literal tab/LF/CR in attributes into spaces; character references survive.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function write(node: XmlElement, indent: string, out: string[]): void {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  if (!node.children.length) {
    out.push(`${indent}<${node.name}${attrs}/>`);
    return;
  }
  if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${node.name}${attrs}>${(node.children as string[]).map(escapeText).join('')}</${node.name}>`);
    return;
  }
  out.push(`${indent}<${node.name}${attrs}>`);
  for (const c of node.children) {
    if (typeof c === 'string') out.push(indent + '  ' + escapeText(c));
    else write(c, indent + '  ', out);
  }
  out.push(`${indent}</${node.name}>`);
}

export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, '', out);
  return out.join('\n') + '\n';
}
