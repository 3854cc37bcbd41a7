import { InvestigationsQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { AppLink } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';

/** The investigations the viewer may open, most recently saved first; each opens at its own address. */
export function RecentInvestigations() {
  const { t } = useI18n();
  const { data, error, loading, retry } = useQuery(InvestigationsQuery, { limit: 10 });
  if (error) return <ErrorNotice error={error} action="action.load" onRetry={retry} />;
  if (loading || !data) return <p role="status">{t('canvas.loading')}</p>;
  if (!data.investigations.length) return <p className="muted">{t('home.recentEmpty')}</p>;
  return (
    <ul className="recent" data-testid="recent">
      {data.investigations.map((inv) => (
        <li key={inv.id}>
          <AppLink route={{ name: 'investigation', id: inv.id }}>{inv.name}</AppLink>
          <span className="muted">
            {t('home.elements', { count: inv.elementCount })} · {t('home.savedBy', { user: inv.updatedBy, time: formatShanghai(inv.updatedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
