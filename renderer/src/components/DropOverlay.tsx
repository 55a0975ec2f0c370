import { useEffect, useState } from 'react';
import { reportError } from '../actions';
import { useT } from '../i18n';
import { pickedFromDrop, type Picked } from '../lib/pickedFiles';

const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files'));

/** Files or folders dragged anywhere over the window; text dragged inside the reader is left alone. */
export function DropOverlay({ onDrop }: { onDrop: (picked: Picked) => void }) {
  const t = useT();
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; count them to know when the pointer left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      pickedFromDrop(e.dataTransfer).then(onDrop, reportError);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <div className="drop-icon">⇪</div>
        <div className="drop-title">{t('impDropTitle')}</div>
        <div className="drop-sub">{t('impDropSub')}</div>
      </div>
    </div>
  );
}
