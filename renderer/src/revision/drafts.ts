// Drafts of edit mode in the renderer: the open document's draft read from the library, offered to resume
// or discard (discarding is undoable), and the keeper that writes the editor's text a second after typing
// pauses, or at once when the window is left, so that a crash or a closed window loses nothing.
import { useEffect } from 'react';
import type { DocumentDraft, DraftStatus, TextMark } from '../../../shared/domain';
import { diffTexts, mapRange } from '../../../shared/textChanges';
import { guard, record } from '../actions';
import { api } from '../api';
import { tNow } from '../i18n';
import { useStore } from '../store';
import { enterEditMode } from './actions';
import type { Span } from './editorContent';

const st = () => useStore.getState();

/** The pause in typing after which the text is written to the library. */
export const DRAFT_DELAY_MS = 1000;
/** After a failed write, the next try (unless typing asks sooner). */
const RETRY_MS = 5000;

function setSlot(documentId: string, draft: DocumentDraft | null): void {
  st().setDraftSlot({ documentId, draft });
}

export async function loadDraft(documentId: string): Promise<void> {
  try {
    const draft = await api['drafts.get']({ documentId });
    if (st().doc?.id === documentId) setSlot(documentId, draft);
  } catch (err) {
    // The draft is an aid: a failure to read it leaves reading and editing as they are.
    console.error(err);
  }
}

/** The document's draft: undefined until read (once per document opened), then the draft or null. */
export function useDraft(documentId: string): DocumentDraft | null | undefined {
  const slot = useStore((s) => s.draftSlot);
  useEffect(() => {
    if (st().draftSlot?.documentId !== documentId) void loadDraft(documentId);
  }, [documentId]);
  return slot?.documentId === documentId ? slot.draft : undefined;
}

/** Edit mode, opened on the draft's text. */
export function resumeDraft(documentId: string): void {
  st().setResumeDraftOf(documentId);
  enterEditMode();
}

/** Sets the document's draft aside; Ctrl+Z brings it back. Whether there was one; undefined when that failed. */
export async function discardDraft(documentId: string): Promise<boolean | undefined> {
  const gone = await guard(() => api['drafts.discard']({ documentId }));
  if (gone === undefined) return undefined;
  if (st().draftSlot?.documentId === documentId) setSlot(documentId, null);
  if (!gone) return false;
  record(
    'revDraftDiscardLabel',
    async () => {
      try {
        await api['drafts.restore']({ documentId, id: gone.id });
      } catch (err) {
        if ((err as { code?: string } | null)?.code === 'conflict') throw new Error(tNow('revDraftRestoreConflict'));
        throw err;
      }
      await loadDraft(documentId);
    },
    async () => {
      await api['drafts.discard']({ documentId });
      if (st().draftSlot?.documentId === documentId) setSlot(documentId, null);
    },
  );
  st().pushToast('info', tNow('revDraftDiscarded'));
  return true;
}

/** The highlights and headings of the current text, carried into the draft's text (to show them in the editor). */
export function draftLayout(
  currentText: string,
  draftText: string,
  highlights: readonly Span[],
  marks: readonly TextMark[],
): { highlighted: Span[]; marks: TextMark[] } {
  const diff = diffTexts(currentText, draftText);
  return {
    highlighted: highlights.flatMap((h) => mapRange(diff, h.start, h.end) ?? []),
    marks: marks.flatMap((m) => {
      const r = mapRange(diff, m.start, m.end);
      return r ? [{ ...m, ...r }] : [];
    }),
  };
}

export type DraftSaveState = { kind: 'none' } | { kind: 'saved'; at: string } | { kind: 'failed' };

export interface DraftInput {
  text: string;
  baseVersion: number;
}

/**
 * Writes the editor's text as the document's draft a second after the last change, one write at a time.
 * `read` gives the text and the version it is based on, or null while that version is not known yet.
 */
export class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly documentId: string,
    private readonly read: () => DraftInput | null,
    private readonly report: (state: DraftSaveState) => void,
  ) {}

  /** The text changed: write it once typing pauses. */
  changed(): void {
    this.pending = true;
    this.later(DRAFT_DELAY_MS);
  }

  /** Writes what is pending now (the window left, another document opened); resolves when written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.pending) return this.writes;
    const input = this.read();
    if (!input) {
      this.later(DRAFT_DELAY_MS);
      return this.writes;
    }
    this.pending = false;
    this.writes = this.writes.then(() => this.write(input));
    return this.writes;
  }

  /** Drops what is pending and waits for a write under way: before saving a version or discarding. */
  async settle(): Promise<void> {
    clearTimeout(this.timer);
    this.pending = false;
    await this.writes;
  }

  private later(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async write(input: DraftInput): Promise<void> {
    let status: DraftStatus | null;
    try {
      status = await api['drafts.save']({ documentId: this.documentId, text: input.text, baseVersion: input.baseVersion });
    } catch (err) {
      console.error(err);
      this.report({ kind: 'failed' });
      if (!this.pending) {
        this.pending = true;
        this.later(RETRY_MS);
      }
      return;
    }
    if (st().doc?.id === this.documentId) setSlot(this.documentId, status && { ...status, text: input.text });
    this.report(status ? { kind: 'saved', at: status.modifiedAt } : { kind: 'none' });
  }
}
