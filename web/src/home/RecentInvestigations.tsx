import { useState } from 'react';
import { asApiError, useApi, useQuery } from '../api/use-api';
import type { ApiError } from '../api/errors';
import { DeleteInvestigationMutation, InvestigationsQuery } from '../api/operations';
import { AppLink } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';

/** The investigations the viewer may open, most recently saved first; each opens at its own address. */
export function RecentInvestigations() {
  const { t } = useI18n();
  const request = useApi();
  const { data, error, loading, retry } = useQuery(InvestigationsQuery, { limit: 10 });
  const [failed, setFailed] = useState<{ error: ApiError; id: string; name: string } | null>(null);
  const remove = async (id: string, name: string) => {
    if (!confirm(t('open.deleteConfirm', { name }))) return;
    try {
      setFailed(null);
      await request(DeleteInvestigationMutation, { id });
      retry();
    } catch (e) {
      setFailed({ error: asApiError(e), id, name });
    }
  };
  if (error) return <ErrorNotice error={error} action="action.load" onRetry={retry} />;
  if (loading && !data) return <p role="status">{t('canvas.loading')}</p>;
  if (!data?.investigations.length) return <p className="muted">{t('home.recentEmpty')}</p>;
  return (
    <>
      {failed && <ErrorNotice error={failed.error} action="action.delete" onRetry={() => void remove(failed.id, failed.name)} onDismiss={() => setFailed(null)} />}
      <ul className="recent" data-testid="recent">
        {data.investigations.map((inv) => (
          <li key={inv.id}>
            <div className="row">
              <AppLink route={{ name: 'investigation', id: inv.id }}>{inv.name}</AppLink>
              <button type="button" className="button small" onClick={() => void remove(inv.id, inv.name)} aria-label={`${t('open.delete')}: ${inv.name}`}>
                {t('open.delete')}
              </button>
            </div>
            <span className="muted">
              {t('home.elements', { count: inv.elementCount })} · {t('home.savedBy', { user: inv.updatedBy, time: formatShanghai(inv.updatedAt) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
