// The export dialog: a format, its options, a live preview of the first page for the Word formats,
// then Save (native dialog in the app, a download in the browser) or Print / PDF.
import { useState } from 'react';
import type { JobInfo } from '../../../shared/domain';
import { useT, type Key } from '../i18n';
import { Modal } from '../components/Modal';
import { JobProgress } from '../jobs/JobProgress';
import { useStore } from '../store';
import { printPages, saveExport } from './exportActions';
import { FORMATS, formatInfo, loadChoices, previewRequest, storeChoices, type ExportChoices } from './options';
import { PagePreview } from './PagePreview';
import { ThemeChecklist } from './ThemeChecklist';
import './export.css';

type SetChoices = (patch: Partial<ExportChoices>) => void;

function Segmented<V extends string>({ value, options, onChange, name }: { value: V; options: [V, Key][]; onChange: (v: V) => void; name: string }) {
  const t = useT();
  return (
    <div className="xp-seg" role="radiogroup">
      {options.map(([v, label]) => (
        <label key={v} className={value === v ? 'on' : ''}>
          <input type="radio" name={name} value={v} checked={value === v} data-testid={`export-${name}-${v}`} onChange={() => onChange(v)} />
          {t(label)}
        </label>
      ))}
    </div>
  );
}

function FormatList({ value, onChange }: { value: ExportChoices['format']; onChange: SetChoices }) {
  const t = useT();
  const group = (g: 'notes' | 'exchange', title: Key) => (
    <fieldset className="xp-formats">
      <legend>{t(title)}</legend>
      {FORMATS.filter((f) => f.group === g).map((f) => (
        <label key={f.id} className={'xp-format' + (value === f.id ? ' on' : '')} title={t(f.hint)}>
          <input type="radio" name="format" value={f.id} checked={value === f.id} data-testid="export-format" data-format={f.id} onChange={() => onChange({ format: f.id })} />
          <span className="xp-format-text">
            <span className="xp-format-name">
              {t(f.label)}
              <span className="xp-ext">{f.ext}</span>
            </span>
            {value === f.id && <span className="xp-format-hint">{t(f.hint)}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <>
      {group('notes', 'xpGroupNotes')}
      {group('exchange', 'xpGroupExchange')}
    </>
  );
}

function Options({ c, set }: { c: ExportChoices; set: SetChoices }) {
  const t = useT();
  const themes = useStore((s) => s.themes);
  const f = formatInfo(c.format);
  return (
    <div className="xp-options">
      {f.by && (
        <div className="xp-field">
          <span className="xp-label">{t('xpGroupBy')}</span>
          <Segmented name="by" value={c.by} options={[['theme', 'xpByTheme'], ['document', 'xpByDocument']]} onChange={(by) => set({ by })} />
        </div>
      )}
      {f.word && (
        <div className="xp-field">
          <span className="xp-label">{t('xpStyle')}</span>
          <Segmented name="style" value={c.style} options={[['official', 'xpStyleOfficial'], ['plain', 'xpStylePlain']]} onChange={(style) => set({ style })} />
          <span className="xp-note">{t(c.style === 'official' ? 'xpStyleOfficialHint' : 'xpStylePlainHint')}</span>
        </div>
      )}
      {f.handout && (
        <div className="xp-grid">
          <label className="xp-input wide">
            <span className="xp-label">{t('xpHandoutTitle')}</span>
            <input value={c.title} maxLength={200} placeholder={t('xpHandoutTitlePlaceholder')} data-testid="export-title" onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label className="xp-input">
            <span className="xp-label">{t('xpHandoutUnit')}</span>
            <input value={c.unit} maxLength={200} placeholder={t('xpHandoutUnitPlaceholder')} data-testid="export-unit" onChange={(e) => set({ unit: e.target.value })} />
          </label>
          <label className="xp-input">
            <span className="xp-label">{t('xpHandoutDate')}</span>
            <input type="date" value={c.date} data-testid="export-date" onChange={(e) => set({ date: e.target.value })} />
          </label>
        </div>
      )}
      {(f.word || f.split) && (
        <div className="xp-checks">
          {f.handout && (
            <label className="xp-check">
              <input type="checkbox" checked={c.includeToc} data-testid="export-toc" onChange={(e) => set({ includeToc: e.target.checked })} />
              {t('xpIncludeToc')}
            </label>
          )}
          {f.handout && (
            <label className="xp-check">
              <input type="checkbox" checked={c.includeQuestions} data-testid="export-questions" onChange={(e) => set({ includeQuestions: e.target.checked })} />
              {t('xpIncludeQuestions')}
            </label>
          )}
          {f.word && (
            <label className="xp-check">
              <input type="checkbox" checked={c.colorHighlights} data-testid="export-colors" onChange={(e) => set({ colorHighlights: e.target.checked })} />
              {t('xpColorHighlights')}
            </label>
          )}
          {f.split && (
            <label className="xp-check">
              <input type="checkbox" checked={c.splitByDocument} data-testid="export-split" onChange={(e) => set({ splitByDocument: e.target.checked })} />
              {t('xpSplitByDocument')}
            </label>
          )}
        </div>
      )}
      {f.themes && (
        <div className="xp-field">
          <span className="xp-label">{t('xpThemes')}</span>
          <ThemeChecklist themes={themes} value={c.themeIds} onChange={(themeIds) => set({ themeIds })} />
        </div>
      )}
    </div>
  );
}

function NoPreview({ c }: { c: ExportChoices }) {
  const t = useT();
  const f = formatInfo(c.format);
  return (
    <div className="xp-nopreview">
      <div className="xp-file-icon" aria-hidden="true">
        {f.ext}
      </div>
      <p className="xp-nopreview-title">{t('xpPreviewNone')}</p>
      {f.holds && (
        <p className="xp-note">
          {t('xpPreviewNoneHint')} {t(f.holds)}
        </p>
      )}
    </div>
  );
}

export function ExportDialog() {
  const t = useT();
  const open = useStore((s) => s.exportOpen);
  const setOpen = useStore((s) => s.setExportOpen);
  const [c, setChoices] = useState<ExportChoices>(loadChoices);
  const [busy, setBusy] = useState<'save' | 'print' | null>(null);
  // The export job under way: its progress, when it was asked for, and how to cancel it.
  const [job, setJob] = useState<{ info: JobInfo | null; since: number; abort: AbortController; cancelling: boolean } | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const set: SetChoices = (patch) => {
    setWarnings([]);
    setChoices((prev) => {
      const next = { ...prev, ...patch };
      storeChoices(next);
      return next;
    });
  };
  const preview = previewRequest(c);
  const noThemes = c.themeIds !== null && c.themeIds.length === 0 && formatInfo(c.format).themes === true;

  const save = async () => {
    if (busy || noThemes) return;
    setBusy('save');
    const abort = new AbortController();
    setJob({ info: null, since: Date.now(), abort, cancelling: false });
    const result = await saveExport(c, { signal: abort.signal, onProgress: (info) => setJob((j) => j && { ...j, info }) });
    setJob(null);
    setBusy(null);
    if (result === null) return;
    if (result.length) setWarnings(result);
    else setOpen(false);
  };
  const print = async () => {
    if (busy || !preview || noThemes) return;
    setBusy('print');
    await printPages(c);
    setBusy(null);
  };

  if (!open) return null;
  return (
    <Modal
      title={t('xpTitle')}
      titleId="export-title"
      onClose={() => setOpen(false)}
      className="xp-modal"
      headerClassName="xp-head"
      backdropClassName="xp-backdrop"
      testId="export-dialog"
      initialFocus='input[name="format"]:checked'
      onKeyDown={(e) => {
        const mod = e.ctrlKey || e.metaKey;
        if (mod && e.key === 'Enter') {
          e.preventDefault();
          void save();
        } else if (mod && e.key.toLowerCase() === 'p' && preview) {
          e.preventDefault();
          void print();
        }
      }}
    >
      <div className="xp-body">
        <div className="xp-side">
          <FormatList value={c.format} onChange={set} />
          <Options c={c} set={set} />
        </div>
        <div className="xp-main">
          <div className="xp-main-head">
            <span>{preview ? t('xpPreview') : t(formatInfo(c.format).label)}</span>
            {preview && <span className="xp-note">{t(c.style === 'official' ? 'xpStyleOfficial' : 'xpStylePlain')} · A4</span>}
          </div>
          {preview ? <PagePreview request={preview} /> : <NoPreview c={c} />}
        </div>
      </div>
      <footer className="xp-foot">
        <div className="xp-status" aria-live="polite">
          {busy === 'save' && job ? (
            <div className="xp-progress xp-job" data-testid="export-progress">
              <JobProgress
                info={job.info}
                since={job.since}
                cancelling={job.cancelling}
                onCancel={() => {
                  setJob({ ...job, cancelling: true });
                  job.abort.abort();
                }}
              />
            </div>
          ) : busy ? (
            <div className="xp-progress" data-testid="export-progress">
              <div className="xp-bar">
                <div className="xp-bar-run" />
              </div>
              <span>{t(busy === 'save' ? 'xpSaving' : 'xpPreparingPrint')}</span>
            </div>
          ) : warnings.length ? (
            <div className="xp-warnings" data-testid="export-warnings">
              <strong>{t('xpWarnings')}</strong> {warnings.join(' ')}
            </div>
          ) : null}
        </div>
        <button type="button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
        {preview && (
          <button type="button" data-testid="export-print" title={t('xpPrintHint') + ' (Ctrl+P)'} disabled={Boolean(busy) || noThemes} onClick={() => void print()}>
            {t('xpPrint')}
          </button>
        )}
        <button type="button" className="primary" data-testid="export-confirm" title="Ctrl+Enter" disabled={Boolean(busy) || noThemes} onClick={() => void save()}>
          {t('xpSave')} {formatInfo(c.format).ext}
        </button>
      </footer>
    </Modal>
  );
}
