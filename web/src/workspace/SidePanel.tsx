import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

export const PANELS = ['details', 'linked', 'paths', 'money', 'gang'] as const;
export type PanelName = (typeof PANELS)[number];

/** The analysis panel: tabs for details, linked cases, paths, money and gang (arrow keys move between them). */
export function SidePanel({ active, onActive, children }: { active: PanelName; onActive(name: PanelName): void; children: ReactNode }) {
  const { t } = useI18n();
  const onKey = (e: KeyboardEvent) => {
    const i = PANELS.indexOf(active);
    const next = e.key === 'ArrowRight' ? PANELS[(i + 1) % PANELS.length] : e.key === 'ArrowLeft' ? PANELS[(i + PANELS.length - 1) % PANELS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    onActive(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <aside className="side-panel" aria-label={t('panel.label')}>
      <div role="tablist" aria-label={t('panel.label')} className="tabs" onKeyDown={onKey}>
        {PANELS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={active === name}
            aria-controls="side-panel-body"
            tabIndex={active === name ? 0 : -1}
            className="tab"
            onClick={() => onActive(name)}
            data-testid={`tab-${name}`}
          >
            {t(`panel.${name}`)}
          </button>
        ))}
      </div>
      <div id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${active}`} className="panel-body" tabIndex={0}>
        {children}
      </div>
    </aside>
  );
}
