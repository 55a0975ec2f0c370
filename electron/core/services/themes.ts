import type { ExampleTheme, Theme, ThemeChange, ThemeDeleteMode } from '../../../shared/domain';
import { writeTransaction } from '../db/connection';
import { PizhuError } from '../../../shared/errors';
import * as annotations from '../repos/annotations';
import * as repo from '../repos/themes';
import { assertLexicalState } from './lexical';
import type { ServiceContext } from './context';

const PALETTE = ['#f4c542', '#6cc4a1', '#7aa7e0', '#e68a8a', '#b08fd8', '#f29e4c', '#5fb8c9', '#c9a66b', '#9ccc65'];

/** A small starter codebook for the bundled 新质生产力 texts; offered, never forced. */
export const EXAMPLE_CODEBOOK: ExampleTheme[] = [
  { name: '科技创新', color: '#7aa7e0', description: '科技创新作为新质生产力的核心要素' },
  { name: '产业升级', color: '#6cc4a1', description: '战略性新兴产业、未来产业与传统产业改造' },
  { name: '因地制宜', color: '#f29e4c', description: '各地结合实际、分类指导的做法' },
  { name: '体制机制改革', color: '#b08fd8', description: '生产关系、制度与要素配置的调整' },
  { name: '人才与教育', color: '#e68a8a', description: '劳动者素质、人才培养与引进' },
  { name: '绿色发展', color: '#9ccc65', description: '新质生产力本身就是绿色生产力' },
];

export function getThemeOrThrow(ctx: ServiceContext, id: string, includeDeleted = false): Theme {
  const t = repo.getTheme(ctx.db, id, includeDeleted);
  if (!t) throw new PizhuError('not_found', `No theme ${id}`);
  return t;
}

export function createTheme(
  ctx: ServiceContext,
  input: { name: string; color?: string; description?: string; parentId?: string | null },
): Theme {
  return writeTransaction(ctx.db, () => {
    const name = input.name.trim();
    if (repo.findThemeByName(ctx.db, name)) throw new PizhuError('conflict', `A theme named “${name}” already exists.`);
    if (input.parentId) getThemeOrThrow(ctx, input.parentId);
    const sortOrder = repo.nextSortOrder(ctx.db);
    const id = ctx.newId();
    repo.insertTheme(ctx.db, {
      id,
      parentId: input.parentId ?? null,
      name,
      color: input.color ?? PALETTE[sortOrder % PALETTE.length],
      description: input.description ?? '',
      sortOrder,
      author: ctx.userId,
      now: ctx.now(),
    });
    return getThemeOrThrow(ctx, id);
  });
}

export function updateTheme(ctx: ServiceContext, input: { id: string; name?: string; color?: string; description?: string }): Theme {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, input.id);
    const name = input.name?.trim();
    const clash = name ? repo.findThemeByName(ctx.db, name) : undefined;
    if (clash && clash.id !== input.id) throw new PizhuError('conflict', `A theme named “${name}” already exists.`);
    repo.updateTheme(ctx.db, input.id, { ...input, name }, ctx.now());
    return getThemeOrThrow(ctx, input.id);
  });
}

/**
 * Deletes a theme and its sub-themes. Links stay (so a restore brings every highlight's theme
 * back); `moveToParent` also codes their highlights with the parent, `deleteHighlights` deletes
 * the highlights coded with nothing else (one also coded with another theme only loses this one).
 */
export function deleteTheme(ctx: ServiceContext, id: string, mode: ThemeDeleteMode = 'untag'): ThemeChange {
  return writeTransaction(ctx.db, () => {
    const theme = getThemeOrThrow(ctx, id);
    const now = ctx.now();
    const subtree = [id, ...repo.descendantIds(ctx.db, id)];
    const change: ThemeChange = { themeId: id, addedLinks: [], deletedAnnotationIds: [] };
    if (mode === 'moveToParent' && theme.parentId) change.addedLinks = codeWith(ctx, annotations.annotationIdsLinkedTo(ctx.db, subtree), theme.parentId, now);
    if (mode === 'deleteHighlights') {
      change.deletedAnnotationIds = annotations.setAnnotationsDeleted(ctx.db, annotations.liveAnnotationsCodedOnlyWith(ctx.db, subtree), now, now);
    }
    repo.deleteAlong(ctx.db, subtree.slice(1), id, now);
    repo.setThemeDeleted(ctx.db, id, now, now);
    return change;
  });
}

/** Links each highlight with the theme where it is not yet; returns the links added. */
function codeWith(ctx: ServiceContext, annotationIds: string[], themeId: string, now: string): ThemeChange['addedLinks'] {
  const added: ThemeChange['addedLinks'] = [];
  for (const annotationId of annotationIds) {
    if (annotations.hasLink(ctx.db, annotationId, themeId)) continue;
    annotations.linkTheme(ctx.db, annotationId, themeId, now);
    added.push({ annotationId, themeId });
  }
  return added;
}

