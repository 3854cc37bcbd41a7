import { AccessRequestsQuery } from '../access/access-operations';
import { AccessRequestTable } from '../access/AccessRequestTable';
import { useQuery } from '../api/use-api';
import { AppLink } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { managesTaskForce, memberAgencies } from './task-force';
import { TaskForceQuery } from './task-force-operations';
import { TaskForceMembers } from './TaskForceMembers';
import { TaskForceShares } from './TaskForceShares';

/** One task force: its members, the cases shared into it, and the requests for access between its member agencies. */
export function TaskForcePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const { data, error, loading, retry } = useQuery(TaskForceQuery, { id });
  const incoming = useQuery(AccessRequestsQuery, { direction: 'INCOMING' });
  const outgoing = useQuery(AccessRequestsQuery, { direction: 'OUTGOING' });
  const tf = data?.taskForce;
  const agencyName = (a: string) => data?.agencies.find((x) => x.id === a)?.name ?? a;
  const members = tf ? memberAgencies(tf.members) : new Set<string>();
  return (
    <div className="home task-force">
      <p>
        <AppLink route={{ name: 'taskForces' }}>{t('tf.back')}</AppLink>
      </p>
      {error && <ErrorNotice error={error} onRetry={retry} />}
      {loading && !data && <p role="status">{t('tf.loading')}</p>}
      {data && !tf && <p className="muted">{t('tf.notFound')}</p>}
      {tf && (
        <>
          <section className="hero">
            <h1 data-testid="tf-title">{tf.name}</h1>
            {tf.purpose && <p className="lead">{tf.purpose}</p>}
            <p className="muted">{t('tf.leadBy', { lead: tf.lead.replace(/^user:/, ''), agency: agencyName(tf.agency), time: formatShanghai(tf.createdAt) })}</p>
          </section>
          <TaskForceMembers taskForceId={tf.id} members={tf.members} agencies={data.agencies} manages={managesTaskForce(viewer, tf)} onChanged={retry} />
          <TaskForceShares taskForceId={tf.id} shares={tf.shares} agencyName={agencyName} onChanged={retry} />
          <section className="card" aria-labelledby="tf-requests">
            <h2 id="tf-requests">{t('tf.requests')}</h2>
            <p className="muted">{t('tf.requestsLead')}</p>
            {incoming.data && (
              <AccessRequestTable requests={incoming.data.accessRequests.filter((r) => members.has(r.requester.id))} incoming onDecided={incoming.retry} testId="tf-requests-incoming" />
            )}
            {outgoing.data && (
              <AccessRequestTable requests={outgoing.data.accessRequests.filter((r) => members.has(r.holder.id))} incoming={false} onDecided={outgoing.retry} testId="tf-requests-outgoing" />
            )}
          </section>
        </>
      )}
    </div>
  );
}
