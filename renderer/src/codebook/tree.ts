// The codebook as a tree: the flat theme list (parentId + sortOrder) turned into ordered rows, and the
// moves the tree allows (reorder, indent, outdent, drop) as themes.move inputs.
import type { Theme } from '../../../shared/domain';

export interface TreeRow {
  theme: Theme;
  depth: number;
  hasChildren: boolean;
  /** Names from the root down to the parent, for "parent › child" labels. */
  path: string[];
}

export interface MoveTarget {
  id: string;
  parentId: string | null;
  /** Position among the new siblings, counted without the moved theme. */
  index: number;
}

export function childrenByParent(themes: readonly Theme[]): Map<string | null, Theme[]> {
  const known = new Set(themes.map((t) => t.id));
  const out = new Map<string | null, Theme[]>();
  for (const t of themes) {
    // A parent that is gone (deleted, filtered) leaves its children at the top rather than lost.
    const parent = t.parentId && known.has(t.parentId) ? t.parentId : null;
    const list = out.get(parent);
    if (list) list.push(t);
    else out.set(parent, [t]);
  }
  for (const list of out.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  return out;
}

/** Depth-first order of the whole tree; collapsed themes hide their descendants. */
export function treeRows(themes: readonly Theme[], collapsed: ReadonlySet<string> = new Set()): TreeRow[] {
  const kids = childrenByParent(themes);
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const t of kids.get(parent) ?? []) {
      if (seen.has(t.id)) continue; // a cycle in bad data must not hang the panel
      seen.add(t.id);
      const children = kids.get(t.id) ?? [];
      out.push({ theme: t, depth, hasChildren: children.length > 0, path });
      if (!collapsed.has(t.id)) walk(t.id, depth + 1, [...path, t.name]);
    }
  };
  walk(null, 0, []);
  return out;
}

/** Themes in tree order (what "the 1st–9th theme" means when none is pinned). */
export function themesInTreeOrder(themes: readonly Theme[]): Theme[] {
  return treeRows(themes).map((r) => r.theme);
}

export function descendantIds(themes: readonly Theme[], id: string): Set<string> {
  const kids = childrenByParent(themes);
  const out = new Set<string>();
  const stack = [...(kids.get(id) ?? [])];
  while (stack.length) {
    const t = stack.pop()!;
    if (out.has(t.id)) continue;
    out.add(t.id);
    stack.push(...(kids.get(t.id) ?? []));
  }
  return out;
}

/** Where a theme sits now, in the same terms as a move. */
export function positionOf(themes: readonly Theme[], id: string): MoveTarget | null {
  const t = themes.find((x) => x.id === id);
  if (!t) return null;
  const kids = childrenByParent(themes);
  const parentId = t.parentId && themes.some((x) => x.id === t.parentId) ? t.parentId : null;
  const index = (kids.get(parentId) ?? []).findIndex((x) => x.id === id);
  return { id, parentId, index };
}

function siblingsOf(themes: readonly Theme[], id: string): { parentId: string | null; list: Theme[]; at: number } | null {
  const pos = positionOf(themes, id);
  if (!pos) return null;
  const list = childrenByParent(themes).get(pos.parentId) ?? [];
  return { parentId: pos.parentId, list, at: pos.index };
}

/** Alt+↑ / Alt+↓: swap with the previous or next sibling. */
export function reorderTarget(themes: readonly Theme[], id: string, by: -1 | 1): MoveTarget | null {
  const s = siblingsOf(themes, id);
  if (!s) return null;
  const index = s.at + by;
  if (index < 0 || index >= s.list.length) return null;
  return { id, parentId: s.parentId, index };
}

/** Tab: become the last child of the previous sibling. */
export function indentTarget(themes: readonly Theme[], id: string): MoveTarget | null {
  const s = siblingsOf(themes, id);
  if (!s || s.at === 0) return null;
  const newParent = s.list[s.at - 1];
  const count = childrenByParent(themes).get(newParent.id)?.length ?? 0;
  return { id, parentId: newParent.id, index: count };
}

/** Shift+Tab: become the next sibling of the parent. */
export function outdentTarget(themes: readonly Theme[], id: string): MoveTarget | null {
  const s = siblingsOf(themes, id);
  if (!s || s.parentId === null) return null;
  const parentPos = positionOf(themes, s.parentId);
  if (!parentPos) return null;
  return { id, parentId: parentPos.parentId, index: parentPos.index + 1 };
}

export type DropZone = 'before' | 'inside' | 'after';

/** Dropping `id` before, inside or after `onto`; null where the move would make a cycle or change nothing. */
export function dropTarget(themes: readonly Theme[], id: string, onto: string, zone: DropZone): MoveTarget | null {
  if (id === onto || descendantIds(themes, id).has(onto)) return null;
  const kids = childrenByParent(themes);
  let target: MoveTarget;
  if (zone === 'inside') {
    const list = (kids.get(onto) ?? []).filter((t) => t.id !== id);
    target = { id, parentId: onto, index: list.length };
  } else {
    const pos = positionOf(themes, onto);
    if (!pos) return null;
    const list = (kids.get(pos.parentId) ?? []).filter((t) => t.id !== id);
    const at = list.findIndex((t) => t.id === onto);
    target = { id, parentId: pos.parentId, index: zone === 'before' ? at : at + 1 };
  }
  const now = positionOf(themes, id);
  if (now && now.parentId === target.parentId && now.index === target.index) return null;
  return target;
}

/** Which themes count as `id` when sub-themes are included. */
export function withDescendants(themes: readonly Theme[], id: string): Set<string> {
  const out = descendantIds(themes, id);
  out.add(id);
  return out;
}
