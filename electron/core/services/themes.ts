import type { ExampleTheme, Theme } from '../../../shared/domain';
import { writeTransaction } from '../db/connection';
import { PizhuError } from '../../../shared/errors';
import * as repo from '../repos/themes';
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

export function deleteTheme(ctx: ServiceContext, id: string): { id: string } {
  getThemeOrThrow(ctx, id);
  repo.setThemeDeleted(ctx.db, id, ctx.now(), ctx.now());
  return { id };
}

export function restoreTheme(ctx: ServiceContext, id: string): Theme {
  return writeTransaction(ctx.db, () => {
    const t = getThemeOrThrow(ctx, id, true);
    const clash = repo.findThemeByName(ctx.db, t.name);
    if (clash && clash.id !== id) throw new PizhuError('conflict', `A theme named “${t.name}” exists again; rename it first.`);
    repo.setThemeDeleted(ctx.db, id, null, ctx.now());
    return getThemeOrThrow(ctx, id);
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
