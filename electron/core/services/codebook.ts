// The codebook on its own, as JSON or CSV: one row per theme with its path (科技创新/关键技术),
// colour, description and memo text. Import merges by path: a theme found at the path is updated,
// a missing one is created with any missing parents. A "/" inside a name is written "\/".
import type { Theme } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { writeTransaction } from '../db/connection';
import * as repo from '../repos/themes';
import type { ServiceContext } from './context';
import { noteJsonFromPlainText } from './lexical';
import { createTheme, updateTheme } from './themes';

export type CodebookFormat = 'json' | 'csv';

export interface CodebookEntry {
  path: string[];
  color?: string;
  description?: string;
  memo?: string;
}

const COLUMNS = ['path', 'color', 'description', 'memo'] as const;
const HEADER_ALIASES: Record<string, (typeof COLUMNS)[number]> = {
  path: 'path', name: 'path', 路径: 'path', 主题: 'path', 名称: 'path',
  color: 'color', colour: 'color', 颜色: 'color', 顏色: 'color',
  description: 'description', 说明: 'description', 說明: 'description', 描述: 'description',
  memo: 'memo', 备忘: 'memo', 備忘: 'memo', 备忘录: 'memo', 備忘錄: 'memo',
};
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function formatPath(segments: readonly string[]): string {
  return segments.map((s) => s.replace(/\\/g, '\\\\').replace(/\//g, '\\/')).join('/');
}

export function parsePath(path: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\' && i + 1 < path.length) current += path[++i];
    else if (ch === '/') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((s) => s.length > 0);
}

function themePaths(themes: Theme[]): Map<string, string[]> {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const paths = new Map<string, string[]>();
  const pathOf = (t: Theme): string[] => {
    let p = paths.get(t.id);
    if (!p) {
      const parent = t.parentId ? byId.get(t.parentId) : undefined;
      p = [...(parent ? pathOf(parent) : []), t.name];
      paths.set(t.id, p);
    }
    return p;
  };
  themes.forEach(pathOf);
  return paths;
}

export function exportCodebook(ctx: ServiceContext, format: CodebookFormat): { content: string; suggestedName: string } {
  const themes = repo.listThemes(ctx.db);
  const paths = themePaths(themes);
  const rows = themes.map((t) => ({ path: formatPath(paths.get(t.id)!), color: t.color, description: t.description, memo: t.memoText }));
  const date = ctx.now().slice(0, 10);
  if (format === 'json') {
    return { content: JSON.stringify({ format: 'pizhu-codebook', version: 1, themes: rows }, null, 2) + '\n', suggestedName: `codebook-${date}.json` };
  }
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
  // The BOM makes spreadsheet programs read the file as UTF-8.
  return { content: '\uFEFF' + lines.join('\r\n') + '\r\n', suggestedName: `codebook-${date}.csv` };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseCodebook(format: CodebookFormat, content: string): { entries: CodebookEntry[]; warnings: string[] } {
  const text = content.replace(/^\uFEFF/, '');
  const warnings: string[] = [];
  const entries: CodebookEntry[] = [];
  const add = (row: Partial<Record<(typeof COLUMNS)[number], unknown>>, where: string) => {
    const path = typeof row.path === 'string' ? parsePath(row.path) : [];
    if (!path.length) return warnings.push(`${where}: no theme path; skipped.`);
    if (path.some((s) => s.length > 200)) return warnings.push(`${where}: a theme name is longer than 200 characters; skipped.`);
    // A blank cell leaves the theme's value as it is: merging never erases.
    const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
    let color = str(row.color)?.trim() || undefined;
    if (color && !COLOR.test(color)) {
      warnings.push(`${where}: colour “${color}” is not #RRGGBB; kept the theme's colour.`);
      color = undefined;
    }
    entries.push({ path, color, description: str(row.description), memo: str(row.memo) });
  };
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new PizhuError('invalid_input', `The codebook is not valid JSON: ${(e as Error).message}`);
    }
    const list = Array.isArray(data) ? data : (data as { themes?: unknown })?.themes;
    if (!Array.isArray(list)) throw new PizhuError('invalid_input', 'The JSON codebook needs a "themes" list.');
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object') return warnings.push(`Theme ${i + 1}: not an object; skipped.`);
      const o = item as Record<string, unknown>;
      add({ ...o, path: o.path ?? o.name }, `Theme ${i + 1}`);
    });
    return { entries, warnings };
  }
  const rows = parseCsv(text);
  if (!rows.length) throw new PizhuError('invalid_input', 'The CSV codebook is empty.');
  const header = rows[0].map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  const hasHeader = header.includes('path');
  const columns = hasHeader ? header : [...COLUMNS];
  rows.slice(hasHeader ? 1 : 0).forEach((cells, i) => {
    const row: Partial<Record<(typeof COLUMNS)[number], string>> = {};
    cells.forEach((cell, k) => {
      const column = columns[k];
      if (column) row[column] = cell;
    });
    add(row, `Line ${i + (hasHeader ? 2 : 1)}`);
  });
  return { entries, warnings };
}

