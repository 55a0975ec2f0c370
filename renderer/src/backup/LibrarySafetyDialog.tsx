// Library safety (Ctrl+Shift+B, the shield in the top bar, or File › Library safety): the health of
// the library file, its backups with Restore, Back up now, and moving the whole library to another
// computer as one .pizhu file. Restoring and importing replace the library, after a confirmation,
// and only once the library as it is has been backed up.
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../shared/domain';
import { useT, type Key } from '../i18n';
import { Modal } from '../components/Modal';
import { JobProgress } from '../jobs/JobProgress';
import { registerMenuCommand } from '../menuCommands';
import { fill } from '../search/format';
import { useStore } from '../store';
import { archiveName, backUpNow, checkNow, chooseArchive, exportLibrary, importLibrary, refreshSafety, restoreBackup, type ArchiveSource } from './backupActions';
import { agoParts, formatBytes, formatTime } from './format';
import { useSafety } from './safetyStore';
import './backup.css';

const REASONS: Record<BackupReason, Key> = {
  daily: 'bkReasonDaily',
  migration: 'bkReasonMigration',
  manual: 'bkReasonManual',
  'before-restore': 'bkReasonBeforeRestore',
  'before-import': 'bkReasonBeforeImport',
};

function useAgo(): (iso: string) => string {
  const t = useT();
  return (iso) => {
    const { unit, n } = agoParts(iso);
    if (unit === 'now') return t('bkJustNow');
    const key: Key = unit === 'minutes' ? 'bkMinutes' : unit === 'hours' ? 'bkHours' : 'bkDays';
    return fill(t('bkAgo'), { t: fill(t(key), { n }) });
  };
}

