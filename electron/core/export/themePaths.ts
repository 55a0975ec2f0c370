// A theme's place in the codebook as the names from the top level down (因地制宜/黑龙江), for tags,
// CSV columns and W3C tagging bodies.
import type { Theme } from '../../../shared/domain';

export type ThemePathOf = (themeId: string) => string[];

/** Paths over every live theme; an unknown id has an empty path. */
export function themePathLookup(themes: readonly Theme[]): ThemePathOf {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const paths = new Map<string, string[]>();
  const walking = new Set<string>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const t = byId.get(id);
    if (!t) return [];
    walking.add(id);
    // A parent that is gone (or a cycle, which the codebook never makes) ends the path.
    const parent = t.parentId && byId.has(t.parentId) && !walking.has(t.parentId) ? pathOf(t.parentId) : [];
    walking.delete(id);
    const path = [...parent, t.name];
    paths.set(id, path);
    return path;
  };
  return pathOf;
}
