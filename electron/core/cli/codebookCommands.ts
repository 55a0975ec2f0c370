// The command line's codebook and analysis commands (issue 5): themes merge|move|delete, autocode,
// retrieve, cooccurrence, frequency, words. main.ts parses the options and dispatches here.
import type { CodedPassage, Theme } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { Library } from '../library';
import { listThemes } from '../repos/themes';
import * as analysis from '../services/analysis';
import { autocode } from '../services/autocode';
import { retrieveCoded } from '../services/retrieval';
import { deleteTheme, mergeTheme, moveTheme, themeByNameOrThrow } from '../services/themes';

export interface CodebookOptions {
  json?: boolean;
  theme?: string[];
  parent?: string;
  /** `--top` alone (themes move: to the top level) arrives as ''; `--top N` (words) as N. */
  top?: string;
  index?: string;
  highlights?: string;
  all?: boolean;
  any?: boolean;
  overlap?: boolean;
  doc?: string;
  'exact-script'?: boolean;
  'no-subthemes'?: boolean;
}

export const CODEBOOK_COMMANDS = ['autocode', 'retrieve', 'cooccurrence', 'frequency', 'words'] as const;
export const THEME_SUBCOMMANDS = ['merge', 'move', 'delete'] as const;

export const CODEBOOK_HELP = `  themes merge SOURCE TARGET            code SOURCE's highlights with TARGET, move its sub-themes there, delete it
  themes move NAME (--parent NAME | --top) [--index N]
                                        nest a theme under another, or at the top level (N: position among siblings)
  themes delete NAME [--highlights untag|parent|delete]
                                        delete a theme and its sub-themes; their highlights lose it (untag,
                                        the default), are coded with its parent, or are deleted when coded
                                        with nothing else
  autocode QUERY --theme NAME [--exact-script] [--doc ID]
                                        code every occurrence of a search with a theme (新质 also codes 新質)
  retrieve --theme NAME [--theme NAME] [--all|--any] [--no-subthemes]
                                        passages coded with all (default) or any of the themes, in context;
                                        a theme includes its sub-themes unless --no-subthemes
  cooccurrence [--overlap] [--theme NAME...]
                                        theme × theme: highlights coded with both, or (--overlap)
                                        overlapping highlights one coded with each
  frequency [--doc ID]                  highlights per theme (own, and with sub-themes)
  words [--doc ID | --theme NAME] [--top N]
                                        Chinese word frequency (segmented, stop words left out)
`;

type Emit = (data: unknown, text: () => string) => void;

function fail(message: string): never {
  throw new PizhuError('invalid_input', message);
}

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) fail(`${name} needs a whole number`);
  return Number(value);
}

function tree(themes: Theme[]): string {
  const depth = new Map<string, number>();
  return themes
    .map((t) => {
      const d = t.parentId ? (depth.get(t.parentId) ?? 0) + 1 : 0;
      depth.set(t.id, d);
      return `${'  '.repeat(d)}${t.name}  ${t.annotationCount}`;
    })
    .join('\n');
}