/** Brings a deleted theme back with the sub-themes deleted along with it, and undoes `change` exactly. */
export function restoreTheme(ctx: ServiceContext, id: string, change?: ThemeChange): Theme {
  return writeTransaction(ctx.db, () => {
    const t = getThemeOrThrow(ctx, id, true);
    const now = ctx.now();
    if (isDeleted(ctx, id)) {
      for (const back of [t, ...repo.deletedAlong(ctx.db, id)]) {
        const clash = repo.findThemeByName(ctx.db, back.name);
        if (clash && clash.id !== back.id) throw new PizhuError('conflict', `A theme named “${back.name}” exists again; rename it first.`);
        // Its keyboard slot may have gone to another theme meanwhile.
        if (back.pinned !== null && repo.themeInSlot(ctx.db, back.pinned)) repo.setPinned(ctx.db, back.id, null, now);
        repo.setThemeDeleted(ctx.db, back.id, null, now);
      }
    }
    if (change) {
      if (change.themeId !== id) throw new PizhuError('invalid_input', 'This change belongs to another theme.');
      for (const link of change.addedLinks) annotations.unlinkTheme(ctx.db, link.annotationId, link.themeId);
      annotations.setAnnotationsDeleted(ctx.db, change.deletedAnnotationIds, null, now);
      for (const moved of change.movedThemeIds ?? []) repo.setParent(ctx.db, moved, id, now);
    }
    return getThemeOrThrow(ctx, id);
  });
}

function isDeleted(ctx: ServiceContext, id: string): boolean {
  return !repo.getTheme(ctx.db, id);
}

/** Nests a theme under another (null: the top level) at `index` among its new siblings. */
export function moveTheme(ctx: ServiceContext, id: string, parentId: string | null, index: number): Theme[] {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, id);
    if (parentId) {
      getThemeOrThrow(ctx, parentId);
      if (parentId === id || repo.descendantIds(ctx.db, id).includes(parentId))
        throw new PizhuError('invalid_input', 'A theme cannot be nested inside itself or one of its sub-themes.');
    }
    const now = ctx.now();
    repo.setParent(ctx.db, id, parentId, now);
    const siblings = repo.childIds(ctx.db, parentId).filter((s) => s !== id);
    siblings.splice(Math.min(index, siblings.length), 0, id);
    siblings.forEach((s, i) => repo.setSortOrder(ctx.db, s, i));
    return repo.listThemes(ctx.db);
  });
}

/**
 * Codes every highlight of the source with the target, moves the source's sub-themes under the
 * target, and deletes the source (its links stay, hidden). Undo: restoreTheme(source, change).
 */
export function mergeTheme(ctx: ServiceContext, sourceId: string, targetId: string): ThemeChange {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, sourceId);
    getThemeOrThrow(ctx, targetId);
    if (sourceId === targetId) throw new PizhuError('invalid_input', 'A theme cannot be merged into itself.');
    if (repo.descendantIds(ctx.db, sourceId).includes(targetId))
      throw new PizhuError('invalid_input', 'A theme cannot be merged into one of its own sub-themes; move that sub-theme out first.');
    const now = ctx.now();
    const addedLinks = codeWith(ctx, annotations.annotationIdsLinkedTo(ctx.db, [sourceId]), targetId, now);
    const movedThemeIds = repo.childIds(ctx.db, sourceId);
    for (const child of movedThemeIds) repo.setParent(ctx.db, child, targetId, now);
    repo.setThemeDeleted(ctx.db, sourceId, now, now);
    return { themeId: sourceId, addedLinks, deletedAnnotationIds: [], movedThemeIds };
  });
}

export function setThemeMemo(ctx: ServiceContext, id: string, memoJson: string | null, memoText: string): Theme {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, id);
    if (memoJson !== null) assertLexicalState(memoJson);
    repo.setMemo(ctx.db, id, memoJson, memoText, ctx.now());
    return getThemeOrThrow(ctx, id);
  });
}

export function setThemeQuestions(ctx: ServiceContext, id: string, questions: string): Theme {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, id);
    repo.setQuestions(ctx.db, id, questions, ctx.now());
    return getThemeOrThrow(ctx, id);
  });
}

/** Gives a theme keyboard slot 1–9 (taking it from the theme that had it), or none. */
export function setThemePinned(ctx: ServiceContext, id: string, slot: number | null): Theme[] {
  return writeTransaction(ctx.db, () => {
    getThemeOrThrow(ctx, id);
    const now = ctx.now();
    if (slot !== null) {
      const holder = repo.themeInSlot(ctx.db, slot);
      if (holder && holder !== id) repo.setPinned(ctx.db, holder, null, now);
    }
    repo.setPinned(ctx.db, id, slot, now);
    return repo.listThemes(ctx.db);
  });
}

/** Adds the example themes that are not there yet (by name). */
export function addExampleThemes(ctx: ServiceContext): Theme[] {
  return writeTransaction(ctx.db, () =>
    EXAMPLE_CODEBOOK.filter((e) => !repo.findThemeByName(ctx.db, e.name)).map((e) => createTheme(ctx, e)),
  );
}

export function themeByNameOrThrow(ctx: ServiceContext, name: string): Theme {
  const t = repo.findThemeByName(ctx.db, name.trim());
  if (!t) throw new PizhuError('not_found', `No theme named “${name}”.`);
  return t;
}
