import { useState } from 'react';
import { ExportKeyQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/route';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { shortFingerprint } from './evidence';
import type { Investigation } from './use-investigation';

/** What the last evidence export gave: shown beside the button, with the key that signed it. */
export interface EvidenceResult {
  files: number;
  unsupported: number;
  fingerprint: string;
}

/** The investigation's name, save, save as, the link that shares it, and its evidence package. */
export function InvestigationBar({
  investigation,
  onSave,
  canExport,
  onExportEvidence,
  evidence,
}: {
  investigation: Investigation;
  onSave(asNew: boolean): void;
  canExport: boolean;
  onExportEvidence(): void;
  evidence: EvidenceResult | null;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const [keyOpen, setKeyOpen] = useState(false);
  const key = useQuery(ExportKeyQuery, keyOpen ? {} : null);
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
      <button type="button" className="button" onClick={onExportEvidence} disabled={!canExport} title={t('evidence.exportTitle')} data-testid="export-evidence">
        {t('evidence.export')}
      </button>
      <details className="evidence-key" onToggle={(e) => setKeyOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('evidence.key')}</summary>
        {key.data && (
          <p className="muted" data-testid="export-key">
            {t('evidence.keyHelp', { fingerprint: key.data.exportKey.fingerprint })}
            <code>{key.data.exportKey.publicKey}</code>
          </p>
        )}
      </details>
      {evidence && (
        <span className="muted" role="status" data-testid="evidence-state">
          {t('evidence.done', { files: evidence.files, unsupported: evidence.unsupported, fingerprint: shortFingerprint(evidence.fingerprint) })}
        </span>
      )}
      <span className="muted save-state" role="status" data-testid="save-state">
        {investigation.dirty ? t('toolbar.unsaved') : saved ? `${t('toolbar.saved', { version: saved.version })} · ${formatShanghai(saved.updatedAt)}` : ''}
      </span>
    </div>
  );
}
