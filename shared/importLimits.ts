// Limits and rule names both sides need: the renderer checks a file's size before reading it.
import type { CleaningRuleId, ImportFileResult } from './domain';

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const CLEANING_RULE_IDS = [
  'share-header',
  'site-chrome',
  'spam-links',
  'page-markers',
  'pinyin',
  'mojibake',
  'whitespace',
  'article-markers',
] as const satisfies readonly CleaningRuleId[];

/** A failed file's result line, before or without anything read from it. */
export function failedImport(file: string, error?: string): ImportFileResult {
  return {
    file,
    status: 'failed',
    documents: [],
    collectionId: null,
    format: null,
    encoding: null,
    confidence: null,
    rules: [],
    charsRemoved: 0,
    mojibakeParagraphs: 0,
    warnings: [],
    ...(error === undefined ? {} : { error }),
  };
}
