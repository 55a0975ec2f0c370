// The intermediate model as HTML pages for the export dialog's preview and for printing the handout.
// Built from the same model as the .docx, never from it. Everything from the library is escaped and
// notes are rebuilt from their blocks, so no markup from a note or a document reaches the page.
// Every class carries the pz- prefix and every rule is scoped to the root, so the app's own styles and
// the page's never meet.
import type { NoteBlock, NoteInline, NoteList } from '../lexicalTree';
import { textHighlight } from './highlight';
import { LOOKS, NOTES_TITLE_GAP, headingRole, type Look, type Role, type RoleLook } from './look';
import type { WordBlock, WordModel, WordStyle } from './model';

const ROOT = 'pzdoc';

/** How much of the body a first-page preview renders: a page holds about 22 lines of 28 characters at the official size. */
const FIRST_PAGE_BUDGET = 1_400;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function cssFont(r: RoleLook): string {
  return [...r.font.css.map((f) => `"${f}"`), r.font.generic].join(', ');
}

function lineHeight(r: RoleLook): string {
  return 'exact' in r.line ? `${r.line.exact}pt` : String(r.line.multiple * 1.2);
}

function roleCss(scope: string, role: Role, r: RoleLook): string {
  const rules = [
    `font-family: ${cssFont(r)}`,
    `font-size: ${r.size}pt`,
    `line-height: ${lineHeight(r)}`,
    `font-weight: ${r.bold ? 700 : 400}`,
    `text-align: ${r.align ?? 'left'}`,
    `margin: ${r.before ?? 0}pt 0 ${r.after ?? 0}pt ${(r.leftChars ?? 0) * r.size}pt`,
    `text-indent: ${r.firstLineChars ? r.firstLineChars * r.size : -(r.hangingChars ?? 0) * r.size}pt`,
  ];
  if (r.hangingChars) rules.push(`padding-left: ${r.hangingChars * r.size}pt`);
  if (r.color) rules.push(`color: ${r.color}`);
  if (r.leftRule) rules.push('border-left: 2.25pt solid #b8b2a7', 'padding-left: 7pt');
  if (r.keepNext) rules.push('break-after: avoid');
  return `${scope} .pz-${role} { ${rules.join('; ')} }`;
}

/** The page's stylesheet, from the same look table as the .docx styles; scoped to the root and the style. */
export function previewCss(style: WordStyle): string {
  const look = LOOKS[style];
  const scope = `.${ROOT}.pz-${style}`;
  const m = look.page.margin;
  const note = look.roles.note;
  const roles = Object.entries(look.roles) as [Role, RoleLook][];
  return [
    `${scope} { color: #1a1a1a; font-family: ${cssFont(look.body)}; font-size: ${look.body.size}pt; line-height: ${lineHeight(look.body)}; }`,
    `${scope} .pz-page { box-sizing: border-box; width: 210mm; height: 297mm; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; color: #1a1a1a; position: relative; overflow: hidden; }`,
    `${scope} .pz-page.pz-flow { height: auto; min-height: 297mm; overflow: visible; }`,
    // Low specificity (:where), so each role's own margins win.
    `${scope} :where(p, h1, h2, h3, h4, ol, ul) { margin: 0; }`,
    `${scope} .pz-area { height: 100%; overflow: hidden; }`,
    `${scope} .pz-flow .pz-area { height: auto; overflow: visible; }`,
    `${scope} .pz-cover .pz-title { margin-top: 150pt; }`,
    `${scope} .pz-cover .pz-subtitle { margin-top: 60pt; }`,
    `${scope} .pz-cover .pz-subtitle + .pz-date { margin-top: 0; }`,
    `${scope} .pz-cover .pz-date { margin-top: 60pt; }`,
    `${scope}.pz-notes .pz-title { margin-bottom: ${NOTES_TITLE_GAP.title}pt; }`,
    `${scope}.pz-notes .pz-subtitle { margin-bottom: ${NOTES_TITLE_GAP.subtitle}pt; }`,
    `${scope} .pz-page .pz-pno { position: absolute; bottom: ${look.page.footer}mm; left: ${m.left}mm; right: ${m.right}mm; margin: 0; text-indent: 0; text-align: ${look.page.pageNumberSides ? 'right' : 'center'}; padding: 0 ${look.page.pageNumberSides ? look.roles.pageNumber.size : 0}pt; }`,
    `${scope} .pz-src { font-family: ${cssFont(look.roles.intro)}; }`,
    `${scope} .pz-mark { padding: 0.08em 0; }`,
    `${scope} .pz-link { color: #1f5faf; text-decoration: underline; }`,
    `${scope} .pz-list { padding-left: ${1.5 * note.size}pt; margin-left: ${(note.leftChars ?? 0) * note.size}pt; text-indent: 0; }`,
    `${scope} .pz-list .pz-list { margin-left: 0; }`,
    `${scope} .pz-list.pz-check { list-style: none; }`,
    `${scope} .pz-note-quote { padding-left: ${2 * note.size}pt; font-style: italic; }`,
    `${scope} code { font-family: Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 0.92em; }`,
    `${scope} .pz-toc-entry { font-family: ${cssFont(look.body)}; font-size: ${look.body.size}pt; line-height: ${lineHeight(look.body)}; }`,
    ...roles.map(([role, r]) => roleCss(scope, role, r)),
    printCss(look, scope),
  ].join('\n');
}

