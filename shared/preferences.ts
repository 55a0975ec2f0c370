// Defaults and bounds of the user's preferences, shared by the backend (which stores them) and the renderer.
import type { Preferences } from './domain';

/** Reader text size in px; the contract's preferences.set accepts the same range. */
export const READER_FONT_SIZE = { min: 12, max: 32, default: 18, step: 1 } as const;
export const MAX_RECENT_DOCUMENTS = 10;

export const DEFAULT_PREFERENCES: Preferences = {
  lang: 'zh-CN',
  theme: 'system',
  readerFontSize: READER_FONT_SIZE.default,
  recentDocumentIds: [],
};

export function clampReaderFontSize(px: number): number {
  if (!Number.isFinite(px)) return READER_FONT_SIZE.default;
  return Math.min(READER_FONT_SIZE.max, Math.max(READER_FONT_SIZE.min, Math.round(px)));
}
