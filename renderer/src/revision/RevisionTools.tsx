// The text-version buttons in the reader's header (edit the text; versions and replace from a file), the panels
// and summary they open under the document tools, and the window keys that go with them.
import { useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/domain';
import { useT } from '../i18n';
import { readerModeOf, useStore } from '../store';
import { enterEditMode, setMode, toggleVersions } from './actions';
import { DraftNotice } from './DraftNotice';
import { discardDraft, resumeDraft, useDraft } from './drafts';
import { ReplaceFromFile } from './ReplaceFromFile';
import { RevisionSummary } from './RevisionSummary';
import './revision.css';

/** "Versions ▾": the versions view, and replacing the text from a file (which makes a version too). */
function VersionsMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const replaceOpen = useStore((s) => s.replaceOpen);
  const setReplaceOpen = useStore((s) => s.setReplaceOpen);
  const setReaderPanel = useStore((s) => s.setReaderPanel);
  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const item = (label: string, keys: string, testId: string, run: () => void) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={testId}
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      <span>{label}</span>
      {keys && <kbd>{keys}</kbd>}
    </button>
  );
  return (
    <span className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={'doc-tool' + (open || replaceOpen ? ' on' : '')}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('verOpenTitle')}
        onClick={() => setOpen(!open)}
        data-testid="versions-menu"
      >
        {t('verTitle')}
        <span className="rev-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          className="row-menu rev-menu"
          role="menu"
          aria-label={t('verTitle')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
              const at = items.indexOf(document.activeElement as HTMLButtonElement);
              items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
            }
          }}
        >
          {item(t('verMenuOpen'), 'Ctrl+Shift+H', 'open-versions', () => setMode('versions'))}
          {item(t('revReplaceFromFile'), '', 'replace-from-file', () => {
            setReaderPanel(null);
            setReplaceOpen(true);
          })}
        </div>
      )}
    </span>
  );
}

export function RevisionTools() {
  const t = useT();
  return (
    <span className="rev-tools" role="group" aria-label={t('revToolsLabel')}>
      <button type="button" className="doc-tool rev-tool" onClick={enterEditMode} title={t('revEditTextTitle')} aria-keyshortcuts="Control+Shift+E" data-testid="edit-text">
        <span aria-hidden="true">✎</span>
        {t('revEditText')}
      </button>
      <VersionsMenu />
    </span>
  );
}

/** What the revision tools open under the document tools: unsaved corrections to resume, the replace panel, and the last revision's summary. */
export function RevisionPanels({ doc }: { doc: DocumentRecord }) {
  const replaceOpen = useStore((s) => s.replaceOpen);
  const readerPanel = useStore((s) => s.readerPanel);
  const setReplaceOpen = useStore((s) => s.setReplaceOpen);
  // One panel at a time under the tools: opening report, details, split or merge closes this one.
  useEffect(() => {
    if (readerPanel) setReplaceOpen(false);
  }, [readerPanel, setReplaceOpen]);
  useEffect(() => () => setReplaceOpen(false), [doc.id, setReplaceOpen]);
  const draft = useDraft(doc.id);
  return (
    <>
      {draft && <DraftNotice draft={draft} onResume={() => resumeDraft(doc.id)} onDiscard={() => discardDraft(doc.id)} />}
      {replaceOpen && <ReplaceFromFile doc={doc} />}
      <RevisionSummary doc={doc} />
    </>
  );
}

/** Ctrl+Shift+E edits the open document's text, Ctrl+Shift+H opens or closes its versions (edit mode handles its own keys). */
export function useRevisionShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || !e.shiftKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'e' && k !== 'h') return;
      const s = useStore.getState();
      if (!s.doc || s.analysisOpen || s.importOpen || s.exportOpen) return;
      const mode = readerModeOf(s);
      if (mode === 'edit') return;
      e.preventDefault();
      if (k === 'e') enterEditMode();
      else toggleVersions();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Opening another document shows it for reading: edit mode and the versions view belong to one document. */
export function useReaderModePerDocument(): void {
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (s.doc?.id !== prev.doc?.id && s.readerModeDocId !== null && s.readerModeDocId !== s.doc?.id) s.setReaderMode('read', null);
      }),
    [],
  );
}
