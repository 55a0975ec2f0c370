import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/domain';
import { updateOpenDocumentMetadata, type MetadataPatch } from '../documentActions';
import { useT, type Key } from '../i18n';

type Field = keyof MetadataPatch;

const FIELDS: { key: Field; label: Key; type?: string; wide?: boolean }[] = [
  { key: 'title', label: 'metaTitle', wide: true },
  { key: 'source', label: 'metaSource' },
  { key: 'publishedAt', label: 'metaDate', type: 'date' },
  { key: 'byline', label: 'metaByline' },
  { key: 'editor', label: 'metaEditor' },
  { key: 'url', label: 'metaUrl', type: 'url', wide: true },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Title, source, author, editor, date and URL of the open document, as the user corrects them. */
export function MetadataEditor({ doc, onDone }: { doc: DocumentRecord; onDone: () => void }) {
  const t = useT();
  const [values, setValues] = useState<Record<Field, string>>({
    title: doc.title,
    source: doc.source ?? '',
    byline: doc.byline ?? '',
    editor: doc.editor ?? '',
    url: doc.url ?? '',
    publishedAt: doc.publishedAt?.slice(0, 10) ?? '',
  });
  const [busy, setBusy] = useState(false);
  const dateOk = values.publishedAt === '' || ISO_DATE.test(values.publishedAt);
  const canSave = values.title.trim() !== '' && dateOk && !busy;
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

  const save = async () => {
    if (!canSave) return;
    setBusy(true);
    const ok = await updateOpenDocumentMetadata({
      title: values.title.trim(),
      source: orNull(values.source),
      byline: orNull(values.byline),
      editor: orNull(values.editor),
      url: orNull(values.url),
      publishedAt: orNull(values.publishedAt),
    });
    setBusy(false);
    if (ok) onDone();
  };

  return (
    <form
      className="doc-panel meta-form"
      data-testid="metadata-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="meta-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className={'meta-field' + (f.wide ? ' wide' : '')}>
            <span>{t(f.label)}</span>
            <input
              type={f.type ?? 'text'}
              value={values[f.key]}
              maxLength={f.key === 'title' ? 200 : 500}
              data-testid={'meta-' + f.key}
              aria-invalid={f.key === 'publishedAt' && !dateOk}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {!dateOk && <p className="form-error">{t('metaDateInvalid')}</p>}
      <div className="row-end">
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={!canSave} data-testid="meta-save">
          {t('metaSave')}
        </button>
      </div>
    </form>
  );
}
