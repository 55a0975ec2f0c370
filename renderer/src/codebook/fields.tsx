// Small inputs that commit once (on change of a colour, on blur or Enter of a text), so that each edit is one undo step.
import { useEffect, useRef, useState } from 'react';

/** Colour input committing on the native change event (not on every input while dragging). */
export function ColorInput({ value, onCommit, testId, label }: { value: string; onCommit: (v: string) => void; testId?: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const cb = useRef(onCommit);
  cb.current = onCommit;
  useEffect(() => {
    if (ref.current) ref.current.value = value;
  }, [value]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const h = () => cb.current(el.value);
    el.addEventListener('change', h);
    return () => el.removeEventListener('change', h);
  }, []);
  return <input ref={ref} type="color" defaultValue={value} data-testid={testId} aria-label={label} title={label} className="color-input" />;
}

interface InlineTextProps {
  value: string;
  onCommit: (v: string) => void;
  className?: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  label?: string;
  autoFocus?: boolean;
  /** Called after a commit or a cancel (Esc), e.g. to leave rename mode. */
  onDone?: () => void;
}

export function InlineText({ value, onCommit, className, multiline, placeholder, testId, label, autoFocus, onDone }: InlineTextProps) {
  const [v, setV] = useState(value);
  const cancelled = useRef(false);
  useEffect(() => setV(value), [value]);
  const commit = () => {
    if (cancelled.current) return;
    const nv = multiline ? v : v.trim();
    if (nv !== value && (multiline || nv)) onCommit(nv);
    else setV(value);
    onDone?.();
  };
  if (multiline)
    return (
      <textarea
        className={className}
        value={v}
        rows={2}
        placeholder={placeholder}
        aria-label={label ?? placeholder}
        data-testid={testId}
        onChange={(e) => setV(e.target.value)}
        onBlur={commit}
      />
    );
  return (
    <input
      className={className}
      value={v}
      placeholder={placeholder}
      aria-label={label ?? placeholder}
      data-testid={testId}
      autoFocus={autoFocus}
      maxLength={200}
      onChange={(e) => setV(e.target.value)}
      onBlur={commit}
      onFocus={(e) => autoFocus && e.target.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          setV(value);
          e.preventDefault();
          if (onDone) {
            cancelled.current = true;
            onDone();
          }
        }
      }}
    />
  );
}