/** Printing the flowing pages: the style's A4 margins, the page number in the footer, cover and contents unnumbered. */
function printCss(look: Look, scope: string): string {
  const m = look.page.margin;
  const n = look.roles.pageNumber;
  const number = look.page.pageNumberDashes ? '"— " counter(page) " —"' : 'counter(page)';
  const box = `content: ${number}; font-family: ${cssFont(n)}; font-size: ${n.size}pt; vertical-align: top; padding-top: ${m.bottom - look.page.footer - 5}mm`;
  const boxes = look.page.pageNumberSides
    ? `@page :right { @bottom-right { ${box}; padding-right: ${n.size}pt; } } @page :left { @bottom-left { ${box}; padding-left: ${n.size}pt; } }`
    : `@page { @bottom-center { ${box}; } }`;
  return `@media print {
  @page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
  ${boxes}
  @page pzfront { counter-increment: page 0; @bottom-left { content: none; } @bottom-right { content: none; } @bottom-center { content: none; } }
  ${scope}.pz-print .pz-page { width: auto; height: auto; min-height: 0; padding: 0; overflow: visible; box-shadow: none; break-after: page; }
  ${scope}.pz-print .pz-page:last-child { break-after: auto; }
  ${scope}.pz-print .pz-cover, ${scope}.pz-print .pz-toc { page: pzfront; }
  ${scope} :where(h1, h2, h3, h4) { break-after: avoid; }
}`;
}

function inline(xs: readonly NoteInline[]): string {
  return xs
    .map((x) => {
      if (x.kind === 'break') return '<br>';
      // A preview is not a browser: a link shows its address on hover but is not followable from inside the app.
      if (x.kind === 'link') return x.url ? `<span class="pz-link" title="${escapeHtml(x.url)}">${inline(x.children)}</span>` : inline(x.children);
      let t = escapeHtml(x.text);
      if (x.code) t = `<code>${t}</code>`;
      if (x.strike) t = `<s>${t}</s>`;
      if (x.underline) t = `<u>${t}</u>`;
      if (x.italic) t = `<em>${t}</em>`;
      if (x.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');
}

function list(l: NoteList): string {
  const items = l.items.map((i) => `<li>${l.listType === 'check' ? (i.checked ? '☑ ' : '☐ ') : ''}${inline(i.inlines)}${i.nested.map(list).join('')}</li>`).join('');
  const tag = l.listType === 'number' ? 'ol' : 'ul';
  return `<${tag} class="pz-list${l.listType === 'check' ? ' pz-check' : ''}">${items}</${tag}>`;
}

function note(blocks: readonly NoteBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return `<p class="pz-note">${inline(b.inlines)}</p>`;
        case 'heading':
          return `<p class="pz-note"><strong>${inline(b.inlines)}</strong></p>`;
        case 'quote':
          return `<p class="pz-note pz-note-quote">${inline(b.inlines)}</p>`;
        case 'code':
          return `<p class="pz-note"><code>${escapeHtml(b.text).replace(/\n/g, '<br>')}</code></p>`;
        case 'list':
          return `<div class="pz-note">${list(b.list)}</div>`;
      }
    })
    .join('');
}

