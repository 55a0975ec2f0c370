// The codebook as REFI-QDA <Code> elements: themes nested as in Pizhu, with colour and description.
// The same elements serve project.qde and a .qdc; only the project may point to memo notes.
import type { Theme } from '../../../../shared/domain';
import { derivedGuid } from './guids';
import { el, type XmlElement } from './xml';

/** The GUID of the note holding a theme's memo. */
export const themeMemoGuid = (themeId: string) => derivedGuid('theme-memo', themeId);

export function hasMemo(t: Theme): boolean {
  return Boolean(t.memoText?.trim());
}

/** Live themes as a forest in codebook order; a theme whose parent is not exported goes to the top. */
export function codeElements(themes: readonly Theme[], opts: { memoRefs: boolean }): XmlElement[] {
  const known = new Set(themes.map((t) => t.id));
  const children = new Map<string | null, Theme[]>();
  for (const t of themes) {
    const parent = t.parentId && known.has(t.parentId) && t.parentId !== t.id ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const seen = new Set<string>();
  const build = (t: Theme): XmlElement => {
    seen.add(t.id);
    return el(
      'Code',
      { guid: t.id, name: t.name, isCodable: true, color: t.color },
      t.description ? el('Description', {}, t.description) : null,
      opts.memoRefs && hasMemo(t) ? el('NoteRef', { targetGUID: themeMemoGuid(t.id) }) : null,
      (children.get(t.id) ?? []).filter((c) => !seen.has(c.id)).map(build),
    );
  };
  return (children.get(null) ?? []).map(build);
}
