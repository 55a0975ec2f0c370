// "Replace text from file…": a better copy of the same article, read and cleaned as an import would, saved as the
// open document's next version; the current text stays in the versions list and highlights are re-anchored.
import { useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/domain';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { useT } from '../i18n';
import { bytesToBase64 } from '../lib/base64';
import { bytes, fill } from '../lib/importFormat';
import { IMPORT_ACCEPT, isSupportedName } from '../lib/pickedFiles';
import { useStore } from '../store';
import type { ImportEncoding } from '../store/importSlice';
import { EncodingSelect } from '../components/EncodingSelect';
import { reviseFromFile } from './actions';
import './revision.css';

export function ReplaceFromFile({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const setOpen = useStore((s) => s.setReplaceOpen);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | 'auto'>('auto');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  useEffect(() => chooseRef.current?.focus(), []);

  const choose = (f: File | null) => {
    setProblem(null);
    setFile(null);
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) setProblem(fill(t('impTooLarge'), { size: bytes(f.size, lang), max: bytes(MAX_IMPORT_BYTES, lang) }));
    else if (!isSupportedName(f.name)) setProblem(t('impUnsupported'));
    else setFile(f);
  };

  const replace = async () => {
    if (!file) return;
    setBusy(true);
    let data: string;
    try {
      data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setProblem(t('impUnreadable'));
      setBusy(false);
      return;
    }
    const ok = await reviseFromFile(doc.id, file.name, data, encoding === 'auto' ? undefined : encoding);
    if (!ok) setBusy(false);
  };

  return (
    <div className="doc-panel rev-replace" data-testid="replace-panel">
      <div className="panel-heading">{t('revReplaceHeading')}</div>
      <p className="hint">{t('revReplaceHint')}</p>
      <div className="rev-replace-row">
        <button ref={chooseRef} type="button" onClick={() => inputRef.current?.click()} data-testid="replace-choose">
          {t('revReplaceChoose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept={IMPORT_ACCEPT}
          hidden
          data-testid="replace-file"
          onChange={(e) => {
            choose(e.target.files?.[0] ?? null);
            e.target.value = '';
          }}
        />
        <span className={'rev-file' + (file ? '' : ' muted')} data-testid="replace-file-name">
          {file ? `${file.name} · ${bytes(file.size, lang)}` : t('revReplaceNoFile')}
        </span>
        <EncodingSelect className="rev-encoding" value={encoding} onChange={setEncoding} />
      </div>
      {problem && (
        <p className="rev-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="row-end">
        <button type="button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!file || busy} onClick={() => void replace()} data-testid="replace-confirm">
          {busy ? t('revReplacing') : t('revReplaceConfirm')}
        </button>
      </div>
    </div>
  );
}
