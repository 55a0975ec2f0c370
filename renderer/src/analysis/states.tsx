// What a view shows while it waits, when there is nothing to show, and when the backend failed.
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="an-state" role="status" data-testid="an-loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

export function Empty({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="an-state an-empty" data-testid={testId ?? 'an-empty'}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export function Failed({ error, retry }: { error: string; retry: () => void }) {
  const t = useT();
  return (
    <div className="an-state an-error" role="alert" data-testid="an-error">
      <strong>{t('anFailed')}</strong>
      <p>{error}</p>
      <button type="button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}
