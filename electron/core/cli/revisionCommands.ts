// The command line's text versions (issue 8): revise a document from a file, list its versions.
// main.ts parses the options and dispatches here.
import { readFileSync, statSync } from 'node:fs';
import type { CleaningRuleId, DocumentVersion, ReanchorEntry, RevisionReport } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { CLEANING_RULE_IDS, MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { listVersions, reviseDocument, reviseFromFile } from '../services/revisions';
import type { ServiceContext } from '../services/context';

export interface RevisionOptions {
  from?: string;
  raw?: boolean;
  encoding?: string;
  disable?: string[];
}

export const REVISION_COMMANDS = ['revise', 'versions'] as const;

export const REVISION_HELP = `  revise ID --from FILE [--raw] [--encoding E] [--disable RULE]
                                        save FILE as the document's new version (read and cleaned like
                                        an import; --raw: its UTF-8 text exactly, e.g. after show --text)
                                        and report each highlight: kept, adjusted (old → new offsets) or
                                        orphaned (kept with its note, listed until re-attached)
  versions ID                           the versions of a document's text, newest first
`;

type Emit = (data: unknown, text: () => string) => void;

function fail(message: string): never {
  throw new PizhuError('invalid_input', message);
}

const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

function formatEntry(e: ReanchorEntry): string {
  const old = `[${e.oldStart}, ${e.oldEnd})`;
  if (e.outcome === 'orphaned') return `orphaned  ${old}  「${flat(e.oldExact)}」`;
  const moved = e.newStart === e.oldStart && e.newEnd === e.oldEnd ? old : `${old} → [${e.newStart}, ${e.newEnd})`;
  const text = e.newExact === e.oldExact ? `「${flat(e.newExact)}」` : `「${flat(e.oldExact)}」 → 「${flat(e.newExact)}」`;
  return `${e.outcome.padEnd(9)} ${moved}  ${text}${e.method && e.method !== 'position' ? `  (${e.method})` : ''}`;
}

function formatReport(r: RevisionReport): string {
  const head = `version ${r.version.number} (${r.version.reason}, ${r.version.length} chars): ${r.kept} kept, ${r.adjusted} adjusted, ${r.orphaned} orphaned`;
  return [head, ...r.entries.map(formatEntry)].join('\n');
}

function formatVersion(v: DocumentVersion): string {
  return `${String(v.number).padStart(3)}  ${v.createdAt}  ${v.reason.padEnd(14)} ${String(v.length).padStart(7)} chars  ${v.authorName}${v.current ? '  (current)' : ''}`;
}

export async function revisionCommand(ctx: ServiceContext, command: string, args: string[], o: RevisionOptions, emit: Emit): Promise<number> {
  const id = args[0] ?? fail(`${command} needs a document id`);
  if (command === 'versions') {
    const list = listVersions(ctx, id);
    emit(list, () => list.map(formatVersion).join('\n'));
    return 0;
  }
  const file = o.from ?? fail('revise needs --from FILE');
  if (statSync(file).size > MAX_IMPORT_BYTES) fail(`The file is larger than ${MAX_IMPORT_BYTES >> 20} MB.`);
  const bytes = readFileSync(file);
  let report: RevisionReport;
  if (o.raw) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      fail('--raw needs a UTF-8 text file');
    }
    report = reviseDocument(ctx, { id, text });
  } else {
    const disabledRules = (o.disable ?? []) as CleaningRuleId[];
    const unknown = disabledRules.filter((r) => !(CLEANING_RULE_IDS as readonly string[]).includes(r));
    if (unknown.length) fail(`unknown rule ${unknown.join(', ')}; rules: ${CLEANING_RULE_IDS.join(', ')}`);
    report = await reviseFromFile(ctx, id, bytes, file, { encoding: o.encoding, disabledRules, split: true });
  }
  emit(report, () => formatReport(report));
  return 0;
}
