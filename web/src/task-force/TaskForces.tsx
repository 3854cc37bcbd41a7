import { useState, type FormEvent } from 'react';
import { problemMessage } from '../api/errors';
import { asApiError, useApi, useQuery } from '../api/use-api';
import { AppLink, useNavigation } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { mayCreateTaskForce } from './task-force';
import { CreateTaskForceMutation, TaskForcesQuery } from './task-force-operations';

/** The task forces (专案组) the viewer belongs to or leads, and, for a lead, a new one. */
export function TaskForces() {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const { navigate } = useNavigation();
  const request = useApi();
  const { data, error, loading, retry } = useQuery(TaskForcesQuery, {});
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [problem, setProblem] = useState('');
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setProblem('');
    try {
      const made = await request(CreateTaskForceMutation, { name: name.trim(), purpose: purpose.trim() || null });
      navigate({ name: 'taskForce', id: made.createTaskForce.id });
    } catch (err) {
      const p = asApiError(err);
      setProblem(t(problemMessage(p.problem), { detail: p.detail }));
    }
  };
  return (
    <div className="home task-forces">
      <section className="hero">
        <h1>{t('tf.title')}</h1>
        <p className="lead">{t('tf.lead')}</p>
      </section>
      <section className="card">
        {error && <ErrorNotice error={error} onRetry={retry} />}
        {loading && !data && <p role="status">{t('tf.loading')}</p>}
        {data && data.taskForces.length === 0 && <p className="muted">{t('tf.none')}</p>}
        {data && data.taskForces.length > 0 && (
          <ul className="tf-list" data-testid="task-forces">
            {data.taskForces.map((tf) => (
              <li key={tf.id}>
                <AppLink route={{ name: 'taskForce', id: tf.id }}>{tf.name}</AppLink>
                <span className="muted"> · {t('tf.summary', { lead: tf.lead, members: tf.members.length, time: formatShanghai(tf.createdAt) })}</span>
                {tf.purpose && <div className="muted">{tf.purpose}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayCreateTaskForce(viewer.role) && (
        <section className="card" aria-labelledby="tf-create">
          <h2 id="tf-create">{t('tf.create')}</h2>
          <form onSubmit={create} className="tf-form">
            <label htmlFor="tf-name">{t('tf.name')}</label>
            <input id="tf-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} data-testid="tf-name" />
            <label htmlFor="tf-purpose">{t('tf.purpose')}</label>
            <input id="tf-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={1000} data-testid="tf-purpose" />
            {problem && (
              <p role="alert" className="login-error">
                {problem}
              </p>
            )}
            <button type="submit" className="button primary" data-testid="tf-create">
              {t('tf.createSubmit')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
