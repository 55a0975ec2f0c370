import { $toggleLink, AutoLinkNode, LinkNode } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  type BaseSelection,
  type EditorState,
} from 'lexical';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/domain';
import { saveNote } from '../actions';
import { useT } from '../i18n';

type SaveState = 'saved' | 'dirty' | 'saving';

const editorTheme = {
  paragraph: 'note-p',
  quote: 'note-quote',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li' },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline' },
};

function validUrl(url: string): string | null {
  const u = url.trim();
  if (!u) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(u) ? u : 'https://' + u;
  try {
    const parsed = new URL(withScheme);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function Toolbar() {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('');
  const saved = useRef<BaseSelection | null>(null);

  const openLink = () => {
    editor.getEditorState().read(() => {
      const sel = $getSelection();
      saved.current = sel ? sel.clone() : null;
    });
    setLinkOpen((v) => !v);
  };
  const applyLink = () => {
    const href = url.trim() ? validUrl(url) : null;
    editor.update(() => {
      if (saved.current) $setSelection(saved.current.clone());
      const sel = $getSelection();
      if ($isRangeSelection(sel)) $toggleLink(href);
    });
    setLinkOpen(false);
    setUrl('');
    editor.focus();
  };
  const btn = (label: string, title: string, onClick: () => void, cls = '') => (
    <button type="button" className={'tb ' + cls} title={title} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="note-toolbar">
      {btn('B', t('bold'), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'b')}
      {btn('I', t('italic'), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), 'i')}
      {btn('•', t('bullets'), () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined))}
      {btn('1.', t('numbers'), () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined))}
      {btn(t('link'), t('link'), openLink)}
      {linkOpen && (
        <input
          className="link-input"
          autoFocus
          value={url}
          placeholder={t('linkPlaceholder')}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              applyLink();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setLinkOpen(false);
            }
          }}
        />
      )}
    </div>
  );
}

function serialize(state: EditorState): { noteJson: string | null; noteText: string } {
  const noteText = state.read(() => $getRoot().getTextContent());
  const empty = state.read(() => {
    const root = $getRoot();
    return root.getTextContent().trim() === '' && root.getChildrenSize() <= 1;
  });
  return { noteJson: empty ? null : JSON.stringify(state.toJSON()), noteText };
}

type SaveFn = (json: string | null, text: string) => Promise<boolean>;

function AutoSave({ save, initial, onState }: { save: SaveFn; initial: string | null; onState: (s: SaveState) => void }) {
  const [editor] = useLexicalComposerContext();
  const timer = useRef<number | null>(null);
  const pending = useRef<EditorState | null>(null);
  const lastSaved = useRef<string | null>(initial);
  const onStateRef = useRef(onState);
  onStateRef.current = onState;
  // The save target is fixed for the editor's life (its composer is keyed by what it edits).
  const saveRef = useRef(save);

  useEffect(() => {
    const flush = () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      const state = pending.current;
      if (!state) return;
      pending.current = null;
      const { noteJson, noteText } = serialize(state);
      if (noteJson === lastSaved.current) {
        onStateRef.current('saved');
        return;
      }
      lastSaved.current = noteJson;
      onStateRef.current('saving');
      void saveRef.current(noteJson, noteText).then((ok) => {
        if (!pending.current) onStateRef.current(ok ? 'saved' : 'dirty');
      });
    };
    const unUpdate = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (serialize(editorState).noteJson === lastSaved.current && !pending.current) return;
      pending.current = editorState;
      onStateRef.current('dirty');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, 400);
    });
    const root = editor.getRootElement();
    const unRoot = editor.registerRootListener((el, prev) => {
      prev?.removeEventListener('blur', flush);
      el?.addEventListener('blur', flush);
    });
    root?.addEventListener('blur', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      unUpdate();
      unRoot();
      editor.getRootElement()?.removeEventListener('blur', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [editor]);
  return null;
}

interface RichTextEditorProps {
  /** Lexical JSON to start from; read once (key the editor by what it edits). */
  initialJson: string | null;
  save: SaveFn;
  title: string;
  placeholder: string;
  testId: string;
  className?: string;
}

/** The rich-text editor of notes and memos: bold, italic, lists, links; saves itself after a pause and on blur. */
export function RichTextEditor({ initialJson, save, title, placeholder, testId, className }: RichTextEditorProps) {
  const t = useT();
  const [state, setState] = useState<SaveState>('saved');
  const initialConfig = useMemo(
    () => ({
      namespace: 'pizhu-note',
      theme: editorTheme,
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode],
      editorState: initialJson ?? undefined,
      onError: (e: Error) => console.error(e),
    }),
    // Built once per editor (the composer is keyed by what it edits).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <div className={'note' + (className ? ' ' + className : '')}>
      <div className="note-head">
        <span className="section-title">{title}</span>
        <span className={'save-state ' + state} data-testid="save-state">
          {state === 'saved' ? t('saved') : state === 'saving' ? t('saving') : t('unsaved')}
        </span>
      </div>
      <LexicalComposer initialConfig={initialConfig}>
        <Toolbar />
        <div className="note-body">
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-editor" data-testid={testId} aria-label={title} />}
            placeholder={<div className="note-placeholder">{placeholder}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(u) => validUrl(u) !== null} />
        <AutoSave save={save} initial={initialJson} onState={setState} />
      </LexicalComposer>
    </div>
  );
}

export function NoteEditor({ annotation }: { annotation: Annotation }) {
  const t = useT();
  return (
    <RichTextEditor
      initialJson={annotation.noteJson}
      save={(json, text) => saveNote(annotation.id, json, text)}
      title={t('note')}
      placeholder={t('notePlaceholder')}
      testId="note-editor"
    />
  );
}
