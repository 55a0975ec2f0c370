// The frame every modal dialog shares: backdrop, title bar with a close button, focus taken on open and
// given back on close, Esc to close, Tab kept inside.
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';

/** Tab and Shift+Tab cycle inside the dialog instead of leaving it for the page behind. */
function keepFocusInside(e: ReactKeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)')].filter(
    (el) => el.offsetParent !== null && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

interface ModalProps {
  title: string;
  /** The id of the title, for aria-labelledby. */
  titleId: string;
  onClose(): void;
  /** Class names of the dialog box, its title bar, and (beside the shared one) the backdrop. */
  className: string;
  headerClassName: string;
  backdropClassName?: string;
  testId?: string;
  closeTestId?: string;
  /** Selector of the element that takes the focus when the dialog opens. */
  initialFocus: string;
  /** The dialog's own keys (e.g. Ctrl+Enter to save); Esc and Tab are handled here. */
  onKeyDown?(e: ReactKeyboardEvent): void;
  children: ReactNode;
}

/** Render it only while open: focus moves in when it mounts and back to where it was when it unmounts. */
export function Modal({ title, titleId, onClose, className, headerClassName, backdropClassName, testId, closeTestId, initialFocus, onKeyDown, children }: ModalProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.querySelector<HTMLElement>(initialFocus)?.focus();
    return () => before?.focus();
    // The focus is taken once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={'imp-backdrop' + (backdropClassName ? ' ' + backdropClassName : '')} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className={className}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            keepFocusInside(e, dialogRef.current);
          } else {
            onKeyDown?.(e);
          }
        }}
      >
        <header className={headerClassName}>
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="imp-x" aria-label={t('close')} title={t('close') + ' (Esc)'} data-testid={closeTestId} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
