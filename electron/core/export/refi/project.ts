// Builds project.qde (REFI-QDA Project, QDA-XML 1.0) and the plain-text sources beside it from a
// library: users, the codebook, documents as TextSources (text in sources/<guid>.txt) with their
// metadata as variables, highlights as PlainTextSelections whose Codings point to themes, notes as
// Descriptions, memos as Notes, collections as Sets. Positions count Unicode code points.
import type { Annotation, Collection, DocumentRecord, Memo, Theme } from '../../../../shared/domain';
import { codePointIndex } from '../codePoints';
import { codeElements, hasMemo, themeMemoGuid } from './codes';
import { derivedGuid } from './guids';
import { countUnwritable, el, serializeXml, type XmlElement } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Document metadata as REFI variables; fixed GUIDs let Pizhu recognise its own on import. */
export const METADATA_VARIABLES = [
  { key: 'source', guid: 'b7f3c1a0-5d2e-4e8b-9c61-0a1f2e3d4c51', name: '来源 Source', type: 'Text' },
  { key: 'publishedAt', guid: 'b7f3c1a0-5d2e-4e8b-9c61-0a1f2e3d4c52', name: '日期 Date', type: 'Date' },
  { key: 'url', guid: 'b7f3c1a0-5d2e-4e8b-9c61-0a1f2e3d4c53', name: '网址 URL', type: 'Text' },
  { key: 'byline', guid: 'b7f3c1a0-5d2e-4e8b-9c61-0a1f2e3d4c54', name: '作者 Author', type: 'Text' },
  { key: 'editor', guid: 'b7f3c1a0-5d2e-4e8b-9c61-0a1f2e3d4c55', name: '编辑 Editor', type: 'Text' },
] as const;

export type MetadataKey = (typeof METADATA_VARIABLES)[number]['key'];

export interface ProjectInput {
  name: string;
  origin: string;
  exportedAt: string;
  userId: string;
  users: Map<string, string>;
  themes: Theme[];
  documents: DocumentRecord[];
  annotations: Annotation[];
  collections: Collection[];
  projectMemo: Memo | null;
  documentMemos: Map<string, Memo>;
}

export interface ProjectOutput {
  xml: string;
  /** sources/<file> → UTF-8 text. */
  sources: Map<string, string>;
  warnings: string[];
}

export const sourceFileName = (documentId: string) => `${documentId}.txt`;
export const codingGuid = (annotationId: string, themeId: string) => derivedGuid('coding', annotationId, themeId);

function note(guid: string, name: string, text: string, author: string, created: string, modified: string): XmlElement {
  return el(
    'Note',
    { guid, name, creatingUser: author, creationDateTime: created, modifyingUser: author, modifiedDateTime: modified },
    el('PlainTextContent', {}, text),
  );
}

/** The quote, shortened for the programs that list selections by name. */
function selectionName(exact: string): string {
  const chars = Array.from(exact.replace(/\s+/g, ' '));
  return chars.length > 60 ? chars.slice(0, 60).join('') + '…' : chars.join('');
}

function selection(a: Annotation, toCodePoint: (n: number) => number, themeIds: Set<string>): XmlElement {
  return el(
    'PlainTextSelection',
    {
      guid: a.id,
      name: selectionName(a.exact),
      startPosition: toCodePoint(a.start),
      endPosition: toCodePoint(a.end),
      creatingUser: a.author,
      creationDateTime: a.createdAt,
      modifyingUser: a.author,
      modifiedDateTime: a.modifiedAt,
    },
    a.noteText ? el('Description', {}, a.noteText) : null,
    a.themeIds
      .filter((id) => themeIds.has(id))
      .map((id) =>
        el('Coding', { guid: codingGuid(a.id, id), creatingUser: a.author, creationDateTime: a.createdAt }, el('CodeRef', { targetGUID: id })),
      ),
  );
}

function variableValue(guid: string, type: string, value: string): XmlElement {
  return el('VariableValue', {}, el('VariableRef', { targetGUID: guid }), el(type === 'Date' ? 'DateValue' : 'TextValue', {}, value));
}

