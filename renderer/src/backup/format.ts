// Times and sizes as the safety dialog shows them.
import type { Lang } from '../i18n';

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** 2026年11月22日 11:04 / 22 Nov 2026, 11:04 — in the reader's local time. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (lang === 'zh-CN') {
    const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hm}`;
  }
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** How long ago, coarsely: minutes, hours or days. */
export function agoParts(iso: string, now = Date.now()): { unit: 'now' | 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return { unit: 'now', n: 0 };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', n: Math.floor(minutes / 60) };
  return { unit: 'days', n: Math.floor(minutes / 1440) };
}
