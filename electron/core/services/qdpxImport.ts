// A REFI-QDA project (.qdpx) into the library: text sources become documents, codes themes (nested,
// with colour and description), selections highlights (code points → UTF-16) with their codings,
// descriptions and notes become notes and memos, sets of sources collections. Everything is read and
// checked first, then written in one transaction, so a bad file changes nothing.
import type { CleaningRuleId, Script } from '../../../shared/domain';
import { detectScript } from '../../../shared/chinese';
import { PizhuError } from '../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { makeAnchor } from '../../../shared/offsets';
import { writeTransaction } from '../db/connection';
import { EXTENSIONS_FILE, extensionsSchema, type PizhuExtensions } from '../export/refi/extensions';
import { sha256 } from '../export/refi/load';
import { METADATA_VARIABLES, type MetadataKey } from '../export/refi/project';
import { readProject, type QdeCode, type QdeNote, type QdeProject, type QdeTextSource } from '../export/refi/readProject';
import { decodeUtf8, sourceText } from '../export/refi/sourceText';
import { checkDeclaredSize, openZip } from '../import/formats/zip';
import * as annotations from '../repos/annotations';
import { insertCollection } from '../repos/collections';
import { getDocumentSummary, insertDocument } from '../repos/documents';
import { getMemo, insertMemo } from '../repos/memos';
import { insertRemovedSpan } from '../repos/removedSpans';
import { idInUse, setStamps } from '../repos/stamps';
import * as themes from '../repos/themes';
import { findUserByName, insertUser } from '../repos/users';
import { noteJsonFromPlainText } from './annotations';
import type { ServiceContext } from './context';

const WHAT = 'The REFI-QDA project';
const DEFAULT_COLOR = '#f4c542';

export interface QdpxImportResult {
  documents: number;
  themes: number;
  annotations: number;
  warnings: string[];
}

/** What the file holds, read before anything is written. */
interface Loaded {
  project: QdeProject;
  /** Each text source's file, as read. */
  sourceTexts: Map<QdeTextSource, { raw: string; bytes: Uint8Array; file: string }>;
  noteTexts: Map<string, string>;
  extensions: PizhuExtensions | null;
  warnings: string[];
}

// Other programs name metadata variables in their own words; Pizhu's own carry fixed GUIDs.
const VARIABLE_ALIASES: Record<MetadataKey, string[]> = {
  source: ['source', '来源', '來源', '出处', '出處'],
  publishedAt: ['date', '日期', 'published', '发布日期', '發佈日期'],
  url: ['url', '网址', '網址', 'link', '链接'],
  byline: ['author', '作者', 'byline'],
  editor: ['editor', '编辑', '編輯'],
};

