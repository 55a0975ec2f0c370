// The user's preferences (language, theme, reader font size, recent documents), one JSON value in the settings table.
import type { InputOf } from '../../../shared/contract';
import type { DocumentSummary, Preferences } from '../../../shared/domain';
import { DEFAULT_PREFERENCES, MAX_RECENT_DOCUMENTS, READER_FONT_SIZE } from '../../../shared/preferences';
import { writeTransaction } from '../db/connection';
import { getDocumentSummary } from '../repos/documents';
import { getSetting, setSetting } from '../repos/settings';
import type { ServiceContext } from './context';

const KEY = 'preferences';

/**
 * What is stored, field by field: a value written by another version (or edited by hand) that is not valid now
 * falls back to the default for that field only, so one bad field never resets the others.
 */
function readStored(ctx: ServiceContext): Preferences {
  let raw: unknown;
  try {
    raw = JSON.parse(getSetting(ctx.db, KEY) ?? '{}');
  } catch {
    raw = {};
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const size = o.readerFontSize;
  return {
    lang: o.lang === 'en' || o.lang === 'zh-CN' ? o.lang : DEFAULT_PREFERENCES.lang,
    theme: o.theme === 'light' || o.theme === 'dark' || o.theme === 'system' ? o.theme : DEFAULT_PREFERENCES.theme,
    readerFontSize:
      typeof size === 'number' && Number.isInteger(size) && size >= READER_FONT_SIZE.min && size <= READER_FONT_SIZE.max ? size : READER_FONT_SIZE.default,
    recentDocumentIds: Array.isArray(o.recentDocumentIds) ? o.recentDocumentIds.filter((x): x is string => typeof x === 'string') : [],
  };
}

/** Most recent first, each once, only documents that exist and are not deleted, at most MAX_RECENT_DOCUMENTS. */
function liveRecent(ctx: ServiceContext, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of new Set(ids)) {
    if (out.length >= MAX_RECENT_DOCUMENTS) break;
    if (getDocumentSummary(ctx.db, id)) out.push(id);
  }
  return out;
}

export function getPreferences(ctx: ServiceContext): Preferences {
  const stored = readStored(ctx);
  return { ...stored, recentDocumentIds: liveRecent(ctx, stored.recentDocumentIds) };
}

/** Merges the given fields into the stored preferences; fields left out keep their value. */
export function setPreferences(ctx: ServiceContext, patch: InputOf<'preferences.set'>): Preferences {
  return writeTransaction(ctx.db, () => {
    const current = readStored(ctx);
    const next: Preferences = {
      lang: patch.lang ?? current.lang,
      theme: patch.theme ?? current.theme,
      readerFontSize: patch.readerFontSize ?? current.readerFontSize,
      recentDocumentIds: liveRecent(ctx, patch.recentDocumentIds ?? current.recentDocumentIds),
    };
    setSetting(ctx.db, KEY, JSON.stringify(next));
    return next;
  });
}

/** The recent documents with their titles, for the application menu. */
export function recentDocuments(ctx: ServiceContext): DocumentSummary[] {
  return getPreferences(ctx)
    .recentDocumentIds.map((id) => getDocumentSummary(ctx.db, id))
    .filter((d): d is DocumentSummary => d !== undefined);
}
