import { useT } from '../i18n';
import { useStore } from '../store';
import { AnnotationPanel } from './AnnotationPanel';
import { ThemesPanel } from './ThemesPanel';

export function SidePanel() {
  const t = useT();
  const tab = useStore((s) => s.sideTab);
  const setTab = useStore((s) => s.setSideTab);
  return (
    <aside className="side">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'annotation'} data-testid="tab-annotation" className={tab === 'annotation' ? 'on' : ''} onClick={() => setTab('annotation')}>
          {t('annotationTab')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'themes'} data-testid="tab-themes" className={tab === 'themes' ? 'on' : ''} onClick={() => setTab('themes')}>
          {t('themesTab')}
        </button>
      </div>
      <div className="side-body">{tab === 'annotation' ? <AnnotationPanel /> : <ThemesPanel />}</div>
    </aside>
  );
}