async function load(bytes: Uint8Array): Promise<Loaded> {
  const warnings: string[] = [];
  const zip = await openZip(bytes, WHAT);
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const byName = new Map(entries.map((f) => [f.name.toLowerCase(), f]));
  const projectEntry = byName.get('project.qde') ?? entries.find((f) => /\.qde$/i.test(f.name));
  if (!projectEntry) throw new PizhuError('invalid_input', `${WHAT} has no project.qde: it is not a .qdpx file. Nothing was imported.`);

  const read = async (file: (typeof entries)[number]) => {
    await checkDeclaredSize(file, WHAT);
    return file.async('uint8array');
  };
  const project = readProject(decodeUtf8(await read(projectEntry)));

  // internal://name lives in sources/ (some programs write the folder with a capital S).
  const internal = (path: string | null) => {
    const name = path && /^internal:\/\/(.+)$/i.exec(path.trim())?.[1];
    return name ? byName.get(`sources/${name}`.toLowerCase()) : undefined;
  };

  const sourceTexts: Loaded['sourceTexts'] = new Map();
  for (const s of project.sources) {
    if (s.plainTextContent !== null && !s.plainTextPath) {
      sourceTexts.set(s, { raw: s.plainTextContent, bytes: new TextEncoder().encode(s.plainTextContent), file: `${s.name || 'source'}.txt` });
      continue;
    }
    const file = internal(s.plainTextPath);
    if (!file) continue;
    const fileBytes = await read(file);
    sourceTexts.set(s, { raw: decodeUtf8(fileBytes), bytes: fileBytes, file: file.name.replace(/^.*\//, '') });
  }

  const noteTexts = new Map<string, string>();
  for (const n of project.notes) {
    const file = n.plainTextContent === null ? internal(n.plainTextPath) : undefined;
    const text = n.plainTextContent ?? (file ? decodeUtf8(await read(file)) : null);
    if (text !== null) noteTexts.set(n.guid, text.replace(/\r\n?/g, '\n'));
  }

  let extensions: PizhuExtensions | null = null;
  const extFile = byName.get(EXTENSIONS_FILE);
  if (extFile) {
    try {
      extensions = extensionsSchema.parse(JSON.parse(decodeUtf8(await read(extFile))));
    } catch {
      warnings.push(`${EXTENSIONS_FILE} could not be read; rich-text notes and headings were imported as plain text.`);
    }
  }
  return { project, sourceTexts, noteTexts, extensions, warnings };
}

function isoTime(value: string | null, fallback: string): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

function color(value: string | null): string {
  const v = value?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : DEFAULT_COLOR;
}

class Importer {
  readonly warnings: string[];
  readonly now: string;
  private readonly users = new Map<string, string>();
  private readonly themeIds = new Map<string, string>();
  private readonly createdThemeNames = new Set<string>();
  private readonly usedNotes = new Set<string>();
  private readonly counts = { documents: 0, themes: 0, annotations: 0, mergedThemes: 0, skippedSelections: 0, unknownCodes: 0 };
  private readonly alreadyThere: string[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly l: Loaded,
  ) {
    this.warnings = [...l.warnings];
    this.now = ctx.now();
  }

  private get db() {
    return this.ctx.db;
  }

  private freshId(table: Parameters<typeof idInUse>[1], guid: string | null): string {
    return guid && !idInUse(this.db, table, guid) ? guid : this.ctx.newId();
  }

  private userOf(guid: string | null | undefined): string {
    return (guid && this.users.get(guid)) || this.ctx.userId;
  }

  private noteText(refs: readonly string[]): string {
    const texts = refs.map((r) => {
      this.usedNotes.add(r);
      return this.l.noteTexts.get(r) ?? '';
    });
    return texts.filter((t) => t.trim()).join('\n\n');
  }

  /** The note as Pizhu exported it while its text is unchanged, else the text as plain paragraphs. */
  private noteJson(text: string, rich: { noteText: string; noteJson: string | null } | undefined): string | null {
    return rich && rich.noteText === text ? rich.noteJson : noteJsonFromPlainText(text);
  }

  run(): QdpxImportResult {
    const p = this.l.project;
    for (const u of p.users) {
      const name = u.name.trim() || `用户 ${u.guid.slice(0, 8)}`;
      const existing = findUserByName(this.db, name);
      if (existing) this.users.set(u.guid, existing);
      else {
        const id = this.freshId('users', u.guid);
        insertUser(this.db, id, name, this.now);
        this.users.set(u.guid, id);
      }
    }
    const sortBase = themes.nextSortOrder(this.db);
    let order = 0;
    const addCodes = (codes: readonly QdeCode[], parentId: string | null, parentName: string | null) => {
      for (const c of codes) {
        const id = this.addTheme(c, parentId, parentName, sortBase, order++);
        addCodes(c.children, id, c.name);
      }
    };
    addCodes(p.codes, null, null);
    const collections = this.addCollections();
    for (const s of p.sources) this.addSource(s, collections.get(s.guid ?? ''));
    this.addProjectMemo();
    this.summarise();
    return { documents: this.counts.documents, themes: this.counts.themes, annotations: this.counts.annotations, warnings: this.warnings };
  }

  private addTheme(c: QdeCode, parentId: string | null, parentName: string | null, sortBase: number, order: number): string {
    const base = c.name.trim().slice(0, 180) || '未命名 Untitled';
    let name = base;
    const existing = themes.findThemeByName(this.db, name);
    if (existing && !this.createdThemeNames.has(name)) {
      // The library already has this theme (or this very one, on a second import): code into it.
      if (existing.id !== c.guid) this.counts.mergedThemes++;
      this.themeIds.set(c.guid, existing.id);
      return existing.id;
    }
    // Theme names are unique in Pizhu; another program may repeat one under different parents.
    for (let n = 2; themes.findThemeByName(this.db, name); n++) name = parentName && n === 2 ? `${base}（${parentName.trim().slice(0, 18)}）` : `${base} ${n}`;
    const ext = this.l.extensions?.themes[c.guid];
    const id = this.freshId('themes', c.guid);
    themes.insertTheme(this.db, {
      id,
      parentId,
      name,
      color: color(c.color),
      description: c.description,
      // Pizhu's own order when the project came from Pizhu, else the codebook's order in the file.
      sortOrder: sortBase + (ext?.sortOrder ?? order),
      author: this.userOf(ext?.author),
      now: this.now,
    });
    this.createdThemeNames.add(name);
    this.themeIds.set(c.guid, id);
    const memo = this.noteText(c.noteRefs);
    if (memo) themes.setMemo(this.db, id, this.noteJson(memo, ext && { noteText: ext.memoText, noteJson: ext.memoJson }), memo, this.now);
    if (ext?.questions) themes.setQuestions(this.db, id, ext.questions, this.now);
    if (ext?.pinned && !themes.themeInSlot(this.db, ext.pinned)) themes.setPinned(this.db, id, ext.pinned, this.now);
    if (ext) setStamps(this.db, 'themes', id, { createdAt: ext.createdAt, modifiedAt: ext.modifiedAt });
    this.counts.themes++;
    return id;
  }

  /** Sets of sources become collections, in member order; a source belongs to the first set holding it. */
  private addCollections(): Map<string, { id: string; order: number }> {
    const out = new Map<string, { id: string; order: number }>();
    // Only documents this import adds: a collection never gets a document the library already had.
    const sourceGuids = new Set(
      this.l.project.sources.filter((s) => this.l.sourceTexts.has(s) && !(s.guid && getDocumentSummary(this.db, s.guid))).map((s) => s.guid),
    );
    for (const set of this.l.project.sets) {
      const elsewhere = set.memberSources.filter((g) => out.has(g)).length;
      if (elsewhere) this.warnings.push(`Set “${set.name}”: ${elsewhere} documents already in another set stay there.`);
      const members = set.memberSources.filter((g) => sourceGuids.has(g) && !out.has(g));
      if (!members.length) continue;
      const id = this.freshId('collections', set.guid);
      insertCollection(this.db, { id, name: set.name.trim() || '未命名 Untitled', author: this.ctx.userId, now: this.now });
      members.forEach((g, order) => out.set(g, { id, order }));
    }
    return out;
  }

  private metadata(s: QdeTextSource): Record<MetadataKey, string | null> {
    const byName = new Map(this.l.project.variables.map((v) => [v.guid, v.name.toLowerCase().split(/\s+/)]));
    const out = { source: null, publishedAt: null, url: null, byline: null, editor: null } as Record<MetadataKey, string | null>;
    for (const v of METADATA_VARIABLES) {
      let value = s.variables.get(v.guid);
      if (value === undefined) {
        const match = [...s.variables].find(([guid]) => byName.get(guid)?.some((word) => VARIABLE_ALIASES[v.key].includes(word)));
        value = match?.[1];
      }
      const trimmed = value?.trim().slice(0, 500);
      if (trimmed) out[v.key] = trimmed;
    }
    const date = out.publishedAt;
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      out.publishedAt = /^\d{4}-\d{2}-\d{2}T/.test(date) ? date.slice(0, 10) : null;
      if (!out.publishedAt) this.warnings.push(`《${s.name}》: the date “${date}” is not a calendar date (YYYY-MM-DD) and was left out.`);
    }
    return out;
  }

  private addSource(s: QdeTextSource, collection: { id: string; order: number } | undefined): void {
    const title = s.name.trim().slice(0, 200) || '未命名 Untitled';
    const file = this.l.sourceTexts.get(s);
    if (!file) {
      this.warnings.push(`《${title}》: its text (${s.plainTextPath ?? 'no path'}) is not in the project file; skipped with its highlights.`);
      return;
    }
    if (s.guid && getDocumentSummary(this.db, s.guid)) {
      this.alreadyThere.push(title);
      return;
    }
    const src = sourceText(file.raw);
    if (!src.text.trim()) {
      this.warnings.push(`《${title}》 has no text; skipped.`);
      return;
    }
    const id = this.freshId('documents', s.guid);
    const ext = s.guid ? this.l.extensions?.documents[s.guid] : undefined;
    const same = ext && ext.textSha256 === sha256(src.text) ? ext : undefined;
    insertDocument(this.db, {
      id,
      title,
      ...this.metadata(s),
      text: src.text,
      script: (same?.script ?? detectScript(src.text)) as Script,
      marks: same?.marks ?? [],
      report: null,
      collectionId: collection?.id ?? null,
      collectionOrder: collection?.order ?? 0,
      original: Buffer.from(file.bytes),
      originalName: file.file,
      contentHash: sha256(src.text),
      author: this.userOf(s.creatingUser),
      now: this.now,
    });
    for (const r of same?.removed ?? [])
      insertRemovedSpan(this.db, { ...r, id: this.ctx.newId(), documentId: id, rule: r.rule as CleaningRuleId, author: this.userOf(s.creatingUser), now: this.now });
    const created = isoTime(s.created, this.now);
    setStamps(this.db, 'documents', id, { createdAt: created, modifiedAt: isoTime(s.modified, created) });
    if (s.sourceCodings) this.warnings.push(`《${title}》: ${s.sourceCodings} codings of the whole document were left out (Pizhu codes passages).`);
    for (const sel of s.selections) this.addSelection(sel, id, src);
    this.addDocumentMemo(s, id);
    this.counts.documents++;
  }

  private addSelection(sel: QdeTextSource['selections'][number], documentId: string, src: ReturnType<typeof sourceText>): void {
    if (!(sel.start >= 0 && sel.end > sel.start && sel.end <= src.codePoints)) {
      this.counts.skippedSelections++;
      return;
    }
    const anchor = makeAnchor(src.text, src.toOffset(sel.start), src.toOffset(sel.end));
    if (!anchor.exact.trim()) {
      this.counts.skippedSelections++;
      return;
    }
    const id = this.freshId('annotations', sel.guid);
    const author = this.userOf(sel.creatingUser);
    annotations.insertAnnotation(this.db, { ...anchor, id, documentId, author, now: this.now });
    for (const ref of sel.codeRefs) {
      const themeId = this.themeIds.get(ref);
      if (themeId) annotations.linkTheme(this.db, id, themeId, this.now);
      else this.counts.unknownCodes++;
    }
    const note = [sel.description.replace(/\r\n?/g, '\n'), this.noteText(sel.noteRefs)].filter((t) => t.trim()).join('\n\n');
    if (note) annotations.updateNote(this.db, id, this.noteJson(note, sel.guid ? this.l.extensions?.annotations[sel.guid] : undefined), note, this.now);
    const created = isoTime(sel.created, this.now);
    setStamps(this.db, 'annotations', id, { createdAt: created, modifiedAt: isoTime(sel.modified, created) });
    this.counts.annotations++;
  }

  private memoFrom(refs: readonly string[]): { text: string; note: QdeNote | undefined } | null {
    const text = this.noteText(refs);
    return text ? { text, note: this.l.project.notes.find((n) => n.guid === refs[0]) } : null;
  }

  private insertMemo(documentId: string | null, memo: { text: string; note: QdeNote | undefined }): void {
    const id = this.freshId('memos', memo.note?.guid ?? null);
    const rich = memo.note ? this.l.extensions?.memos[memo.note.guid] : undefined;
    const author = this.userOf(memo.note?.creatingUser);
    insertMemo(this.db, { id, documentId, noteJson: this.noteJson(memo.text, rich), noteText: memo.text, author, now: this.now });
    const created = isoTime(memo.note?.created ?? null, this.now);
    setStamps(this.db, 'memos', id, { createdAt: created, modifiedAt: isoTime(memo.note?.modified ?? null, created) });
  }

  private addDocumentMemo(s: QdeTextSource, documentId: string): void {
    const memo = this.memoFrom(s.noteRefs);
    if (memo) this.insertMemo(documentId, memo);
  }

  private addProjectMemo(): void {
    const memo = this.memoFrom(this.l.project.projectNoteRefs);
    if (!memo) return;
    if (getMemo(this.db, null)) this.warnings.push('The library already has a project memo; the project’s memo was not imported.');
    else this.insertMemo(null, memo);
  }

  private summarise(): void {
    const c = this.counts;
    const p = this.l.project;
    const there = this.alreadyThere;
    if (there.length)
      this.warnings.push(
        `${there.length} documents are already in the library and were not imported again (《${there.slice(0, 3).join('》《')}》${there.length > 3 ? '…' : ''}).`,
      );
    if (c.mergedThemes) this.warnings.push(`${c.mergedThemes} codes have the name of a theme already in the library and were merged into it.`);
    if (c.skippedSelections) this.warnings.push(`${c.skippedSelections} selections lie outside their document's text or hold only spaces; skipped.`);
    if (c.unknownCodes) this.warnings.push(`${c.unknownCodes} codings point to codes the project does not define; left out.`);
    if (p.otherSources) this.warnings.push(`${p.otherSources} picture, PDF, audio or video sources were left out (Pizhu holds text).`);
    const loose = p.notes.filter((n) => !this.usedNotes.has(n.guid)).length;
    if (loose) this.warnings.push(`${loose} notes are not attached to a code, document, selection or the project; left out.`);
  }
}

export async function importQdpx(ctx: ServiceContext, bytes: Uint8Array): Promise<QdpxImportResult> {
  if (bytes.length === 0) throw new PizhuError('invalid_input', 'The file is empty: nothing was imported.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new PizhuError('invalid_input', `The file is larger than ${MAX_IMPORT_BYTES >> 20} MB: nothing was imported.`);
  const loaded = await load(bytes);
  return writeTransaction(ctx.db, () => new Importer(ctx, loaded).run());
}

