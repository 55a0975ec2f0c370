// "Code all N occurrences with theme…" under the library search: pick a theme, confirm the count, and every
// match becomes a highlight with it, in one transaction and one undo step.
import { useMemo, useState } from 'react';
import type { DocumentSummary, Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { fill, formatCount } from '../search/format';
import { useStore } from '../store';
import type { SearchFilters } from '../store/search';
import { autocode } from './actions';
import { ThemeChooser } from './ThemeChooser';
import { Modal } from './ThemeDialogs';

/** The search's document filters as the document ids auto-coding should touch; undefined means the library. */
export function documentScope(f: SearchFilters, docs: readonly DocumentSummary[]): string[] | undefined {
  if (!f.documentId && !f.collectionId && !f.dateFrom && !f.dateTo) return undefined;
  return docs
    .filter((d) => !f.documentId || d.id === f.documentId)
    .filter((d) => !f.collectionId || d.collectionId === f.collectionId)
    .filter((d) => !f.dateFrom || (d.publishedAt !== null && d.publishedAt >= f.dateFrom))
    .filter((d) => !f.dateTo || (d.publishedAt !== null && d.publishedAt <= f.dateTo))
    .map((d) => d.id);
}

function AutocodeDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const themes = useStore((s) => s.themes);
  const outcome = useStore((s) => s.searchOutcome);
  const filters = useStore((s) => s.searchFilters);
  const fold = useStore((s) => s.searchFold);
  const docs = useStore((s) => s.docs);
  const [pick, setPick] = useState<Theme | undefined>();
  const [busy, setBusy] = useState(false);
  const total = outcome.result?.total ?? 0;
  const documentIds = useMemo(() => documentScope(filters, docs), [filters, docs]);
  const n = formatCount(total, lang);

  const confirm = async (theme: Theme | undefined) => {
    if (!theme || busy) return;
    setBusy(true);
    const ok = await autocode({ query: outcome.query, themeId: theme.id, fold, documentIds });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal title={fill(t('autocodeTitle'), { n, q: outcome.query })} onClose={onClose} testId="autocode-dialog">
      <p className="modal-text">{fill(t('autocodeIntro'), { d: formatCount(outcome.result?.documentCount ?? 0, lang) })}</p>
      <div className="section-title">{t('autocodeThemeLabel')}</div>
      <ThemeChooser themes={themes} onPick={setPick} onConfirm={(x) => void confirm(x)} testId="autocode" />
      <div className="row-end">
        {busy && <span className="muted busy-note">{t('autocodeWorking')}</span>}
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" data-testid="autocode-confirm" disabled={busy || !pick} onClick={() => void confirm(pick)}>
          {fill(t('autocodeConfirm'), { n })}
          {pick ? ` · ${pick.name}` : ''}
        </button>
      </div>
    </Modal>
  );
}

/** Sits under the search status line when there is something to code. */
export function AutocodeBar() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const outcome = useStore((s) => s.searchOutcome);
  const filters = useStore((s) => s.searchFilters);
  const themes = useStore((s) => s.themes);
  const [open, setOpen] = useState(false);
  const total = outcome.result?.total ?? 0;
  if (outcome.status !== 'done' || total === 0 || themes.length === 0) return null;
  const usable = outcome.scope === 'text' && !filters.themeId;
  return (
    <div className="autocode-bar">
      <button
        type="button"
        className="link-button"
        data-testid="autocode-open"
        disabled={!usable}
        title={usable ? undefined : t('autocodeOnlyText')}
        onClick={() => setOpen(true)}
      >
        {fill(t('autocodeButton'), { n: formatCount(total, lang) })}
      </button>
      {open && <AutocodeDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
