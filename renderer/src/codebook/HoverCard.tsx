// A card listing the highlights under the pointer in the reader: their themes (with the parent path) and the
// start of their notes. Overlapping highlights are hard to tell apart by colour alone; this names them.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Annotation, Theme } from '../../../shared/domain';
import { useT } from '../i18n';
import { offsetAtPoint, rangeFor } from '../lib/domOffsets';
import { useStore } from '../store';

const SHOW_DELAY_MS = 280;
const MAX_LISTED = 4;
const NOTE_CHARS = 140;
const QUOTE_CHARS = 28;

interface Shown {
  ids: string[];
  x: number;
  y: number;
}

/** The character under a viewport point, or null when the point is between lines or in a margin. */
function charAtPoint(root: HTMLElement, starts: readonly number[], x: number, y: number): number | null {
  const o = offsetAtPoint(root, starts, x, y);
  if (o === null) return null;
  // The caret lands before or after the character, depending on which half the pointer is in.
  for (const c of [o, o - 1]) {
    if (c < 0) continue;
    const r = rangeFor(root, starts, c, c + 1);
    if (!r) continue;
    for (const box of r.getClientRects()) {
      if (x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 2 && y <= box.bottom + 2) return c;
    }
  }
  return null;
}

/** A record time as the reader's local date and minute. */
export function formatStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function themePath(theme: Theme, byId: Map<string, Theme>): string {
  const names = [theme.name];
  for (let p = theme.parentId ? byId.get(theme.parentId) : undefined; p && names.length < 6; p = p.parentId ? byId.get(p.parentId) : undefined) names.unshift(p.name);
  return names.join(' › ');
}

function Entry({ a, byId }: { a: Annotation; byId: Map<string, Theme> }) {
  const t = useT();
  const themes = a.themeIds.map((id) => byId.get(id)).filter((x): x is Theme => Boolean(x));
  const note = a.noteText.trim();
  return (
    <li className="hc-entry" data-testid="hover-entry">
      <div className="hc-themes">
        {themes.length === 0 && (
          <span className="hc-theme">
            <span className="swatch plain" />
            {t('plainHighlight')}
          </span>
        )}
        {themes.map((th) => (
          <span key={th.id} className="hc-theme" data-testid="hover-theme">
            <span className="swatch" style={{ background: th.color }} />
            {themePath(th, byId)}
          </span>
        ))}
      </div>
      <div className="hc-quote">「{a.exact.length > QUOTE_CHARS ? a.exact.slice(0, QUOTE_CHARS) + '…' : a.exact}」</div>
      {note && <p className="hc-note">{note.length > NOTE_CHARS ? note.slice(0, NOTE_CHARS) + '…' : note}</p>}
      <div className="hc-meta">{formatStamp(a.modifiedAt)}</div>
    </li>
  );
}

interface HoverCardProps {
  root: HTMLElement | null;
  starts: readonly number[];
  /** The reader's scrolling box (set before effects run), where the pointer is watched. */
  scrollRef: RefObject<HTMLElement | null>;
  disabled: boolean;
}

export function HoverCard({ root, starts, scrollRef, disabled }: HoverCardProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const annotations = useStore((s) => s.annotations);
  const themes = useStore((s) => s.themes);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const frame = useRef(0);
  const shownKey = useRef('');
  shownKey.current = shown ? shown.ids.join() : '';

  useEffect(() => {
    const scrollEl = scrollRef.current;
    if (!root || !scrollEl || disabled) {
      setShown(null);
      return;
    }
    const hide = () => {
      clearTimeout(timer.current);
      setShown(null);
    };
    const look = (x: number, y: number) => {
      const c = charAtPoint(root, starts, x, y);
      const list = useStore.getState().annotations;
      const ids = c === null ? [] : list.filter((a) => a.start <= c && c < a.end).map((a) => a.id);
      clearTimeout(timer.current);
      if (ids.length === 0) {
        setShown(null);
        return;
      }
      // Already showing these: stay put, so the card does not chase the pointer.
      if (shownKey.current === ids.join()) return;
      setShown(null);
      timer.current = setTimeout(() => setShown({ ids, x, y }), SHOW_DELAY_MS);
    };
    const onMove = (e: MouseEvent) => {
      if (e.buttons !== 0) return hide();
      cancelAnimationFrame(frame.current);
      const { clientX, clientY } = e;
      frame.current = requestAnimationFrame(() => look(clientX, clientY));
    };
    scrollEl.addEventListener('mousemove', onMove, { passive: true });
    scrollEl.addEventListener('mouseleave', hide);
    scrollEl.addEventListener('scroll', hide, { passive: true });
    scrollEl.addEventListener('mousedown', hide);
    return () => {
      scrollEl.removeEventListener('mousemove', onMove);
      scrollEl.removeEventListener('mouseleave', hide);
      scrollEl.removeEventListener('scroll', hide);
      scrollEl.removeEventListener('mousedown', hide);
      cancelAnimationFrame(frame.current);
      clearTimeout(timer.current);
    };
  }, [root, starts, scrollRef, disabled]);

  if (!shown) return null;
  const byId = new Map(themes.map((th) => [th.id, th]));
  const list = shown.ids.map((id) => annotations.find((a) => a.id === id)).filter((a): a is Annotation => Boolean(a));
  if (list.length === 0) return null;
  const width = 300;
  const left = Math.min(shown.x + 14, window.innerWidth - width - 10);
  const below = shown.y < window.innerHeight * 0.62;
  const style = below ? { left, top: shown.y + 20 } : { left, bottom: window.innerHeight - shown.y + 14 };
  return (
    <div className="hover-card" data-testid="hover-card" role="tooltip" style={{ ...style, width }}>
      <ul>
        {list.slice(0, MAX_LISTED).map((a) => (
          <Entry key={a.id} a={a} byId={byId} />
        ))}
      </ul>
      {list.length > MAX_LISTED && <div className="hc-more">+{list.length - MAX_LISTED}</div>}
    </div>
  );
}
