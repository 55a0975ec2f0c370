// Command-line front end over the same services as the app. Data to stdout, errors to stderr.
import { parseArgs } from 'node:util';
import type { Annotation, DocumentSummary, SearchResult, Theme } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validate';
import { openLibrary, type Library } from '../library';
import { bundledSeedsDir } from '../paths';
import { listAnnotations } from '../repos/annotations';
import { listDocuments } from '../repos/documents';
import { listThemes } from '../repos/themes';
import { createAnnotation } from '../services/annotations';
import { getDocumentOrThrow } from '../services/documents';
import { importPaths } from '../services/imports';
import { CLEANING_RULE_IDS } from '../../../shared/importLimits';
import type { CleaningRuleId, ImportFileResult } from '../../../shared/domain';
import { EXCHANGE_HELP, exportCommand, importQdpxCommand } from './exchangeCommands';
import { createTheme, themeByNameOrThrow } from '../services/themes';
import { CODEBOOK_COMMANDS, CODEBOOK_HELP, codebookCommand, THEME_SUBCOMMANDS, themesCommand } from './codebookCommands';
import { defaultLibraryDir } from './libraryDir';
import { REVISION_COMMANDS, REVISION_HELP, revisionCommand } from './revisionCommands';
import { BACKUP_COMMANDS, BACKUP_HELP, backupCommand, recoveryAdvice } from './backupCommands';

export const HELP = `pizhu — read, highlight, tag and export Chinese texts (the Pizhu library from the command line)

Usage: pizhu [--library DIR] [--no-seeds] [--json] <command> [options]

Commands:
  import FILES... [--encoding E] [--disable RULE] [--no-split]
                                        import .txt .md .html .docx .pdf files; reports each file's
                                        encoding, rules applied, characters removed and flags
                                        (rules: ${CLEANING_RULE_IDS.join(', ')})
  list                                  documents with their ids
  show ID [--text]                      a document's metadata, or its canonical text exactly as offsets count it
  themes list                           themes with highlight counts
  themes add NAME [--color #RRGGBB] [--parent NAME] [--description TEXT]
  annotate ID --theme NAME (--start N --end N | --quote TEXT) [--note TEXT]
                                        highlight a passage (--theme may repeat)
  annotations [--doc ID] [--theme NAME] list highlights
${EXCHANGE_HELP}  search QUERY... [--exact-script] [--scope text|highlights|notes] [--sort relevance|date]
         [--doc ID] [--theme NAME] [--limit N]
                                        every occurrence across the library, in context, with the
                                        exact total; 新质 also finds 新質 unless --exact-script.
                                        Words must all occur; "a phrase", AND, OR, NOT, ( ) and
                                        word* work; Latin words match whole words, any case
  reindex                               rebuild the search index from the documents
${REVISION_HELP}${BACKUP_HELP}${CODEBOOK_HELP}
Options:
  --library DIR   library folder (default: ${defaultLibraryDir()}); created and seeded with the bundled texts on first use
  --no-seeds      do not import the bundled texts into a new library
  --json          machine-readable output
  -h, --help      this help
`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

function fail(message: string): never {
  throw new PizhuError('invalid_input', message);
}

function int(value: string | undefined, name: string): number {
  if (value === undefined || !/^\d+$/.test(value)) fail(`${name} needs a non-negative whole number`);
  return Number(value);
}

function formatDoc(d: DocumentSummary): string {
  return `${d.id}  ${d.title}  [${[d.source, d.publishedAt].filter(Boolean).join(', ') || '—'}]  ${d.length} chars, ${d.annotationCount} highlights`;
}

function formatImport(r: ImportFileResult): string {
  if (r.status === 'failed') return `failed    ${r.file}  ${r.error}`;
  const docs = r.documents.map((d) => `    → ${d.id}  ${d.title}`).join('\n');
  const rules = r.rules.filter((x) => x.chars > 0 || x.rule === 'mojibake').map((x) => `${x.rule} ${x.rule === 'mojibake' ? x.count + ' paragraphs' : x.chars}`);
  const detail = [r.format, r.encoding && `${r.encoding} ${r.confidence?.toFixed(2)}`, r.charsRemoved ? `${r.charsRemoved} chars removed (${rules.join(', ')})` : null]
    .filter(Boolean)
    .join(', ');
  return `${r.status.padEnd(9)} ${r.file}${detail ? '  [' + detail + ']' : ''}${r.warnings.length ? '  (' + r.warnings.join(' ') + ')' : ''}\n${docs}`;
}

function formatTheme(t: Theme, byId: Map<string, Theme>): string {
  const parent = t.parentId ? ` (in ${byId.get(t.parentId)?.name ?? '?'})` : '';
  return `${t.color}  ${t.name}${parent}  ${t.annotationCount} highlights${t.description ? ' — ' + t.description : ''}`;
}

