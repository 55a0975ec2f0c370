import { useEffect, useRef, useState } from 'react';
import type { CleaningRuleId, CleaningRuleInfo } from '../../../shared/domain';
import { CLEANING_RULE_IDS, MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { useT } from '../i18n';
import { importPastedText, importPicked, openImport } from '../importActions';
import { bytes, encodingName, fill, ruleHint, ruleName } from '../lib/importFormat';
import { IMPORT_ACCEPT, pickedFromInput } from '../lib/pickedFiles';
import { useStore } from '../store';
import { EncodingSelect } from './EncodingSelect';
import { DropOverlay } from './DropOverlay';
import { ImportProgress, ImportResults } from './ImportResults';

/** Rules as the backend lists them; before it answers, every known rule (mojibake only flags). */
function useRules(): CleaningRuleInfo[] {
  const rules = useStore((s) => s.importRules);
  return rules.length > 0 ? rules : CLEANING_RULE_IDS.map((id) => ({ id, removes: id !== 'mojibake' }));
}

function FilesPane() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  // Once there are results the zone shrinks to one line and leaves the room to them.
  const compact = useStore((s) => s.importRows.length > 0);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not in React's attribute list; Chromium and Electron pick whole folders with it.
    folderRef.current?.setAttribute('webkitdirectory', '');
    filesRef.current?.focus();
  }, []);
  const onPicked = (input: HTMLInputElement) => {
    importPicked(pickedFromInput(input.files));
    input.value = '';
  };
  return (
    <div className={'imp-zone' + (compact ? ' compact' : '')}>
      <div className="imp-zone-icon" aria-hidden="true">
        ⇪
      </div>
      <div className="imp-zone-buttons">
        <button type="button" className="primary" data-testid="import-choose-files" onClick={() => filesRef.current?.click()}>
          {t('impChooseFiles')}
        </button>
        <button type="button" data-testid="import-choose-folder" onClick={() => folderRef.current?.click()}>
          {t('impChooseFolder')}
        </button>
      </div>
      <div className="imp-zone-text">
        <div className="imp-zone-hint">{t('impDropHint')}</div>
        <div className="imp-zone-formats">{fill(t('impFormats'), { max: bytes(MAX_IMPORT_BYTES, lang) })}</div>
      </div>
      <input ref={filesRef} type="file" multiple accept={IMPORT_ACCEPT} hidden data-testid="import-files-input" onChange={(e) => onPicked(e.currentTarget)} />
      <input ref={folderRef} type="file" multiple hidden data-testid="import-folder-input" onChange={(e) => onPicked(e.currentTarget)} />
    </div>
  );
}

function PastePane() {
  const t = useT();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await importPastedText(text, title);
    setBusy(false);
    if (ok) {
      setText('');
      setTitle('');
    }
  };
  return (
    <div className="imp-paste">
      <label className="imp-field">
        <span>{t('impPasteTitle')}</span>
        <input value={title} maxLength={200} placeholder={t('impPasteTitleHint')} data-testid="paste-title" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="imp-field grow">
        <span>{t('impPasteLabel')}</span>
        <textarea
          ref={ref}
          value={text}
          rows={9}
          placeholder={t('impPastePlaceholder')}
          data-testid="paste-text"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
      </label>
      <div className="imp-paste-foot">
        <span className="muted">{fill(t('impPasteCount'), { n: text.length.toLocaleString() })}</span>
        <button type="button" className="primary" disabled={!text.trim() || busy} data-testid="paste-import" onClick={() => void submit()}>
          {t('impPasteImport')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </div>
  );
}