function ShieldIcon({ ok }: { ok: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" className={'bk-shield' + (ok ? ' ok' : ' bad')}>
      <path d="M12 2.5 4 5.6v6.1c0 4.6 3.2 8.6 8 9.8 4.8-1.2 8-5.2 8-9.8V5.6L12 2.5Z" fill="currentColor" fillOpacity="0.14" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      {ok ? (
        <path d="m8.4 12.2 2.5 2.5 4.9-5.1" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M12 7.8v5.2M12 16.2v.1" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}

function Health() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const health = useSafety((s) => s.health);
  const work = useSafety((s) => s.work);
  const ago = useAgo();
  if (!health) return <section className="bk-section bk-health" aria-busy="true" />;
  const ok = health.integrity === 'ok';
  return (
    <section className="bk-section bk-health" aria-labelledby="bk-health-title" data-testid="safety-health" data-integrity={health.integrity}>
      <ShieldIcon ok={ok} />
      <div className="bk-health-text">
        <h3 id="bk-health-title" className={'bk-status' + (ok ? '' : ' bad')}>
          {t(ok ? 'bkIntact' : 'bkDamaged')}
        </h3>
        {ok && <p className="bk-note">{t('bkIntactHint')}</p>}
        {health.problems.length > 0 && (
          <ul className="bk-problems" data-testid="safety-problems">
            {health.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <dl className="bk-facts">
          <div>
            <dt>{t('bkSchema')}</dt>
            <dd data-testid="safety-schema">{health.schemaVersion}</dd>
          </div>
          <div>
            <dt>{t('bkLastBackup')}</dt>
            <dd data-testid="safety-last-backup">
              {health.lastBackupAt ? (
                <>
                  {formatTime(health.lastBackupAt, lang)}{' '}
                  <span className="muted">{lang === 'zh-CN' ? `（${ago(health.lastBackupAt)}）` : `(${ago(health.lastBackupAt)})`}</span>
                </>
              ) : (
                t('bkNever')
              )}
            </dd>
          </div>
        </dl>
      </div>
      <button type="button" className="bk-quiet" data-testid="safety-check" disabled={work !== null} onClick={() => void checkNow()}>
        {work === 'check' ? t('bkChecking') : t('bkCheckAgain')}
      </button>
    </section>
  );
}

function RestoreConfirm({ backup, onDone }: { backup: BackupInfo; onDone: () => void }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const work = useSafety((s) => s.work);
  const go = useRef<HTMLButtonElement>(null);
  useEffect(() => go.current?.focus(), []);
  return (
    <div className="bk-confirm" role="alertdialog" aria-labelledby="bk-restore-q" data-testid="safety-restore-confirm">
      <p id="bk-restore-q">{fill(t('bkRestoreConfirm'), { time: formatTime(backup.createdAt, lang) })}</p>
      <div className="bk-confirm-actions">
        <button type="button" onClick={onDone} disabled={work === 'restore'}>
          {t('bkCancel')}
        </button>
        <button
          ref={go}
          type="button"
          className="primary"
          data-testid="safety-restore-go"
          disabled={work !== null}
          onClick={() => void restoreBackup(backup.name, backup.createdAt).then((ok) => ok && onDone())}
        >
          {work === 'restore' ? t('bkRestoring') : t('bkRestoreGo')}
        </button>
      </div>
    </div>
  );
}

function Backups() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const backups = useSafety((s) => s.backups);
  const work = useSafety((s) => s.work);
  const job = useSafety((s) => s.job);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="bk-section" aria-labelledby="bk-backups-title">
      <div className="bk-head">
        <h3 id="bk-backups-title" className="bk-label">
          {t('bkBackups')}
        </h3>
        <button type="button" className="primary" data-testid="safety-backup-now" disabled={work !== null} onClick={() => void backUpNow()}>
          {work === 'backup' ? t('bkBackingUp') : t('bkBackupNow')}
        </button>
      </div>
      {work === 'backup' && job && <JobProgress info={job.info} since={job.since} onCancel={job.cancel} compact />}
      <p className="bk-note">{t('bkRetention')}</p>
      {backups && backups.length === 0 && <p className="bk-empty">{t('bkNoBackups')}</p>}
      {backups && backups.length > 0 && (
        <div className="bk-table-wrap">
          <table className="bk-table" data-testid="safety-backups">
            <thead>
              <tr>
                <th scope="col">{t('bkColTime')}</th>
                <th scope="col">{t('bkColReason')}</th>
                <th scope="col" className="num">
                  {t('bkColSize')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('bkRestore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <BackupRow key={b.name} backup={b} lang={lang} confirming={confirming === b.name} onConfirm={setConfirming} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BackupRow({ backup, lang, confirming, onConfirm }: { backup: BackupInfo; lang: 'zh-CN' | 'en'; confirming: boolean; onConfirm: (name: string | null) => void }) {
  const t = useT();
  const work = useSafety((s) => s.work);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    onConfirm(null);
    restoreButton.current?.focus();
  };
  return (
    <>
      <tr data-testid="safety-backup" data-name={backup.name} className={confirming ? 'confirming' : ''}>
        <td className="bk-time">{formatTime(backup.createdAt, lang)}</td>
        <td>
          <span className={'bk-reason ' + backup.reason}>{t(REASONS[backup.reason])}</span>
        </td>
        <td className="num">{formatBytes(backup.bytes)}</td>
        <td className="bk-row-action">
          <button
            ref={restoreButton}
            type="button"
            className="bk-quiet"
            title={t('bkRestoreTitle')}
            aria-label={`${t('bkRestore')} ${formatTime(backup.createdAt, lang)}`}
            data-testid="safety-restore"
            disabled={work !== null}
            aria-expanded={confirming}
            onClick={() => onConfirm(confirming ? null : backup.name)}
          >
            {t('bkRestore')}
          </button>
        </td>
      </tr>
      {confirming && (
        <tr className="bk-confirm-row">
          <td colSpan={4}>
            <RestoreConfirm backup={backup} onDone={close} />
          </td>
        </tr>
      )}
    </>
  );
}

function MoveLibrary() {
  const t = useT();
  const work = useSafety((s) => s.work);
  const job = useSafety((s) => s.job);
  const picker = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<ArchiveSource | null>(null);
  return (
    <section className="bk-section" aria-labelledby="bk-move-title">
      <h3 id="bk-move-title" className="bk-label">
        {t('bkMove')}
      </h3>
      <p className="bk-note">{t('bkMoveHint')}</p>
      <div className="bk-move-actions">
        <button type="button" data-testid="safety-export" disabled={work !== null} onClick={() => void exportLibrary()}>
          {t('bkExport')}
        </button>
        <button type="button" data-testid="safety-import" disabled={work !== null} onClick={() => void chooseArchive(() => picker.current?.click()).then((s) => s && setPicked(s))}>
          {t('bkImport')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".pizhu"
          hidden
          data-testid="safety-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setPicked(file ? { kind: 'file', file } : null);
            e.target.value = '';
          }}
        />
      </div>
      {work === 'export' && job && <JobProgress info={job.info} label={t('bkExporting')} since={job.since} onCancel={job.cancel} />}
      {picked && (
        <div className="bk-confirm" role="alertdialog" aria-labelledby="bk-import-q" data-testid="safety-import-confirm">
          <p id="bk-import-q">{fill(t('bkImportConfirm'), { name: archiveName(picked) })}</p>
          <div className="bk-confirm-actions">
            <button type="button" disabled={work === 'import'} onClick={() => setPicked(null)}>
              {t('bkCancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="safety-import-go"
              autoFocus
              disabled={work !== null}
              onClick={() => void importLibrary(picked).then((ok) => ok && setPicked(null))}
            >
              {work === 'import' ? t('bkImporting') : t('bkImportGo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function LibrarySafetyDialog() {
  const t = useT();
  const open = useSafety((s) => s.open);
  const setOpen = useSafety((s) => s.setOpen);
  useEffect(() => {
    if (open) void refreshSafety();
  }, [open]);

  if (!open) return null;
  return (
    <Modal
      title={t('bkTitle')}
      titleId="bk-title"
      onClose={() => setOpen(false)}
      className="bk-modal"
      headerClassName="bk-title-bar"
      testId="safety-dialog"
      closeTestId="safety-close"
      initialFocus='[data-testid="safety-backup-now"]'
    >
      <div className="bk-body">
        <Health />
        <Backups />
        <MoveLibrary />
      </div>
    </Modal>
  );
}

/** The top bar's shield button; it also answers Ctrl+Shift+B and the application menu. */
export function LibrarySafetyButton() {
  const t = useT();
  const open = useSafety((s) => s.open);
  const setOpen = useSafety((s) => s.setOpen);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'b') {
        e.preventDefault();
        useSafety.getState().setOpen(!useSafety.getState().open);
      }
    };
    window.addEventListener('keydown', onKey);
    const unregister = registerMenuCommand('openLibrarySafety', () => useSafety.getState().setOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      unregister();
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="icon-button bk-open"
        data-testid="safety-open"
        aria-label={t('bkOpen')}
        title={t('bkOpen') + ' (Ctrl+Shift+B)'}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true" className="bk-topbar-icon">
          <path d="M12 2.8 4.8 5.6v5.8c0 4.3 2.9 8 7.2 9.1 4.3-1.1 7.2-4.8 7.2-9.1V5.6L12 2.8Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="m8.8 11.9 2.2 2.2 4.2-4.4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <LibrarySafetyDialog />
    </>
  );
}