function formatAnnotation(a: Annotation, themes: Map<string, Theme>): string {
  const names = a.themeIds.map((id) => themes.get(id)?.name ?? id).join(', ');
  return `${a.id}  ${a.documentId}  [${a.start}, ${a.end})  「${a.exact}」  ${names || '—'}${a.noteText ? '  ✎ ' + a.noteText.replace(/\n/g, ' ') : ''}`;
}

function formatSearch(r: SearchResult): string {
  const lines = [`${r.total} occurrences in ${r.documentCount} documents`];
  for (const g of r.groups) {
    if (!g.hits.length) continue;
    lines.push('', `${g.title}  [${[g.source, g.publishedAt].filter(Boolean).join(', ') || '—'}]  ${g.count}  ${g.documentId}`);
    for (const h of g.hits) lines.push(`  ${String(h.start).padStart(7)}  ${h.before.replace(/\s/g, ' ')}【${h.match}】${h.after.replace(/\s/g, ' ')}`);
  }
  const shown = r.groups.reduce((n, g) => n + g.hits.length, 0);
  if (shown < r.total) lines.push('', `(${shown} of ${r.total} lines shown; --limit N for more)`);
  return lines.join('\n');
}

/** `themes move X --top` has no value while `words --top N` has one: a bare --top becomes --top=. */
function bareTopFlag(argv: string[]): string[] {
  return argv.map((a, i) => (a === '--top' && (i + 1 === argv.length || argv[i + 1].startsWith('-')) ? '--top=' : a));
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: bareTopFlag(argv),
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        'no-seeds': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        text: { type: 'boolean' },
        color: { type: 'string' },
        parent: { type: 'string' },
        description: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        quote: { type: 'string' },
        theme: { type: 'string', multiple: true },
        note: { type: 'string' },
        doc: { type: 'string' },
        format: { type: 'string' },
        by: { type: 'string' },
        out: { type: 'string' },
        encoding: { type: 'string' },
        disable: { type: 'string', multiple: true },
        'no-split': { type: 'boolean' },
        split: { type: 'boolean' },
        'exact-script': { type: 'boolean' },
        scope: { type: 'string' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        top: { type: 'string' },
        index: { type: 'string' },
        highlights: { type: 'string' },
        all: { type: 'boolean' },
        any: { type: 'boolean' },
        overlap: { type: 'boolean' },
        'no-subthemes': { type: 'boolean' },
        style: { type: 'string' },
        title: { type: 'string' },
        unit: { type: 'string' },
        date: { type: 'string' },
        colors: { type: 'boolean' },
        'no-questions': { type: 'boolean' },
        'no-toc': { type: 'boolean' },
        from: { type: 'string' },
        raw: { type: 'boolean' },
      },
    });
  } catch (err) {
    io.err(`pizhu: ${(err as Error).message}\nRun pizhu --help for usage.`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (o.help || !command || command === 'help') {
    io.out(HELP);
    return command || o.help ? 0 : 2;
  }

  let lib: Library | undefined;
  const libraryDir = o.library ?? defaultLibraryDir();
  try {
    const emit = (data: unknown, text: () => string) => io.out(o.json ? JSON.stringify(data, null, 2) : text());
    // These work on the file without opening the library, so they also serve when it cannot be opened.
    if ((BACKUP_COMMANDS as readonly string[]).includes(command)) return await backupCommand(libraryDir, command as (typeof BACKUP_COMMANDS)[number], rest, o, emit);
    lib = openLibrary({ libraryDir, seedsDir: o['no-seeds'] ? null : bundledSeedsDir, search: 'inline' });
    const ctx = lib.ctx;
    const themeMap = () => new Map(listThemes(ctx.db).map((t) => [t.id, t]));

    switch (command) {
      case 'import': {
        if (!rest.length) fail('import needs at least one file');
        const disabledRules = (o.disable ?? []) as CleaningRuleId[];
        const unknown = disabledRules.filter((r) => !(CLEANING_RULE_IDS as readonly string[]).includes(r));
        if (unknown.length) fail(`unknown rule ${unknown.join(', ')}; rules: ${CLEANING_RULE_IDS.join(', ')}`);
        const results = await importPaths(ctx, rest, { encoding: o.encoding, disabledRules, split: !o['no-split'] }, (done, total, r) => {
          if (!o.json && total > 1) io.err(`[${done}/${total}] ${r.status} ${r.file}`);
        });
        emit(results, () => results.map(formatImport).join('\n'));
        return results.some((r) => r.status === 'failed') ? 1 : 0;
      }
      case 'list': {
        const docs = listDocuments(ctx.db);
        emit(docs, () => docs.map(formatDoc).join('\n') || '(no documents)');
        return 0;
      }
      case 'show': {
        const doc = getDocumentOrThrow(ctx, rest[0] ?? fail('show needs a document id'));
        if (o.text) {
          if (o.json) io.out(JSON.stringify({ id: doc.id, text: doc.text }));
          else process.stdout.write(doc.text);
          return 0;
        }
        const { text: _text, ...meta } = doc;
        emit(meta, () => formatDoc(doc));
        return 0;
      }
      case 'themes': {
        const sub = rest[0] ?? 'list';
        if (sub === 'list') {
          const themes = listThemes(ctx.db);
          const byId = new Map(themes.map((t) => [t.id, t]));
          emit(themes, () => themes.map((t) => formatTheme(t, byId)).join('\n') || '(no themes)');
          return 0;
        }
        if (sub === 'add') {
          const name = rest[1] ?? fail('themes add needs a NAME');
          const parentId = o.parent ? themeByNameOrThrow(ctx, o.parent).id : null;
          if (o.color && !/^#[0-9a-fA-F]{6}$/.test(o.color)) fail('--color must look like #RRGGBB');
          const theme = createTheme(ctx, { name, color: o.color, parentId, description: o.description });
          emit(theme, () => `created ${theme.id}  ${theme.name}`);
          return 0;
        }
        if ((THEME_SUBCOMMANDS as readonly string[]).includes(sub)) return await themesCommand(lib, sub, rest.slice(1), o, emit);
        return fail(`unknown themes command: ${sub}`);
      }
      case 'annotate': {
        const doc = getDocumentOrThrow(ctx, rest[0] ?? fail('annotate needs a document id'));
        const themeIds = (o.theme ?? []).map((n) => themeByNameOrThrow(ctx, n).id);
        let start: number;
        let end: number;
        if (o.quote !== undefined) {
          start = doc.text.indexOf(o.quote);
          if (!o.quote || start < 0) throw new PizhuError('not_found', `The quote does not occur in ${doc.id}`);
          end = start + o.quote.length;
        } else {
          start = int(o.start, '--start');
          end = int(o.end, '--end');
        }
        if (end <= start) fail('--end must be greater than --start');
        const a = createAnnotation(ctx, { documentId: doc.id, start, end, themeIds, noteText: o.note });
        emit(a, () => `created ${formatAnnotation(a, themeMap())}`);
        return 0;
      }
      case 'annotations': {
        const themeId = o.theme?.[0] ? themeByNameOrThrow(ctx, o.theme[0]).id : undefined;
        const list = listAnnotations(ctx.db, { documentId: o.doc, themeId });
        const themes = themeMap();
        emit(list, () => list.map((a) => formatAnnotation(a, themes)).join('\n') || '(no highlights)');
        return 0;
      }
      case 'export':
        return await exportCommand(ctx, o, emit, io);
      case 'import-qdpx':
        return await importQdpxCommand(ctx, rest[0], emit, io, !!o.json);
      case 'search': {
        if (!rest.length) fail('search needs a QUERY');
        const input = parseInput('search.query', {
          query: rest.join(' '),
          fold: !o['exact-script'],
          scope: o.scope,
          sort: o.sort,
          limit: o.limit === undefined ? undefined : int(o.limit, '--limit'),
          documentIds: o.doc ? [o.doc] : undefined,
          themeIds: o.theme?.length ? o.theme.map((n) => themeByNameOrThrow(ctx, n).id) : undefined,
        });
        const result = await lib.search.query(input);
        emit(result, () => formatSearch(result));
        return 0;
      }
      case 'reindex': {
        const result = await lib.search.reindex();
        emit(result, () => `indexed ${result.documents} documents in ${(result.elapsedMs / 1000).toFixed(1)} s`);
        return 0;
      }
      default:
        if ((REVISION_COMMANDS as readonly string[]).includes(command)) return await revisionCommand(ctx, command, rest, o, emit);
        if ((CODEBOOK_COMMANDS as readonly string[]).includes(command)) return await codebookCommand(lib, command, rest, o, emit);
        return fail(`unknown command: ${command}. Run pizhu --help.`);
    }
  } catch (err) {
    const e = err instanceof PizhuError ? err : new PizhuError('internal', (err as Error)?.message ?? String(err));
    io.err(o.json ? JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }) : (recoveryAdvice(e, libraryDir) ?? `pizhu: ${e.message}`));
    return e.code === 'invalid_input' ? 2 : 1;
  } finally {
    // The day's backup ran beside the command: finished rather than cut short (someone working only
    // from the command line still gets one a day); it costs a wait only when it outlasts the command.
    await lib?.whenIdle();
    await lib?.close();
  }
}
