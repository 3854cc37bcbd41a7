import { useI18n } from '../i18n/I18nProvider';
import { LAYOUTS, type LayoutName } from './doc';
import { describeChange } from './describe-change';
import type { Change } from './use-canvas-history';

export interface ToolbarProps {
  undoing: Change | undefined;
  redoing: Change | undefined;
  layout: LayoutName;
  groupByLabel: boolean;
  timeline: boolean;
  hiddenCount: number;
  canExport: boolean;
  onUndo(): void;
  onRedo(): void;
  onLayout(name: LayoutName): void;
  onFit(): void;
  onGroup(on: boolean): void;
  onTimeline(on: boolean): void;
  onShowHidden(): void;
  onClear(): void;
  onExport(format: 'png' | 'svg'): void;
  onHelp(): void;
}

/** The canvas's tools: undo and redo (naming what they undo), layouts, grouping, timeline, export. */
export function Toolbar(p: ToolbarProps) {
  const { t } = useI18n();
  const undoTitle = p.undoing ? t('toolbar.undoWhat', { change: describeChange(t, p.undoing) }) : t('toolbar.undo');
  const redoTitle = p.redoing ? t('toolbar.redoWhat', { change: describeChange(t, p.redoing) }) : t('toolbar.redo');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="button" onClick={p.onUndo} disabled={!p.undoing} title={undoTitle} aria-label={undoTitle} data-testid="undo">
        ↶ {t('toolbar.undo')}
      </button>
      <button type="button" className="button" onClick={p.onRedo} disabled={!p.redoing} title={redoTitle} aria-label={redoTitle} data-testid="redo">
        ↷ {t('toolbar.redo')}
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <label className="toolbar-field">
        <span>{t('toolbar.layout')}</span>
        <select value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutName)} data-testid="layout-select">
          {LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {t(`layout.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={p.onFit}>
        {t('toolbar.fit')}
      </button>
      <button type="button" className="button" aria-pressed={p.groupByLabel} onClick={() => p.onGroup(!p.groupByLabel)}>
        {t('toolbar.group')}
      </button>
      <button type="button" className="button" aria-pressed={p.timeline} onClick={() => p.onTimeline(!p.timeline)} data-testid="timeline-toggle">
        {t('toolbar.timeline')}
      </button>
      {p.hiddenCount > 0 && (
        <button type="button" className="button" onClick={p.onShowHidden}>
          {t('toolbar.showHidden')} ({p.hiddenCount})
        </button>
      )}
      <button type="button" className="button" disabled={!p.canExport} onClick={p.onClear}>
        {t('toolbar.clear')}
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="button" disabled={!p.canExport} onClick={() => p.onExport('png')} data-testid="export-png">
        {t('toolbar.exportPng')}
      </button>
      <button type="button" className="button" disabled={!p.canExport} onClick={() => p.onExport('svg')} data-testid="export-svg">
        {t('toolbar.exportSvg')}
      </button>
      <button type="button" className="button" onClick={p.onHelp} aria-keyshortcuts="?">
        {t('toolbar.help')}
      </button>
    </div>
  );
}
