import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '../api/use-api';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { AUDIT_PAGE, EMPTY_AUDIT_FILTER, auditVariables, type AuditFilterForm } from './audit-filter';
import { AuditTrailQuery } from './audit-operations';
import { AuditTable } from './AuditTable';

/** The audit-trail page: admins read every agency's trail, task-force leads their own; filtered, newest first, paged back. */
export function AuditTrail() {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const admin = viewer.role === 'ADMIN';
  const [draft, setDraft] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  /** The `beforeSeq` of each page shown so far (null: the newest). */
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages[pages.length - 1] ?? null;
  const variables = useMemo(() => auditVariables(filter, viewer.role, before), [filter, viewer.role, before]);
  const trail = useQuery(AuditTrailQuery, variables);
  const records = trail.data?.auditTrail;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPages([null]);
  };
  const field = (key: keyof AuditFilterForm, type = 'text') => (
    <label className="field">
      <span>{t(`audit.filter.${key}`)}</span>
      <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`audit-${key}`} />
    </label>
  );
  return (
    <div className="home audit-trail">
      <section className="hero">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{admin ? t('audit.leadAdmin') : t('audit.leadLead', { agency: viewer.agency.name })}</p>
      </section>
      <section className="card" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <form className="audit-filter" onSubmit={apply}>
          {field('action')}
          {field('user')}
          {admin && field('agency')}
          {field('from', 'date')}
          {field('to', 'date')}
          <button type="submit" className="button primary" data-testid="audit-apply">
            {t('audit.apply')}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="audit-records">
        <h2 id="audit-records">{t('audit.records')}</h2>
        {trail.error && <ErrorNotice error={trail.error} onRetry={trail.retry} />}
        {trail.loading && <p role="status">{t('audit.loading')}</p>}
        {records && !trail.loading && <AuditTable records={records} />}
        <div className="notice-actions">
          {pages.length > 1 && (
            <button type="button" className="button" onClick={() => setPages([null])} data-testid="audit-newest">
              {t('audit.newest')}
            </button>
          )}
          {records && !trail.loading && records.length === AUDIT_PAGE && (
            <button type="button" className="button" onClick={() => setPages([...pages, records[records.length - 1]!.seq])} data-testid="audit-older">
              {t('audit.older')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
