// Edit mode: the canonical text as an editable Lexical document, one block per paragraph. Characters are fixed
// in place, Enter splits a paragraph, Backspace at a paragraph's start merges it with the one before; what is
// pasted arrives as plain text. Highlights show as a light tint that moves with the text; on save the backend
// re-anchors every highlight against the new text. The typed text is kept on disk as a draft (./drafts.ts) until
// it is saved as a version or discarded; a draft from before is offered to resume or discard.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode } from '@lexical/rich-text';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  SET_TEXT_FORMAT_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDraft, DocumentRecord } from '../../../shared/domain';
import { guard } from '../actions';
import { api } from '../api';
import { tNow, useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import { reloadOpenDocument, saveRevision, scrollToParagraph, setMode } from './actions';
import { DraftNotice } from './DraftNotice';
import { DraftKeeper, discardDraft, draftLayout, useDraft, type DraftSaveState } from './drafts';
import { $editorText, $fillEditor } from './editorContent';
import { formatClock, formatWhen } from './format';
import './revision.css';

const EDITOR_SELECTOR = '[data-testid="revision-editor"]';
/** The sticky bar's height: a paragraph brought to the top must not hide under it. */
const BAR_PX = 64;
const CHANGE_CHECK_MS = 250;

/** Keeps the text plain: no formatting, indenting or soft line breaks; pasted text comes in as paragraphs. */
function PlainEditing() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(FORMAT_TEXT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(SET_TEXT_FORMAT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(FORMAT_ELEMENT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(INDENT_CONTENT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(OUTDENT_CONTENT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        // Shift+Enter: a line break would become a paragraph break on save anyway, so make it one now.
        editor.registerCommand(
          INSERT_LINE_BREAK_COMMAND,
          () => {
            const sel = $getSelection();
            if ($isRangeSelection(sel)) sel.insertParagraph();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const text = 'clipboardData' in event ? event.clipboardData?.getData('text/plain') : null;
            if (text == null) return false;
            event.preventDefault();
            const lines = text.replace(/\r\n?/g, '\n').split('\n');
            lines.forEach((line, i) => {
              const sel = $getSelection();
              if (!$isRangeSelection(sel)) return;
              if (i > 0) sel.insertParagraph();
              const next = $getSelection();
              if ($isRangeSelection(next) && line) next.insertText(line);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}

/** Hands the editor out, reports edits (at once, and the text once typing pauses), and places the caret on open. */
function EditorBridge({
  editorRef,
  original,
  paragraph,
  onEdit,
  onChange,
}: {
  editorRef: React.MutableRefObject<LexicalEditor | null>;
  original: string;
  paragraph: number;
  onEdit: () => void;
  onChange: (text: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  editorRef.current = editor;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      onEdit();
      clearTimeout(timer);
      timer = setTimeout(() => onChange(editor.getEditorState().read($editorText)), CHANGE_CHECK_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, original, onEdit, onChange]);
  useEffect(() => {
    editor.update(() => {
      const root = $getRoot();
      (root.getChildAtIndex(paragraph) ?? root.getFirstChild())?.selectStart();
    });
    editor.focus(() => scrollToParagraph(EDITOR_SELECTOR, paragraph, BAR_PX));
    performance.mark('pizhu-edit-ready');
    // Opened once, at the paragraph the reader showed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return null;
}

/**
 * Whose draft the editor writes: 'unknown' until the stored one is read; 'offer' while a draft from before waits
 * for Resume or Discard (nothing is written over it meanwhile); 'own' once this session's text is the draft.
 */
type DraftClaim = 'unknown' | 'offer' | 'own';

/** The draft as the editor shows it: its text, with the highlights and headings carried over from the current text. */
function $fillWithDraft(doc: DocumentRecord, draft: DocumentDraft): void {
  const layout = draftLayout(doc.text, draft.text, useStore.getState().annotations, doc.marks);
  $fillEditor(draft.text, layout.highlighted, layout.marks);
}

export function RevisionEditor({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const editorRef = useRef<LexicalEditor | null>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const original = doc.text;
  // Opened through Resume: the stored draft's text, as it was typed.
  const [opened] = useState(() => {
    const s = useStore.getState();
    const slot = s.draftSlot;
    return s.resumeDraftOf === doc.id && slot?.documentId === doc.id && slot.draft ? slot.draft : null;
  });
  const [resumed, setResumed] = useState<DocumentDraft | null>(opened);
  const [offer, setOffer] = useState<DocumentDraft | null>(null);
  const claim = useRef<DraftClaim>(opened ? 'own' : 'unknown');
  const stored = useDraft(doc.id);
  const [paragraph] = useState(() => useStore.getState().readerModeParagraph);
  const [base, setBase] = useState<number | undefined>(undefined);
  const baseRef = useRef(base);
  baseRef.current = base;
  const [length, setLength] = useState((opened?.text ?? original).length);
  const [changed, setChanged] = useState(opened !== null && opened.text !== original);
  const [draftState, setDraftState] = useState<DraftSaveState>(opened ? { kind: 'saved', at: opened.modifiedAt } : { kind: 'none' });
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  // Left through save or discard; otherwise (another document opened) the draft stays for next time.
  const finished = useRef(false);
  // A save was refused because the text changed elsewhere meanwhile.
  const stale = useRef(false);

  const currentText = useCallback(() => editorRef.current?.getEditorState().read($editorText) ?? original, [original]);

  const keeper = useMemo(
    () =>
      new DraftKeeper(
        doc.id,
        () => (baseRef.current === undefined || !editorRef.current ? null : { text: currentText(), baseVersion: baseRef.current }),
        setDraftState,
      ),
    // One keeper per editor: the composer is keyed by the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    if (!opened) return;
    useStore.getState().setResumeDraftOf(null);
    // Resumed over a newer version: carried onto it (written as soon as that version is known).
    if (opened.stale) keeper.changed();
  }, [opened, keeper]);

  // The draft from before, once read: offered, unless this editor was opened on it.
  useEffect(() => {
    if (stored === undefined || claim.current !== 'unknown') return;
    if (stored && stored.text !== original) {
      claim.current = 'offer';
      setOffer(stored);
    } else {
      claim.current = 'own';
      if (currentText() !== original) keeper.changed();
    }
  }, [stored, original, currentText, keeper]);

  // The version this edit is based on: the current one (a resumed draft is carried onto it).
  useEffect(() => {
    let live = true;
    api['versions.list']({ documentId: doc.id })
      .then((versions) => {
        const current = versions.find((v) => v.current) ?? versions.reduce((a, v) => (v.number > a.number ? v : a), versions[0]);
        if (live && current) setBase(current.number);
      })
      .catch((err) => console.error(err));
    return () => {
      live = false;
    };
  }, [doc.id]);

  const initialConfig = useMemo(
    () => ({
      namespace: 'pizhu-revise',
      nodes: [HeadingNode],
      editable: true,
      theme: {
        paragraph: 'rev-p',
        heading: { h2: 'rev-heading rev-h1', h3: 'rev-heading rev-h2', h4: 'rev-heading rev-h3' },
        text: { highlight: 'rev-hl' },
      },
      onError: (e: Error) => console.error(e),
      editorState: () => {
        if (opened) $fillWithDraft(doc, opened);
        else $fillEditor(doc.text, useStore.getState().annotations, doc.marks);
      },
    }),
    // Built once: the composer is keyed by the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const onEdit = useCallback(() => {
    if (claim.current === 'own' && !finished.current) keeper.changed();
  }, [keeper]);

  const onChange = useCallback(
    (text: string) => {
      setLength(text.length);
      setChanged(text !== original);
    },
    [original],
  );

  const focusEditor = () => editorRef.current?.focus();

  const resumeHere = useCallback(() => {
    if (!offer) return;
    claim.current = 'own';
    setResumed(offer);
    setOffer(null);
    // The edit that puts the draft back is written at once, now based on the current version.
    editorRef.current?.update(() => $fillWithDraft(doc, offer));
    editorRef.current?.focus();
  }, [offer, doc]);

  const discardOffer = useCallback(async () => {
    if ((await discardDraft(doc.id)) === undefined) return;
    claim.current = 'own';
    setOffer(null);
    if (currentText() !== original) keeper.changed();
    editorRef.current?.focus();
  }, [doc.id, currentText, original, keeper]);

  /** Removes this session's draft when leaving: silently when the text is back as it was, else undoably. */
  const dropOwnDraft = useCallback(
    async (text: string) => {
      await keeper.settle();
      if (claim.current !== 'own') return;
      if (text !== original) await discardDraft(doc.id);
      else if (useStore.getState().draftSlot?.draft) {
        await guard(() => api['drafts.discard']({ documentId: doc.id }));
        useStore.getState().setDraftSlot({ documentId: doc.id, draft: null });
      }
    },
    [keeper, original, doc.id],
  );

  const save = useCallback(async () => {
    if (saving) return;
    const text = currentText();
    if (text === original) {
      finished.current = true;
      await dropOwnDraft(text);
      setMode('read');
      useStore.getState().pushToast('info', t('revNoChanges'));
      return;
    }
    if (!text.trim()) {
      useStore.getState().pushToast('error', t('revEmpty'));
      return;
    }
    setSaving(true);
    finished.current = true;
    // A draft write under way lands before the version that removes the draft.
    await keeper.settle();
    // Saved without resuming the draft on offer: it is set aside (undoable), not removed with the save.
    if (claim.current === 'offer' && (await discardDraft(doc.id)) !== undefined) {
      claim.current = 'own';
      setOffer(null);
    }
    const outcome = await saveRevision(doc, text, baseRef.current);
    if (outcome !== 'saved') {
      finished.current = false;
      stale.current ||= outcome === 'conflict';
      setSaving(false);
      // The text stays in the editor, and on disk.
      if (claim.current === 'own') keeper.changed();
    }
  }, [saving, currentText, original, doc, t, keeper, dropOwnDraft]);

  const discard = useCallback(async () => {
    finished.current = true;
    // The draft goes before the reader comes back, so that the reader does not offer it again.
    await dropOwnDraft(currentText());
    setMode('read');
    // A newer version was saved elsewhere while editing: read it, not the text this edit started from.
    if (stale.current) void reloadOpenDocument();
  }, [currentText, dropOwnDraft]);

  const cancel = useCallback(() => {
    if (currentText() !== original) setConfirming(true);
    else void discard();
  }, [currentText, original, discard]);

  // The question takes focus (after the key that asked it has been handled by the editor).
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) requestAnimationFrame(() => keepRef.current?.focus());
  }, [confirming]);

  const keys = useRef({ save, cancel, confirming });
  keys.current = { save, cancel, confirming };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && !e.shiftKey && !e.altKey && k === 's') {
        e.preventDefault();
        void keys.current.save();
        return;
      }
      // The find bar searches the reader, which is not on screen while editing.
      if (mod && !e.altKey && ((k === 'f' && !e.shiftKey) || k === 'g')) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const s = useStore.getState();
      if (s.exportOpen || s.helpOpen || s.importOpen) return;
      const inView = e.target === document.body || (e.target instanceof Node && viewRef.current?.contains(e.target));
      const leave = (e.key === 'Escape' && inView) || (mod && e.shiftKey && !e.altKey && k === 'e');
      if (!leave) return;
      e.preventDefault();
      e.stopPropagation();
      if (keys.current.confirming) {
        setConfirming(false);
        editorRef.current?.focus();
      } else keys.current.cancel();
    };
    // Capture: the window-wide Ctrl+Shift+E (enter edit mode) must not see the key that leaves it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // Leaving the window (another application, a hidden tab, the window closing) writes the draft at once.
  useEffect(() => {
    const leave = () => void keeper.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('blur', leave);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('blur', leave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [keeper]);

  // Opening another document while editing keeps the typed text as the draft, written now.
  useEffect(
    () => () => {
      if (finished.current) return;
      void keeper.flush();
      const text = editorRef.current?.getEditorState().read($editorText);
      if (claim.current !== 'own' || text === undefined || text === original) return;
      useStore.getState().pushToast('info', fill(tNow('revDraftKept'), { title: doc.title }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const lengthNote = fill(t('revLength'), { from: count(original.length, lang), to: count(length, lang) });
  const status = saving ? t('revSaving') : changed ? t('revChanged') : t('revUnchanged');
  const resumedVersions = resumed && { current: resumed.currentVersion, next: resumed.currentVersion + 1 };

  return (
    <div className="reader-scroll revision-view" ref={viewRef} data-testid="revision-view">
      <div className="rev-bar" role="toolbar" aria-label={t('revEditing')}>
        <div className="rev-bar-state">
          <span className="rev-bar-title">{t('revEditing')}</span>
          <span className={'rev-status' + (changed ? ' changed' : '')} data-testid="revision-status" aria-live="polite">
            {status}
            {changed && !saving && <span className="muted"> · {lengthNote}</span>}
          </span>
          {draftState.kind !== 'none' && (
            <span className={'rev-draft-state ' + draftState.kind} data-testid="draft-status" title={t('revDraftSavedTitle')}>
              {draftState.kind === 'saved' ? fill(t('revDraftSaved'), { time: formatClock(draftState.at, lang) }) : t('revDraftNotSaved')}
            </span>
          )}
        </div>
        {confirming ? (
          <div className="rev-bar-actions rev-confirm" role="alertdialog" aria-label={t('revDiscardQuestion')}>
            <span className="rev-confirm-q">{t('revDiscardQuestion')}</span>
            <button ref={keepRef} type="button" onClick={() => (setConfirming(false), focusEditor())} data-testid="revision-keep">
              {t('revKeepEditing')}
            </button>
            <button type="button" className="danger" onClick={() => void discard()} data-testid="revision-discard">
              {t('revDiscard')}
            </button>
          </div>
        ) : (
          <div className="rev-bar-actions">
            <button type="button" onClick={cancel} disabled={saving} title={t('revCancelTitle')} data-testid="revision-cancel">
              {t('cancel')} <kbd>Esc</kbd>
            </button>
            <button type="button" className="primary" onClick={() => void save()} disabled={saving} data-testid="revision-save" title={t('revSaveTitle')}>
              {base ? fill(t('revSaveAs'), { n: base + 1 }) : t('revSave')} <kbd>Ctrl+S</kbd>
            </button>
          </div>
        )}
      </div>
      <article className="reader-article">
        <header className="reader-header rev-header">
          <h1>{doc.title || t('untitled')}</h1>
          {offer ? (
            <DraftNotice draft={offer} inEditor onResume={resumeHere} onDiscard={discardOffer} />
          ) : (
            <p className="rev-banner" data-testid="revision-banner">
              {resumed ? (
                <>
                  {fill(t('revDraftResumed'), { time: formatWhen(resumed.modifiedAt, lang, t('revToday')) })}
                  {resumed.stale && resumedVersions && <span className="rev-draft-stale"> {fill(t('revDraftResumedStale'), resumedVersions)}</span>}
                </>
              ) : (
                <>
                  {t('revBannerEdit')}{' '}
                  <mark className="rev-hl rev-legend">{t('revBannerTint')}</mark>
                  {t('revBannerAnchors')}
                </>
              )}
            </p>
          )}
        </header>
        <LexicalComposer initialConfig={initialConfig}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable className="revision-text" data-testid="revision-editor" aria-label={t('revEditorLabel')} aria-multiline="true" spellCheck={false} />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <HistoryPlugin />
          <PlainEditing />
          <EditorBridge editorRef={editorRef} original={original} paragraph={paragraph} onEdit={onEdit} onChange={onChange} />
        </LexicalComposer>
      </article>
    </div>
  );
}