function OptionsPane() {
  const t = useT();
  const rules = useRules();
  const choices = useStore((s) => s.importChoices);
  const setChoices = useStore((s) => s.setImportChoices);
  const on = rules.filter((r) => !choices.disabledRules.includes(r.id)).length;
  const toggle = (id: CleaningRuleId, enabled: boolean) =>
    setChoices({ disabledRules: enabled ? choices.disabledRules.filter((x) => x !== id) : [...choices.disabledRules, id] });
  const summary = fill(t('impOptionsSummary'), {
    on,
    all: rules.length,
    enc: choices.encoding === 'auto' ? t('impEncodingAuto') : encodingName(choices.encoding),
    split: choices.split ? t('impSplitOn') : t('impSplitOff'),
  });
  return (
    <details className="imp-options" data-testid="import-options">
      <summary>
        <span className="imp-options-title">{t('impOptions')}</span>
        <span className="imp-options-summary">{summary}</span>
      </summary>
      <div className="imp-options-body">
        <ul className="imp-rules">
          {rules.map((r) => (
            <li key={r.id}>
              <label>
                <input
                  type="checkbox"
                  data-testid="import-rule"
                  data-rule={r.id}
                  checked={!choices.disabledRules.includes(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
                <span className="imp-rule-text">
                  <span className="imp-rule-name">
                    {ruleName(t, r.id)}
                    {!r.removes && <span className="imp-tag">{t('impFlagOnly')}</span>}
                  </span>
                  <span className="imp-rule-hint">{ruleHint(t, r.id)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p className="imp-note">{t('impRulesHint')}</p>
        <div className="imp-option-row">
          <EncodingSelect className="imp-inline" value={choices.encoding} testId="import-encoding" onChange={(encoding) => setChoices({ encoding })} />
          <span className="imp-note inline">{t('impEncodingHint')}</span>
        </div>
        <label className="imp-check">
          <input type="checkbox" checked={choices.split} data-testid="import-split" onChange={(e) => setChoices({ split: e.target.checked })} />
          {t('impSplit')}
        </label>
      </div>
    </details>
  );
}

export function ImportDialog() {
  const t = useT();
  const open = useStore((s) => s.importOpen);
  const setOpen = useStore((s) => s.setImportOpen);
  const tab = useStore((s) => s.importTab);
  const setTab = useStore((s) => s.setImportTab);
  if (!open) return null;
  return (
    <div className="imp-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="imp-modal" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <header className="imp-head">
          <h2 id="import-title">{t('impTitle')}</h2>
          <div className="imp-tabs" role="tablist">
            {(['files', 'paste'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'on' : ''}
                data-testid={'import-tab-' + k}
                onClick={() => setTab(k)}
              >
                {k === 'files' ? t('impTabFiles') : t('impTabPaste')}
              </button>
            ))}
          </div>
          <button type="button" className="imp-x" aria-label={t('close')} title={t('close') + ' (Esc)'} onClick={() => setOpen(false)}>
            ×
          </button>
        </header>
        <div className="imp-body">
          {tab === 'files' ? <FilesPane /> : <PastePane />}
          <OptionsPane />
          <ImportProgress />
          <ImportResults />
        </div>
      </div>
    </div>
  );
}

/** The top-bar button; shows how far a running import is while the dialog is closed. */
export function ImportButton() {
  const t = useT();
  const running = useStore((s) => s.importRunning);
  const rows = useStore((s) => s.importRows);
  const done = rows.filter((r) => r.state === 'done' || r.state === 'cancelled').length;
  return (
    <button type="button" data-testid="import-open" title={t('impTitle') + ' (Ctrl+O)'} onClick={() => openImport()}>
      ⇪ {t('impButton')}
      {running && (
        <span className="imp-badge">
          {done}/{rows.length}
        </span>
      )}
    </button>
  );
}

/** The dialog, the drop target over the whole window, and Ctrl+O. */
export function ImportLayer() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useStore.getState();
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        if (s.importOpen) s.setImportOpen(false);
        else openImport();
      } else if (e.key === 'Escape' && s.importOpen) {
        s.setImportOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <ImportDialog />
      <DropOverlay onDrop={importPicked} />
    </>
  );
}

