import { useQuery } from '../api/use-api';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AccessRequestsQuery } from './access-operations';
import { AccessRequestTable } from './AccessRequestTable';

/** The access-requests page: requests to the viewer's agency, to grant or refuse, and its own, with where they stand. */
export function AccessRequests() {
  const { t } = useI18n();
  const incoming = useQuery(AccessRequestsQuery, { direction: 'INCOMING' });
  const outgoing = useQuery(AccessRequestsQuery, { direction: 'OUTGOING' });
  return (
    <div className="home access-requests">
      <section className="hero">
        <h1>{t('access.title')}</h1>
        <p className="lead">{t('access.lead')}</p>
      </section>
      <section className="card" aria-labelledby="access-incoming">
        <h2 id="access-incoming">{t('access.incoming')}</h2>
        {incoming.error && <ErrorNotice error={incoming.error} onRetry={incoming.retry} />}
        {incoming.loading && !incoming.data && <p role="status">{t('access.loading')}</p>}
        {incoming.data && <AccessRequestTable requests={incoming.data.accessRequests} incoming onDecided={incoming.retry} testId="access-incoming" />}
      </section>
      <section className="card" aria-labelledby="access-outgoing">
        <h2 id="access-outgoing">{t('access.outgoing')}</h2>
        {outgoing.error && <ErrorNotice error={outgoing.error} onRetry={outgoing.retry} />}
        {outgoing.loading && !outgoing.data && <p role="status">{t('access.loading')}</p>}
        {outgoing.data && <AccessRequestTable requests={outgoing.data.accessRequests} incoming={false} onDecided={outgoing.retry} testId="access-outgoing" />}
      </section>
    </div>
  );
}
