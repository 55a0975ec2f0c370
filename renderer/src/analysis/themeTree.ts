// The codebook as the analysis views show it: depth-first order, nested names as paths.
import type { Theme } from '../../../shared/domain';

export const PATH_SEPARATOR = ' › ';

export interface ThemeRow {
  theme: Theme;
  depth: number;
  path: string;
}

/** Depth-first, siblings by their order; a theme whose parent is missing shows at the top level. */
export function themeRows(themes: Theme[]): ThemeRow[] {
  const ids = new Set(themes.map((t) => t.id));
  const children = new Map<string | null, Theme[]>();
  for (const t of themes) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(t);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  const rows: ThemeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const t of children.get(parent) ?? []) {
      // A cycle in bad data must not hang the view.
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      const path = prefix ? prefix + PATH_SEPARATOR + t.name : t.name;
      rows.push({ theme: t, depth, path });
      walk(t.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return rows;
}

export function pathById(themes: Theme[]): Map<string, string> {
  return new Map(themeRows(themes).map((r) => [r.theme.id, r.path]));
}

export function hasChildren(themes: Theme[], id: string): boolean {
  return themes.some((t) => t.parentId === id);
}
