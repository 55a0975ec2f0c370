// Reads a REFI-QDA project.qde (from Pizhu or another QDA program) into plain records; nothing here
// touches the library. Unknown elements are ignored; what Pizhu cannot take is counted for warnings.
import { XMLParser } from 'fast-xml-parser';
import { PizhuError } from '../../../../shared/errors';
import { normalizeGuid } from './guids';

export interface QdeUser {
  guid: string;
  name: string;
}

export interface QdeCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  noteRefs: string[];
  children: QdeCode[];
}

export interface QdeSelection {
  guid: string | null;
  start: number;
  end: number;
  description: string;
  codeRefs: string[];
  noteRefs: string[];
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
}

export interface QdeTextSource {
  guid: string | null;
  name: string;
  plainTextPath: string | null;
  plainTextContent: string | null;
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
  selections: QdeSelection[];
  noteRefs: string[];
  /** Variable GUID → value as written. */
  variables: Map<string, string>;
  /** Codings of the whole source (Pizhu codes passages only). */
  sourceCodings: number;
}

export interface QdeNote {
  guid: string;
  name: string;
  plainTextPath: string | null;
  plainTextContent: string | null;
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
}

export interface QdeProject {
  name: string;
  users: QdeUser[];
  codes: QdeCode[];
  variables: { guid: string; name: string }[];
  sources: QdeTextSource[];
  /** Picture, PDF, audio and video sources, which Pizhu cannot hold. */
  otherSources: number;
  notes: QdeNote[];
  sets: { guid: string | null; name: string; memberSources: string[] }[];
  projectNoteRefs: string[];
}

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'User', 'Code', 'Variable', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection',
  'Coding', 'NoteRef', 'VariableValue', 'Note', 'Set', 'MemberSource', 'MemberCode', 'MemberNote',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Notes and descriptions keep their whitespace; numbers stay strings until read as such.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#13;) as well as the five XML entities.
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

const list = (n: unknown, key: string): Node[] => ((n as Node | undefined)?.[key] as Node[] | undefined) ?? [];
const child = (n: unknown, key: string): Node | undefined => {
  const v = (n as Node | undefined)?.[key];
  return v && typeof v === 'object' ? (v as Node) : undefined;
};
const attr = (n: Node, key: string): string | null => (typeof n[`@${key}`] === 'string' ? (n[`@${key}`] as string) : null);
/** A GUID attribute in Pizhu's form (lower case, no braces), or undefined when absent or malformed. */
const guidAt = (n: Node, key: string) => normalizeGuid(attr(n, key) ?? undefined);

/** The text of a text-only element (a string once parsed, or an object with #text when it has attributes). */
function text(n: unknown, key: string): string | null {
  const v = (n as Node | undefined)?.[key];
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string') return (v as Node)['#text'] as string;
  return '';
}

const refs = (n: Node, key: string): string[] =>
  list(n, key)
    .map((r) => guidAt(r, 'targetGUID'))
    .filter((g): g is string => Boolean(g));

function code(n: Node): QdeCode | null {
  const guid = guidAt(n, 'guid');
  if (!guid) return null;
  return {
    guid,
    name: attr(n, 'name') ?? '',
    color: attr(n, 'color'),
    description: text(n, 'Description') ?? '',
    noteRefs: refs(n, 'NoteRef'),
    children: list(n, 'Code').map(code).filter((c): c is QdeCode => Boolean(c)),
  };
}

function integer(value: string | null): number {
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
}

function selection(n: Node): QdeSelection {
  return {
    guid: guidAt(n, 'guid'),
    start: integer(attr(n, 'startPosition')),
    end: integer(attr(n, 'endPosition')),
    description: text(n, 'Description') ?? '',
    codeRefs: list(n, 'Coding')
      .map((c) => guidAt(child(c, 'CodeRef') ?? {}, 'targetGUID'))
      .filter((g): g is string => Boolean(g)),
    noteRefs: refs(n, 'NoteRef'),
    creatingUser: guidAt(n, 'creatingUser'),
    created: attr(n, 'creationDateTime'),
    modified: attr(n, 'modifiedDateTime'),
  };
}

function variableValues(n: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of list(n, 'VariableValue')) {
    const guid = guidAt(child(v, 'VariableRef') ?? {}, 'targetGUID');
    const value = ['TextValue', 'DateValue', 'DateTimeValue', 'IntegerValue', 'FloatValue', 'BooleanValue'].map((k) => text(v, k)).find((x) => x !== null);
    if (guid && value !== undefined && value !== null) out.set(guid, value);
  }
  return out;
}

function textSource(n: Node): QdeTextSource {
  return {
    guid: guidAt(n, 'guid'),
    name: attr(n, 'name') ?? '',
    plainTextPath: attr(n, 'plainTextPath'),
    plainTextContent: text(n, 'PlainTextContent'),
    creatingUser: guidAt(n, 'creatingUser'),
    created: attr(n, 'creationDateTime'),
    modified: attr(n, 'modifiedDateTime'),
    selections: list(n, 'PlainTextSelection').map(selection),
    noteRefs: refs(n, 'NoteRef'),
    variables: variableValues(n),
    sourceCodings: list(n, 'Coding').length,
  };
}

function note(n: Node): QdeNote | null {
  const guid = guidAt(n, 'guid');
  if (!guid) return null;
  return {
    guid,
    name: attr(n, 'name') ?? '',
    plainTextPath: attr(n, 'plainTextPath'),
    plainTextContent: text(n, 'PlainTextContent'),
    creatingUser: guidAt(n, 'creatingUser'),
    created: attr(n, 'creationDateTime'),
    modified: attr(n, 'modifiedDateTime'),
  };
}

export function readProject(xml: string): QdeProject {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new PizhuError('invalid_input', `project.qde is not well-formed XML (${(e as Error).message}): nothing was imported.`);
  }
  const project = child(doc, 'Project');
  if (!project) throw new PizhuError('invalid_input', 'project.qde has no REFI-QDA <Project> element: nothing was imported.');
  const sources = child(project, 'Sources') ?? {};
  return {
    name: attr(project, 'name') ?? '',
    users: list(child(project, 'Users'), 'User')
      .map((u) => ({ guid: guidAt(u, 'guid'), name: attr(u, 'name') ?? '' }))
      .filter((u): u is QdeUser => Boolean(u.guid)),
    codes: list(child(child(project, 'CodeBook'), 'Codes'), 'Code')
      .map(code)
      .filter((c): c is QdeCode => Boolean(c)),
    variables: list(child(project, 'Variables'), 'Variable')
      .map((v) => ({ guid: guidAt(v, 'guid'), name: attr(v, 'name') ?? '' }))
      .filter((v): v is { guid: string; name: string } => Boolean(v.guid)),
    sources: list(sources, 'TextSource').map(textSource),
    otherSources: ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'].reduce((n, k) => n + list(sources, k).length, 0),
    notes: list(child(project, 'Notes'), 'Note')
      .map(note)
      .filter((x): x is QdeNote => Boolean(x)),
    sets: list(child(project, 'Sets'), 'Set').map((s) => ({
      guid: guidAt(s, 'guid'),
      name: attr(s, 'name') ?? '',
      memberSources: refs(s, 'MemberSource'),
    })),
    projectNoteRefs: refs(project, 'NoteRef'),
  };
}
