import type { ReactNode } from 'react';
import { AnnotationBrowser } from '../codebook/AnnotationBrowser';
import { MemoPanel } from '../codebook/MemoPanel';
import { useT, type Key } from '../i18n';
import { useStore } from '../store';
import type { SideTab } from '../store/types';
import { AnnotationPanel } from './AnnotationPanel';
import { ThemesPanel } from './ThemesPanel';
import { OrphanList } from '../revision/OrphanList';

const TABS: { id: SideTab; label: Key; body: () => ReactNode; fill?: boolean }[] = [
  { id: 'annotation', label: 'annotationTab', body: () => <AnnotationPanel /> },
  // The browser scrolls its own (virtual) list, so it fills the panel instead of scrolling it.
  { id: 'browse', label: 'browseTab', body: () => <AnnotationBrowser />, fill: true },
  { id: 'themes', label: 'themesTab', body: () => <ThemesPanel /> },
  { id: 'memos', label: 'memosTab', body: () => <MemoPanel /> },
];

export function SidePanel() {
  const t = useT();
  const tab = useStore((s) => s.sideTab);
  const setTab = useStore((s) => s.setSideTab);
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  return (
    <aside className="side">
      <div className="tabs" role="tablist">
        {TABS.map((x) => (
          <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`tab-${x.id}`} className={tab === x.id ? 'on' : ''} onClick={() => setTab(x.id)}>
            {t(x.label)}
          </button>
        ))}
      </div>
      <div className={'side-body' + (current.fill ? ' fill' : '')}>
        {current.id === 'annotation' && <OrphanList />}
        {current.body()}
      </div>
    </aside>
  );
}
