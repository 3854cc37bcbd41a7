import { useState } from 'react';
import { routeHref } from '../app/route';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import type { Investigation } from './use-investigation';

/** The investigation's name, save, save as, and the link that shares it. */
export function InvestigationBar({ investigation, onSave }: { investigation: Investigation; onSave(asNew: boolean): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const { saved } = investigation;
  const link = saved ? new URL(routeHref({ name: 'investigation', id: saved.id }), location.origin).href : '';
  const share = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="investigation-bar">
      <label className="toolbar-field grow">
        <span className="visually-hidden">{t('toolbar.name')}</span>
        <input type="text" value={investigation.name} placeholder={t('toolbar.untitled')} maxLength={200} onChange={(e) => investigation.setName(e.target.value)} data-testid="investigation-name" />
      </label>
      <button type="button" className="button primary" onClick={() => onSave(false)} aria-keyshortcuts="Control+S" data-testid="save">
        {t('toolbar.save')}
      </button>
      {saved && (
        <button type="button" className="button" onClick={() => onSave(true)}>
          {t('toolbar.saveAs')}
        </button>
      )}
      {saved && (
        <button type="button" className="button" onClick={share} title={link} data-testid="share">
          {copied ? t('toolbar.shared') : t('toolbar.share')}
        </button>
      )}
      <span className="muted save-state" role="status" data-testid="save-state">
        {investigation.dirty ? t('toolbar.unsaved') : saved ? `${t('toolbar.saved', { version: saved.version })} · ${formatShanghai(saved.updatedAt)}` : ''}
      </span>
    </div>
  );
}
