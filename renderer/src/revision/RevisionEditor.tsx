// Edit mode: the canonical text as an editable Lexical document, one block per paragraph. Characters are fixed
// in place, Enter splits a paragraph, Backspace at a paragraph's start merges it with the one before; what is
// pasted arrives as plain text. Highlights show as a light tint that moves with the text; on save the backend
// re-anchors every highlight against the new text.
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
import type { DocumentRecord } from '../../../shared/domain';
import { api } from '../api';
import { tNow, useT } from '../i18n';
import { count, fill } from '../lib/importFormat';
import { useStore } from '../store';
import { reloadOpenDocument, saveRevision, scrollToParagraph, setMode } from './actions';
import { $editorText, $fillEditor } from './editorContent';
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

/** Hands the editor out, reports whether the text differs from the saved one, and places the caret on open. */
function EditorBridge({
  editorRef,
  original,
  paragraph,
  onChange,
}: {
  editorRef: React.MutableRefObject<LexicalEditor | null>;
  original: string;
  paragraph: number;
  onChange: (text: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  editorRef.current = editor;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(editor.getEditorState().read($editorText)), CHANGE_CHECK_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, original, onChange]);
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

export function RevisionEditor({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const editorRef = useRef<LexicalEditor | null>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const original = doc.text;
  // Unsaved text left behind when another document was opened comes back as it was typed.
  const [draft] = useState(() => {
    const d = useStore.getState().revisionDraft;
    return d && d.documentId === doc.id && d.text !== original ? d : null;
  });
  const [paragraph] = useState(() => useStore.getState().readerModeParagraph);
  const [base, setBase] = useState<number | undefined>(draft?.baseVersion);
  const baseRef = useRef(base);
  baseRef.current = base;
  const [length, setLength] = useState((draft?.text ?? original).length);
  const [changed, setChanged] = useState(draft !== null);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  // Left through save or discard; otherwise (another document opened) unsaved text is kept as a draft.
  const finished = useRef(false);
  // A save was refused because the text changed elsewhere meanwhile.
  const stale = useRef(false);

  useEffect(() => {
    if (draft) return;
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
  }, [doc.id, draft]);

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
        if (draft) $fillEditor(draft.text, [], []);
        else $fillEditor(doc.text, useStore.getState().annotations, doc.marks);
      },
    }),
    // Built once: the composer is keyed by the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const onChange = useCallback(
    (text: string) => {
      setLength(text.length);
      setChanged(text !== original);
    },
    [original],
  );

  const currentText = useCallback(() => editorRef.current?.getEditorState().read($editorText) ?? original, [original]);

  const focusEditor = () => editorRef.current?.focus();

  const save = useCallback(async () => {
    if (saving) return;
    const text = currentText();
    if (text === original) {
      finished.current = true;
      useStore.getState().setRevisionDraft(null);
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
    const outcome = await saveRevision(doc, text, baseRef.current);
    if (outcome !== 'saved') {
      finished.current = false;
      stale.current ||= outcome === 'conflict';
      setSaving(false);
    }
  }, [saving, currentText, original, doc, t]);

  const discard = useCallback(() => {
    finished.current = true;
    useStore.getState().setRevisionDraft(null);
    setMode('read');
    // A newer version was saved elsewhere while editing: read it, not the text this edit started from.
    if (stale.current) void reloadOpenDocument();
  }, []);

  const cancel = useCallback(() => {
    if (currentText() !== original) setConfirming(true);
    else discard();
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

  // Opening another document while editing keeps the typed text as a draft instead of losing it.
  useEffect(
    () => () => {
      if (finished.current) return;
      const text = editorRef.current?.getEditorState().read($editorText);
      if (text === undefined || text === original) return;
      const s = useStore.getState();
      s.setRevisionDraft({ documentId: doc.id, text, baseVersion: baseRef.current });
      s.pushToast('info', fill(tNow('revDraftKept'), { title: doc.title }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const lengthNote = fill(t('revLength'), { from: count(original.length, lang), to: count(length, lang) });
  const status = saving ? t('revSaving') : changed ? t('revChanged') : t('revUnchanged');

  return (
    <div className="reader-scroll revision-view" ref={viewRef} data-testid="revision-view">
      <div className="rev-bar" role="toolbar" aria-label={t('revEditing')}>
        <div className="rev-bar-state">
          <span className="rev-bar-title">{t('revEditing')}</span>
          <span className={'rev-status' + (changed ? ' changed' : '')} data-testid="revision-status" aria-live="polite">
            {status}
            {changed && !saving && <span className="muted"> · {lengthNote}</span>}
          </span>
        </div>
        {confirming ? (
          <div className="rev-bar-actions rev-confirm" role="alertdialog" aria-label={t('revDiscardQuestion')}>
            <span className="rev-confirm-q">{t('revDiscardQuestion')}</span>
            <button ref={keepRef} type="button" onClick={() => (setConfirming(false), focusEditor())} data-testid="revision-keep">
              {t('revKeepEditing')}
            </button>
            <button type="button" className="danger" onClick={discard} data-testid="revision-discard">
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
          <p className="rev-banner" data-testid="revision-banner">
            {draft ? (
              t('revDraftBanner')
            ) : (
              <>
                {t('revBannerEdit')}{' '}
                <mark className="rev-hl rev-legend">{t('revBannerTint')}</mark>
                {t('revBannerAnchors')}
              </>
            )}
          </p>
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
          <EditorBridge editorRef={editorRef} original={original} paragraph={paragraph} onChange={onChange} />
        </LexicalComposer>
      </article>
    </div>
  );
}
