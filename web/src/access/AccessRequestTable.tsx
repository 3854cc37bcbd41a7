import { useI18n } from '../i18n/I18nProvider';
import { AccessRequestRow, type AccessRequestItem } from './AccessRequestRow';

/** Requests to the viewer's agency (incoming) or from it, newest first. */
export function AccessRequestTable({ requests, incoming, onDecided, testId }: { requests: readonly AccessRequestItem[]; incoming: boolean; onDecided(): void; testId: string }) {
  const { t } = useI18n();
  if (requests.length === 0) return <p className="muted" data-testid={testId}>{t('access.none')}</p>;
  return (
    <table className="report-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('access.col.identifier')}</th>
          <th scope="col">{incoming ? t('access.col.from') : t('access.col.to')}</th>
          <th scope="col">{t('access.col.reason')}</th>
          <th scope="col">{t('access.col.status')}</th>
          <th scope="col">{t('access.col.action')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <AccessRequestRow key={r.id} r={r} incoming={incoming} onDecided={onDecided} />
        ))}
      </tbody>
    </table>
  );
}