function formatPassage(p: CodedPassage): string {
  const where = [p.source, p.publishedAt].filter(Boolean).join(', ');
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${p.documentTitle}${where ? `  [${where}]` : ''}  ¶${p.paragraph}\n  ${flat(p.before)}【${flat(p.annotation.exact)}】${flat(p.after)}`;
}

export async function themesCommand(lib: Library, sub: string, args: string[], o: CodebookOptions, emit: Emit): Promise<number> {
  const ctx = lib.ctx;
  const theme = (name: string | undefined, what: string) => themeByNameOrThrow(ctx, name ?? fail(`themes ${sub} needs ${what}`));
  if (sub === 'merge') {
    const source = theme(args[0], 'a SOURCE theme');
    const target = theme(args[1], 'a TARGET theme');
    const change = mergeTheme(ctx, source.id, target.id);
    emit(change, () => `merged ${source.name} into ${target.name}: ${change.addedLinks.length} highlights newly coded ${target.name}`);
    return 0;
  }
  if (sub === 'move') {
    const moved = theme(args[0], 'a NAME');
    if (o.parent === undefined && o.top === undefined) fail('themes move needs --parent NAME or --top');
    const parentId = o.parent === undefined ? null : themeByNameOrThrow(ctx, o.parent).id;
    const themes = moveTheme(ctx, moved.id, parentId, count(o.index, '--index', 100_000));
    emit(themes, () => tree(themes));
    return 0;
  }
  const deleted = theme(args[0], 'a NAME');
  const modes = { untag: 'untag', parent: 'moveToParent', delete: 'deleteHighlights' } as const;
  const mode = modes[(o.highlights ?? 'untag') as keyof typeof modes] ?? fail('--highlights must be untag, parent or delete');
  const change = deleteTheme(ctx, deleted.id, mode);
  emit(change, () =>
    [
      `deleted ${deleted.name}`,
      change.addedLinks.length ? `${change.addedLinks.length} highlights coded with its parent` : '',
      change.deletedAnnotationIds.length ? `${change.deletedAnnotationIds.length} highlights deleted` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
  return 0;
}

export async function codebookCommand(lib: Library, command: string, args: string[], o: CodebookOptions, emit: Emit): Promise<number> {
  const ctx = lib.ctx;
  const names = new Map(listThemes(ctx.db).map((t) => [t.id, t.name]));
  const themeIds = () => (o.theme ?? []).map((n) => themeByNameOrThrow(ctx, n).id);
  switch (command) {
    case 'autocode': {
      if (!args.length) fail('autocode needs a QUERY');
      const [themeId] = themeIds();
      if (!themeId || (o.theme?.length ?? 0) > 1) fail('autocode needs exactly one --theme NAME');
      const result = await autocode(ctx, lib.search, {
        query: args.join(' '),
        themeId,
        fold: !o['exact-script'],
        documentIds: o.doc ? [o.doc] : undefined,
      });
      emit(result, () => `${result.createdIds.length} new highlights, ${result.taggedIds.length} highlights tagged, ${result.alreadyCoded} already coded`);
      return 0;
    }
    case 'retrieve': {
      const ids = themeIds();
      if (!ids.length) fail('retrieve needs --theme NAME');
      if (o.all && o.any) fail('use --all or --any, not both');
      const passages = retrieveCoded(ctx, { themeIds: ids, mode: o.any ? 'any' : 'all', includeSubthemes: !o['no-subthemes'] });
      emit(passages, () => [`${passages.length} passages`, ...passages.map(formatPassage)].join('\n'));
      return 0;
    }
    case 'cooccurrence': {
      const ids = o.theme?.length ? themeIds() : undefined;
      const m = analysis.cooccurrence(ctx, { themeIds: ids, mode: o.overlap ? 'overlap' : 'same' });
      const themes = m.themeIds.map((id) => ({ id, name: names.get(id) ?? id }));
      emit({ mode: m.mode, themes, counts: m.counts }, () => {
        const width = Math.max(4, ...m.counts.flat().map((n) => String(n).length));
        return themes.map((t, i) => `${m.counts[i].map((n) => String(n).padStart(width)).join(' ')}  ${t.name}`).join('\n') || '(no themes)';
      });
      return 0;
    }
    case 'frequency': {
      const counts = analysis.themeFrequency(ctx, o.doc).map((c) => ({ ...c, name: names.get(c.themeId) ?? c.themeId }));
      emit(counts, () => counts.map((c) => `${String(c.count).padStart(6)} ${String(c.withSubthemes).padStart(6)}  ${c.name}`).join('\n') || '(no themes)');
      return 0;
    }
    case 'words': {
      // --doc and --theme together: the theme's passages within that document.
      const [themeId] = themeIds();
      const top = count(o.top, '--top', analysis.DEFAULT_TOP);
      if (top < 1) fail('--top needs at least 1');
      const result = await analysis.wordFrequency(ctx, { documentId: o.doc, themeId, top });
      emit(result, () =>
        [`${result.totalWords} words, ${result.distinctWords} distinct`, ...result.words.map((w) => `${String(w.count).padStart(7)}  ${w.word}  (${w.documents} document${w.documents === 1 ? '' : 's'})`)].join(
          '\n',
        ),
      );
      return 0;
    }
    default:
      return fail(`unknown command: ${command}`);
  }
}
