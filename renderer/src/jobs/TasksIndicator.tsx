// The top bar's tasks indicator: while long work runs, a small button with the overall progress;
// it opens a list of the running jobs, each with its own bar and Cancel.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { fill } from '../search/format';
import { JobProgress } from './JobProgress';
import { useJobs } from './jobsStore';
import './jobs.css';

export function TasksIndicator() {
  const t = useT();
  const jobs = useJobs((s) => s.jobs);
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!jobs.length) setOpen(false);
  }, [jobs.length]);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  if (!jobs.length) return null;
  const known = jobs.filter((j) => j.info.total > 0);
  const fraction = known.length ? known.reduce((n, j) => n + Math.min(1, j.info.done / j.info.total), 0) / jobs.length : null;
  const title = fill(t('tasksRunning'), { n: jobs.length });
  return (
    <div className="pop-anchor tasks-anchor" ref={anchor}>
      <button
        type="button"
        className="tasks-button"
        data-testid="tasks-indicator"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={title}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <span className="tasks-spinner" aria-hidden="true" />
        <span className="tasks-text">{title}</span>
        <span className={'tasks-mini' + (fraction === null ? ' indeterminate' : '')} aria-hidden="true">
          <span key={fraction === null ? 'run' : 'count'} style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }} />
        </span>
      </button>
      {open && (
        <div
          className="popover tasks-pop"
          role="dialog"
          aria-label={t('tasksTitle')}
          data-testid="tasks-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <div className="pop-title">{t('tasksTitle')}</div>
          {jobs.map((j) => (
            <JobProgress key={j.info.id} info={j.info} label={j.label} since={j.since} cancelling={j.cancelling} onCancel={j.cancel} compact />
          ))}
        </div>
      )}
    </div>
  );
}
