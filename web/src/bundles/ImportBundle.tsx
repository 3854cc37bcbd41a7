import { useState } from 'react';
import type { ResultOf } from 'gql.tada';
import { gqlUpload } from '../api/client';
import type { ApiError } from '../api/errors';
import { ImportBundleMutation } from '../api/operations';
import { asApiError } from '../api/use-api';
import { bundleError } from './bundle-error';
import { useI18n } from '../i18n/I18nProvider';
import { followUpload, UploadStatus, type UploadState } from '../sheets/UploadStatus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';

type Summary = ResultOf<typeof ImportBundleMutation>['importBundle'];

/**
 * A case bundle (NDJSON) another agency exchanged: upload it, and read what it created, or the line
 * that stopped it (the server writes nothing of a bundle with a bad line).
 */
export function ImportBundle() {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<ApiError | undefined>();

  const send = async () => {
    if (!file) return;
    setSummary(null);
    setError(undefined);
    const onProgress = followUpload(file.size, setUpload);
    try {
      setSummary((await gqlUpload(ImportBundleMutation, {}, file, 'file', { viewer, onProgress })).importBundle);
    } catch (e) {
      setError(bundleError(asApiError(e), (line, reason) => t('bundle.badLine', { line, reason })));
    } finally {
      setUpload(null);
    }
  };

  return (
    <section className="card" aria-labelledby="bundle-title" data-testid="bundle-import">
      <h2 id="bundle-title">{t('bundle.title')}</h2>
      <p className="muted">{t('bundle.lead')}</p>
      <form className="sheets-form" onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <label>
          {t('bundle.file')}{' '}
          <input type="file" accept=".ndjson,.jsonl,.json,.txt" data-testid="bundle-file" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setSummary(null); setError(undefined); }} />
        </label>
        <button type="submit" className="button primary" disabled={!file || upload !== null} data-testid="bundle-submit">
          {t('bundle.import')}
        </button>
      </form>
      {upload && <UploadStatus state={upload} />}
      {error && <ErrorNotice error={error} action="action.importBundle" onRetry={() => void send()} onDismiss={() => setError(undefined)} />}
      {summary && (
        <div data-testid="bundle-summary" role="status">
          <p><strong>{t('bundle.done', { lines: summary.lines, records: summary.records })}</strong></p>
          <p>{t('bundle.counts', summary)}</p>
        </div>
      )}
    </section>
  );
}
