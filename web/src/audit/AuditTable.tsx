import type { ResultOf } from '../api/graphql';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import type { AuditTrailQuery } from './audit-operations';

export type AuditRecordItem = ResultOf<typeof AuditTrailQuery>['auditTrail'][number];

/** Audit records as they come, newest first; the time is Shanghai's. */
export function AuditTable({ records }: { records: readonly AuditRecordItem[] }) {
  const { t } = useI18n();
  if (records.length === 0) return <p className="muted" data-testid="audit-table">{t('audit.none')}</p>;
  return (
    <table className="report-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.col.at')}</th>
          <th scope="col">{t('audit.col.user')}</th>
          <th scope="col">{t('audit.col.agency')}</th>
          <th scope="col">{t('audit.col.action')}</th>
          <th scope="col">{t('audit.col.objects')}</th>
          <th scope="col">{t('audit.col.outcome')}</th>
          <th scope="col">{t('audit.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.seq} data-seq={r.seq}>
            <td>{formatShanghai(r.at, true)}</td>
            <td>{r.userId}</td>
            <td>{r.agency}</td>
            <td>{r.action}</td>
            <td>{r.objectIds.join(', ')}</td>
            <td className={r.outcome === 'ok' || r.outcome === 'started' ? undefined : 'login-error'}>{r.outcome === 'ok' ? t('audit.ok') : r.outcome}</td>
            <td>{r.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
