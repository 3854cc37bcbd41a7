import { useEffect, useState } from 'react';
import type { UploadProgress } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** Where a preview or import is: the bytes sent so far, then the server at work since a moment. */
export interface UploadState {
  progress: UploadProgress;
  /** When the request started and when the file was all sent (ms since the epoch). */
  started: number;
  sentAt: number | null;
}

/** Shows an upload of `bytes` as just begun, and returns the `onProgress` that keeps showing it (for gqlUpload). */
export function followUpload(bytes: number, show: (state: UploadState) => void): (progress: UploadProgress) => void {
  const started = Date.now();
  show({ progress: { phase: 'sending', sent: 0, total: bytes }, started, sentAt: null });
  return (progress) => show({ progress, started, sentAt: progress.phase === 'server' ? Date.now() : null });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * A real progress bar while the file is sent (the browser's upload events); then, as the server
 * reports nothing while it reads and writes, an indeterminate bar with the seconds elapsed.
 */
export function UploadStatus({ state }: { state: UploadState }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const { progress } = state;
  if (progress.phase === 'sending') {
    const percent = progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : null;
    return (
      <div className="sheets-progress" role="status" data-testid="sheet-progress" data-phase="sending">
        <progress max={progress.total || undefined} value={progress.total ? progress.sent : undefined} aria-label={t('sheets.progress.sending')} />
        <span>{percent === null ? t('sheets.progress.sendingBytes', { sent: mb(progress.sent) }) : t('sheets.progress.sendingOf', { percent, sent: mb(progress.sent), total: mb(progress.total) })}</span>
      </div>
    );
  }
  const seconds = Math.max(0, Math.floor((now - (state.sentAt ?? state.started)) / 1000));
  return (
    <div className="sheets-progress" role="status" data-testid="sheet-progress" data-phase="server">
      <progress aria-label={t('sheets.progress.server')} />
      <span>{t('sheets.progress.serverFor', { seconds })}</span>
    </div>
  );
}