export function importCodebook(ctx: ServiceContext, format: CodebookFormat, content: string): { created: number; updated: number; warnings: string[] } {
  const { entries, warnings } = parseCodebook(format, content);
  return writeTransaction(ctx.db, () => {
    const created = new Set<string>();
    const updated = new Set<string>();
    for (const entry of entries) {
      const theme = resolvePath(ctx, entry, created, warnings);
      if (!theme || created.has(theme.id)) continue;
      if (applyEntry(ctx, theme, entry)) updated.add(theme.id);
    }
    return { created: created.size, updated: updated.size, warnings };
  });
}

/** The theme at the entry's path, creating what is missing; undefined when a name is taken elsewhere. */
function resolvePath(ctx: ServiceContext, entry: CodebookEntry, created: Set<string>, warnings: string[]): Theme | undefined {
  // Names are unique in the codebook: every segment must be missing or sit exactly on this path.
  const found: (Theme | undefined)[] = [];
  // The parent an existing segment must have; 'new' once a segment is missing (nothing can be under it yet).
  let expected: string | null | 'new' = null;
  for (const name of entry.path) {
    const existing = repo.findThemeByName(ctx.db, name);
    if (existing && (expected === 'new' || existing.parentId !== expected)) {
      warnings.push(`“${formatPath(entry.path)}”: a theme named “${name}” already exists elsewhere in the codebook; skipped.`);
      return undefined;
    }
    found.push(existing);
    expected = existing ? existing.id : 'new';
  }
  let theme: Theme | undefined;
  let parentId: string | null = null;
  entry.path.forEach((name, i) => {
    theme = found[i];
    if (!theme) {
      const last = i === entry.path.length - 1;
      theme = createTheme(ctx, { name, parentId, color: last ? entry.color : undefined, description: last ? entry.description : undefined });
      if (last && entry.memo) repo.setMemo(ctx.db, theme.id, noteJsonFromPlainText(entry.memo), entry.memo, ctx.now());
      created.add(theme.id);
    }
    parentId = theme.id;
  });
  return theme;
}

/** Updates what the entry gives and differs; true when anything changed. */
function applyEntry(ctx: ServiceContext, theme: Theme, entry: CodebookEntry): boolean {
  const patch: { color?: string; description?: string } = {};
  if (entry.color && entry.color.toLowerCase() !== theme.color.toLowerCase()) patch.color = entry.color;
  if (entry.description !== undefined && entry.description !== theme.description) patch.description = entry.description;
  const memoChanged = entry.memo !== undefined && entry.memo !== theme.memoText;
  if (Object.keys(patch).length) updateTheme(ctx, { id: theme.id, ...patch });
  if (memoChanged) repo.setMemo(ctx.db, theme.id, noteJsonFromPlainText(entry.memo!), entry.memo!, ctx.now());
  return Object.keys(patch).length > 0 || memoChanged;
}
