// The open document's tools under its title: script badge, import report, removed text,
// details, split here and merge with next.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/domain';
import { mojibakeParagraphIndexes } from '../../../shared/mojibake';
import { paragraphIndexAt, splitParagraphs } from '../../../shared/offsets';
import { mergeOpenDocumentWithNext, nextDocumentTitle, splitOpenDocument } from '../documentActions';
import { useT, type Key } from '../i18n';
import { textOffset } from '../lib/domOffsets';
import { localizeImportMessage } from '../lib/importErrors';
import { count, encodingName, fill, formatName, percent, ruleName } from '../lib/importFormat';
import { useStore, type ReaderPanel } from '../store';
import { MetadataEditor } from './MetadataEditor';
import { RevisionPanels } from '../revision/RevisionTools';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Paragraphs short enough to be a heading become the suggested title of a split-off document. */
const TITLE_LIKE_CHARS = 40;

/** The paragraph holding the caret or the selection's start, tracked while it is inside the reader. */
function useCaretParagraph(root: HTMLElement | null, starts: readonly number[]): number | null {
  const [index, setIndex] = useState<number | null>(null);
  useEffect(() => {
    if (!root) return;
    const onChange = () => {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !root.contains(sel.anchorNode)) return;
      const r = sel.getRangeAt(0);
      setIndex(paragraphIndexAt(starts, textOffset(root, starts, r.startContainer, r.startOffset)));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [root, starts]);
  return index;
}

function scrollToParagraph(root: HTMLElement | null, i: number): void {
  const p = root?.children[i] as HTMLElement | undefined;
  if (!p) return;
  p.scrollIntoView({ block: 'center', behavior: 'smooth' });
  p.classList.add('pz-flash');
  setTimeout(() => p.classList.remove('pz-flash'), 1400);
}

function ReportPanel({ doc, root }: { doc: DocumentRecord; root: HTMLElement | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const report = doc.report;
  const mojibake = useMemo(() => mojibakeParagraphIndexes(doc.text), [doc.text]);
  if (!report) {
    return (
      <div className="doc-panel" data-testid="import-report">
        <p className="hint">{t('reportNone')}</p>
      </div>
    );
  }
  const p = percent(report.confidence);
  // Flag-only rules (broken characters) remove nothing; they have their own line below.
  const removed = report.rules.filter((r) => r.chars > 0);
  return (
    <div className="doc-panel report" data-testid="import-report">
      <dl className="report-grid">
        <dt>{t('reportFormat')}</dt>
        <dd data-testid="report-format">{formatName(t, report.format)}</dd>
        {report.originalName && (
          <>
            <dt>{t('reportFile')}</dt>
            <dd className="report-file">{report.originalName}</dd>
          </>
        )}
        {report.encoding && (
          <>
            <dt>{t('reportEncoding')}</dt>
            <dd data-testid="report-encoding">
              {encodingName(report.encoding)}
              {p !== null && <span className="muted"> · {fill(t('impConfidence'), { p })}</span>}
            </dd>
          </>
        )}
        <dt>{t('reportCleaning')}</dt>
        <dd>
          {removed.length === 0 ? (
            <span className="muted">{t('reportNothingRemoved')}</span>
          ) : (
            <table className="report-rules" data-testid="report-rules">
              <tbody>
                {removed.map((r) => (
                  <tr key={r.rule} data-rule={r.rule}>
                    <td>{ruleName(t, r.rule)}</td>
                    <td className="num">{count(r.count, lang)} ×</td>
                    <td className="num">{fill(t('impPasteCount'), { n: count(r.chars, lang) })}</td>
                  </tr>
                ))}
                <tr className="total">
                  <td colSpan={3}>{fill(t('impRemovedTotal'), { n: count(report.charsRemoved, lang) })}</td>
                </tr>
              </tbody>
            </table>
          )}
        </dd>
        <dt>{t('reportMojibake')}</dt>
        <dd data-testid="report-mojibake">
          {mojibake.length === 0 ? (
            <span className="muted">{t('reportMojibakeNone')}</span>
          ) : (
            <span className="report-jumps">
              {mojibake.map((i) => (
                <button key={i} type="button" className="imp-link" onClick={() => scrollToParagraph(root, i)}>
                  {fill(t('reportParagraph'), { n: i + 1 })}
                </button>
              ))}
            </span>
          )}
        </dd>
        {report.warnings.length > 0 && (
          <>
            <dt>{t('reportWarnings')}</dt>
            <dd>
              <ul className="report-warnings">
                {report.warnings.map((w, i) => (
                  <li key={i}>{localizeImportMessage(w, useStore.getState().lang)}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function SplitPanel({ doc, at, onDone }: { doc: DocumentRecord; at: number | null; onDone: () => void }) {
  const t = useT();
  const paragraphs = useMemo(() => splitParagraphs(doc.text), [doc.text]);
  const text = at !== null ? (paragraphs[at] ?? '').trim() : '';
  const [title, setTitle] = useState(text.length > 0 && text.length <= TITLE_LIKE_CHARS ? text : '');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  if (at === null || at === 0) {
    return (
      <div className="doc-panel" data-testid="split-panel">
        <p className="hint">{at === 0 ? t('splitFirst') : t('splitNeedCaret')}</p>
        <div className="row-end">
          <button type="button" onClick={onDone}>
            {t('close')}
          </button>
        </div>
      </div>
    );
  }
  const offset = paragraphs.slice(0, at).reduce((n, p) => n + p.length + 1, 0);
  return (
    <form
      className="doc-panel"
      data-testid="split-panel"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const ok = await splitOpenDocument(offset, title);
        setBusy(false);
        if (ok) onDone();
      }}
    >
      <div className="panel-heading">{fill(t('splitHeading'), { n: at + 1 })}</div>
      <blockquote className="split-preview">{text.length > 120 ? text.slice(0, 120) + '…' : text}</blockquote>
      <label className="meta-field wide">
        <span>{t('splitNewTitle')}</span>
        <input ref={inputRef} value={title} maxLength={200} data-testid="split-title" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="row-end">
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="split-confirm">
          {t('splitConfirm')}
        </button>
      </div>
    </form>
  );
}

function MergePanel({ onDone }: { onDone: () => void }) {
  const t = useT();
  const next = useStore(nextDocumentTitle);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="doc-panel" data-testid="merge-panel">
      <p className="panel-heading">{next !== null ? fill(t('mergeQuestion'), { title: next || t('untitled') }) : t('mergeNoNext')}</p>
      <div className="row-end">
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
        {next !== null && (
          <button
            ref={ref}
            type="button"
            className="primary"
            disabled={busy}
            data-testid="merge-confirm"
            onClick={async () => {
              setBusy(true);
              const ok = await mergeOpenDocumentWithNext();
              setBusy(false);
              if (ok) onDone();
            }}
          >
            {t('mergeConfirm')}
          </button>
        )}
      </div>
    </div>
  );
}

const SCRIPT_KEYS: Record<string, [Key, Key]> = {
  simplified: ['docScript_simplified', 'docScriptTitle_simplified'],
  traditional: ['docScript_traditional', 'docScriptTitle_traditional'],
  mixed: ['docScript_mixed', 'docScriptTitle_mixed'],
};

export function ScriptBadge({ script }: { script: string }) {
  const t = useT();
  const keys = SCRIPT_KEYS[script];
  if (!keys) return null;
  return (
    <span className={'script-badge ' + script} title={t(keys[1])} data-testid="script-badge" data-script={script}>
      {t(keys[0])}
    </span>
  );
}

export function DocumentTools({ doc, root, starts }: { doc: DocumentRecord; root: HTMLElement | null; starts: readonly number[] }) {
  const t = useT();
  const panel = useStore((s) => s.readerPanel);
  const setPanel = useStore((s) => s.setReaderPanel);
  const showRemoved = useStore((s) => s.showRemoved);
  const setShowRemoved = useStore((s) => s.setShowRemoved);
  const caret = useCaretParagraph(root, starts);
  // The paragraph is fixed when the split panel opens; typing the title moves the selection away.
  const [splitAt, setSplitAt] = useState<number | null>(null);

  const open = (p: ReaderPanel) => {
    if (p === 'split') setSplitAt(caret);
    setPanel(panel === p ? null : p);
  };
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => () => setPanel(null), [doc.id, setPanel]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && useStore.getState().readerPanel) {
        setPanel(null);
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || !e.shiftKey || e.altKey || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 's' || k === 'm') {
        e.preventDefault();
        openRef.current(k === 's' ? 'split' : 'merge');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPanel]);

  const removedCount = doc.removed.length;
  const tool = (p: Exclude<ReaderPanel, null>, label: string, testId: string, extra?: string) => (
    <button type="button" className={'doc-tool' + (panel === p ? ' on' : '')} aria-expanded={panel === p} data-testid={testId} title={extra} onClick={() => open(p)}>
      {label}
    </button>
  );

  return (
    <div className="doc-tools-wrap">
      <div className="doc-tools" role="toolbar" aria-label={t('docReport')}>
        <ScriptBadge script={doc.script} />
        {tool('report', t('docReport'), 'open-report')}
        <button
          type="button"
          className={'doc-tool' + (showRemoved ? ' on' : '')}
          aria-pressed={showRemoved}
          disabled={removedCount === 0}
          title={removedCount === 0 ? t('docRemovedNone') : undefined}
          data-testid="toggle-removed"
          onClick={() => setShowRemoved(!showRemoved)}
        >
          <span className="tool-check" aria-hidden="true">
            {showRemoved ? '☑' : '☐'}
          </span>
          {t('docShowRemoved')}
          {removedCount > 0 && <span className="tool-count">{removedCount}</span>}
        </button>
        <span className="tools-gap" />
        {tool('details', t('docDetails'), 'open-details')}
        {tool('split', t('docSplit'), 'split-here', 'Ctrl+Shift+S')}
        {tool('merge', t('docMerge'), 'merge-next', 'Ctrl+Shift+M')}
      </div>
      {panel === 'report' && <ReportPanel doc={doc} root={root} />}
      {panel === 'details' && <MetadataEditor key={doc.modifiedAt} doc={doc} onDone={() => setPanel(null)} />}
      {panel === 'split' && <SplitPanel key={String(splitAt)} doc={doc} at={splitAt} onDone={() => setPanel(null)} />}
      {panel === 'merge' && <MergePanel onDone={() => setPanel(null)} />}
      <RevisionPanels doc={doc} />
    </div>
  );
}
