// A scope picker: the whole library or one document, titles with their dates.
import { useT } from '../i18n';
import { useStore } from '../store';

export function DocumentSelect({ value, onChange, testId }: { value: string; onChange: (id: string) => void; testId: string }) {
  const t = useT();
  const docs = useStore((s) => s.docs);
  return (
    <select className="an-select" data-testid={testId} aria-label={t('anScope')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('anWholeLibrary')}</option>
      {docs.map((d) => (
        <option key={d.id} value={d.id}>
          {(d.publishedAt ? d.publishedAt + '  ' : '') + (d.title || t('untitled'))}
        </option>
      ))}
    </select>
  );
}