function lines(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function marked(text: string, color: string | null): string {
  const h = color ? textHighlight(color) : null;
  // The fill is six hex digits from textHighlight, never text from the library.
  return h ? `<span class="pz-mark" style="background: #${h.fill}">${lines(text)}</span>` : lines(text);
}

function block(b: WordBlock, model: WordModel): string {
  switch (b.kind) {
    case 'heading': {
      const role = headingRole(b.level);
      return `<${role} class="pz-${role}">${escapeHtml(b.label + b.text)}</${role}>`;
    }
    case 'intro':
      return `<p class="pz-intro">${escapeHtml(b.text)}</p>`;
    case 'empty':
      return `<p class="pz-empty">${escapeHtml(b.text)}</p>`;
    case 'questions':
      return `<p class="pz-questionsLabel">${escapeHtml(b.label)}</p>${b.items.map((q, i) => `<p class="pz-question">${i + 1}．${escapeHtml(q)}</p>`).join('')}`;
    case 'excerpt': {
      if (model.kind === 'handout') return `<p class="pz-excerpt">${marked(b.text, b.color)}<span class="pz-src">${escapeHtml(b.citation)}</span></p>`;
      const cite = b.themes.length ? `${b.citation}　#${b.themes.join(' #')}` : b.citation;
      return `<p class="pz-quote">${marked(b.text, b.color)}</p><p class="pz-citation">——${escapeHtml(cite)}</p>${note(b.note)}`;
    }
  }
}

/** Rough length of a block on the page, in characters, to stop rendering once the first page is full. */
function weight(b: WordBlock): number {
  switch (b.kind) {
    case 'excerpt':
      return b.text.length + b.citation.length + b.note.length * 40 + 30;
    case 'questions':
      return b.items.reduce((n, q) => n + q.length + 28, 28);
    default:
      return b.text.length + 56;
  }
}

function tocEntries(model: WordModel): string {
  return model.blocks
    .flatMap((b) => (b.kind === 'heading' ? [`<p class="pz-toc-entry" style="padding-left: ${b.level - 1}em">${escapeHtml(b.label + b.text)}</p>`] : []))
    .join('');
}

export interface HtmlOptions {
  /** Every page in the flow (for printing) rather than the first page of each part. */
  all: boolean;
}

/** The pages as HTML with their stylesheet: a <style> element scoped to the root, then the pages. */
export function modelToHtml(model: WordModel, { all }: HtmlOptions): string {
  const look = LOOKS[model.style];
  let blocks = model.blocks;
  if (!all) {
    let used = model.kind === 'notes' ? 150 : 0;
    const cut = blocks.findIndex((b) => (used += weight(b)) > FIRST_PAGE_BUDGET);
    if (cut >= 0) blocks = blocks.slice(0, cut + 1);
  }
  const body = blocks.map((b) => block(b, model)).join('');
  const pageNumber = `<p class="pz-pno pz-pageNumber">${look.page.pageNumberDashes ? '— 1 —' : '1'}</p>`;
  const page = (kind: string, content: string, numbered: boolean) =>
    `<section class="pz-page pz-${kind}${all ? ' pz-flow' : ''}"><div class="pz-area">${content}</div>${numbered && !all ? pageNumber : ''}</section>`;
  const pages: string[] = [];
  if (model.kind === 'handout') {
    const unit = model.subtitle ? `<p class="pz-subtitle">${escapeHtml(model.subtitle)}</p>` : '';
    pages.push(page('cover', `<p class="pz-title">${escapeHtml(model.title)}</p>${unit}<p class="pz-date">${escapeHtml(model.date)}</p>`, false));
    if (model.toc) pages.push(page('toc', `<p class="pz-tocTitle">目　录</p>${tocEntries(model)}`, false));
    pages.push(page('body', body, true));
  } else {
    pages.push(page('body', `<p class="pz-title">${escapeHtml(model.title)}</p><p class="pz-subtitle">${escapeHtml(model.subtitle)}</p>${body}`, true));
  }
  return `<style>${previewCss(model.style)}</style><div class="${ROOT} pz-${model.style} pz-${model.kind}${all ? ' pz-print' : ''}">${pages.join('')}</div>`;
}
