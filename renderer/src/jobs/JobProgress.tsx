// A running job as a progress bar with its count ("1,200 / 5,000 excerpts"), the time it has taken and
// a Cancel button. The bar runs without an end while the total is not known yet.
import { useEffect, useState } from 'react';
import type { JobInfo } from '../../../shared/domain';
import { useT, type Key } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import './jobs.css';

const UNIT_KEYS: Record<JobInfo['unit'], Key> = {
  excerpts: 'jobUnitExcerpts',
  documents: 'jobUnitDocuments',
  steps: 'jobUnitSteps',
  bytes: 'jobUnitBytes',
  pages: 'jobUnitPages',
};

/** 0:07, 1:05, 1:02:03 */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Re-renders every second while mounted, for the elapsed time. */
function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

interface Props {
  info: JobInfo | null;
  /** What the job does, in the user's words; shown before the count when given. */
  label?: string;
  /** When this window asked for the job (the backend's clock may differ a little). */
  since: number;
  cancelling?: boolean;
  onCancel?: () => void;
  compact?: boolean;
}

export function JobProgress({ info, label, since, cancelling, onCancel, compact }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const now = useNow();
  const total = info?.total ?? 0;
  const done = Math.min(info?.done ?? 0, total);
  const known = total > 0;
  const percent = known ? Math.round((done / total) * 100) : null;
  const unit = t(UNIT_KEYS[info?.unit ?? 'steps']);
  // Steps are shown as the percentage alone; things one can count, with their count.
  const count = !known ? t('jobPreparing') : done >= total ? t('jobFinishing') : info?.unit === 'steps' ? '' : `${formatCount(done, lang)} / ${formatCount(total, lang)} ${unit}`;
  const elapsed = fill(t('jobElapsed'), { t: formatElapsed(now - since) });
  return (
    <div className={'job-progress' + (compact ? ' compact' : '')} data-testid="job-progress" data-state={info?.state ?? 'running'}>
      {label && <span className="job-label">{label}</span>}
      <div
        className={'job-bar' + (known ? '' : ' indeterminate')}
        role="progressbar"
        aria-label={label ?? unit}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={`${count} · ${elapsed}`}
      >
        {/* A new element when the total becomes known: the bar starts from its count, not from the running stripe. */}
        <div key={known ? 'count' : 'run'} className="job-bar-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="job-count" data-testid="job-count">
        {percent !== null && done < total && <span className="job-percent">{percent}%</span>}
        {count}
      </span>
      <span className="job-elapsed" data-testid="job-elapsed">
        {elapsed}
      </span>
      {onCancel && (
        <button type="button" className="job-cancel" data-testid="job-cancel" disabled={cancelling} onClick={onCancel}>
          {cancelling ? t('jobCancelling') : t('jobCancel')}
        </button>
      )}
    </div>
  );
}