function textSource(doc: DocumentRecord, annotations: readonly Annotation[], themeIds: Set<string>, memo: Memo | undefined): XmlElement {
  const cp = codePointIndex(doc.text);
  return el(
    'TextSource',
    {
      guid: doc.id,
      name: doc.title,
      plainTextPath: `internal://${sourceFileName(doc.id)}`,
      creatingUser: doc.author,
      creationDateTime: doc.createdAt,
      modifyingUser: doc.author,
      modifiedDateTime: doc.modifiedAt,
    },
    annotations.map((a) => selection(a, cp.toCodePoint, themeIds)),
    memo ? el('NoteRef', { targetGUID: memo.id }) : null,
    METADATA_VARIABLES.filter((v) => doc[v.key]).map((v) => variableValue(v.guid, v.type, doc[v.key]!)),
  );
}

export function buildProject(p: ProjectInput): ProjectOutput {
  const warnings: string[] = [];
  const themeIds = new Set(p.themes.map((t) => t.id));
  const byDocument = new Map<string, Annotation[]>();
  for (const a of p.annotations) byDocument.set(a.documentId, [...(byDocument.get(a.documentId) ?? []), a]);

  const referenced = new Set([p.userId, ...p.themes.map((t) => t.author), ...p.documents.map((d) => d.author), ...p.annotations.map((a) => a.author)]);
  for (const m of [p.projectMemo, ...p.documentMemos.values()]) if (m) referenced.add(m.author);
  const users = [...referenced].map((id) => el('User', { guid: id, name: p.users.get(id) ?? id }));

  const notes: XmlElement[] = [];
  for (const t of p.themes.filter(hasMemo))
    notes.push(note(themeMemoGuid(t.id), `${t.name} 备忘 memo`, t.memoText, t.author, t.createdAt, t.modifiedAt));
  for (const doc of p.documents) {
    const m = p.documentMemos.get(doc.id);
    if (m) notes.push(note(m.id, `${doc.title} 备忘 memo`, m.noteText, m.author, m.createdAt, m.modifiedAt));
  }
  const pm = p.projectMemo;
  if (pm) notes.push(note(pm.id, '项目备忘 Project memo', pm.noteText, pm.author, pm.createdAt, pm.modifiedAt));

  // A collection becomes a set of the exported documents in it, in their order.
  const sets = p.collections
    .map((c) => ({ c, members: p.documents.filter((d) => d.collectionId === c.id).sort((a, b) => a.collectionOrder - b.collectionOrder) }))
    .filter(({ members }) => members.length > 0)
    .map(({ c, members }) => el('Set', { guid: c.id, name: c.name }, members.map((d) => el('MemberSource', { targetGUID: d.id }))));

  const codes = codeElements(p.themes, { memoRefs: true });
  const root = el(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: p.name,
      origin: p.origin,
      creatingUserGUID: p.userId,
      creationDateTime: p.exportedAt,
      modifyingUserGUID: p.userId,
      modifiedDateTime: p.exportedAt,
    },
    el('Users', {}, users),
    codes.length ? el('CodeBook', {}, el('Codes', {}, codes)) : null,
    p.documents.length
      ? el('Variables', {}, METADATA_VARIABLES.map((v) => el('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type })))
      : null,
    p.documents.length ? el('Sources', {}, p.documents.map((d) => textSource(d, byDocument.get(d.id) ?? [], themeIds, p.documentMemos.get(d.id)))) : null,
    notes.length ? el('Notes', {}, notes) : null,
    sets.length ? el('Sets', {}, sets) : null,
    pm ? el('NoteRef', { targetGUID: pm.id }) : null,
  );

  const sources = new Map<string, string>();
  for (const d of p.documents) {
    sources.set(sourceFileName(d.id), d.text);
    const bad = countUnwritable(d.title) + (byDocument.get(d.id) ?? []).reduce((n, a) => n + countUnwritable(a.noteText), 0);
    if (bad) warnings.push(`《${d.title}》: ${bad} control characters cannot be written to XML and were left out of the project file.`);
  }
  return { xml: serializeXml(root), sources, warnings };
}
