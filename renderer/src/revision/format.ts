// Words for versions: why a version was saved, when, and how a highlight was found again.
import type { ReanchorEntry, VersionReason } from '../../../shared/domain';
import type { Key } from '../i18n';

const REASON_KEYS: Record<VersionReason, Key> = {
  import: 'verReason_import',
  edit: 'verReason_edit',
  file: 'verReason_file',
  restoreVersion: 'verReason_restoreVersion',
  restoreSpan: 'verReason_restoreSpan',
  split: 'verReason_split',
  merge: 'verReason_merge',
};

export function reasonKey(reason: VersionReason): Key {
  return REASON_KEYS[reason] ?? 'verReason_edit';
}

const METHOD_KEYS: Record<NonNullable<ReanchorEntry['method']>, Key> = {
  position: 'revMethod_position',
  quote: 'revMethod_quote',
  fuzzy: 'revMethod_fuzzy',
};

export function methodKey(method: ReanchorEntry['method']): Key | null {
  return method ? METHOD_KEYS[method] : null;
}

/** Local date and time of a stored ISO timestamp, in the interface language. */
export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Local time of day, to the second: when a draft was last written. */
export function formatClock(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}

/** When a draft was written: the time alone today ("today" in front, in the interface language), else the date too. */
export function formatWhen(iso: string, lang: string, today: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (d.toDateString() !== new Date().toDateString()) return formatTime(iso, lang);
  return `${today} ${new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(d)}`;
}
