// Backup file names carry their time (UTC, to the second) and reason, so the folder lists itself
// without opening any file: pizhu-2026-11-22T031500Z-daily.sqlite, then -2, -3… within one second.
import type { BackupReason } from '../../../shared/domain';

export const BACKUP_REASONS: readonly BackupReason[] = ['daily', 'migration', 'manual', 'before-restore', 'before-import'];

const NAME = /^pizhu-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z-([a-z-]+?)(?:-(\d+))?\.sqlite$/;

export interface ParsedBackupName {
  createdAt: string;
  reason: BackupReason;
  /** 1 for the first backup of that second and reason, then 2, 3… */
  sequence: number;
}

export function backupFileName(reason: BackupReason, at: Date, sequence = 1): string {
  const iso = at.toISOString(); // 2026-11-22T03:15:00.000Z
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return `pizhu-${stamp}-${reason}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[5])) return null;
  return { createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z`, reason: m[5] as BackupReason, sequence: m[6] ? Number(m[6]) : 1 };
}
