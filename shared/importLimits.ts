// Limits and rule names both sides need: the renderer checks a file's size before reading it.
import type { CleaningRuleId } from './domain';

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
