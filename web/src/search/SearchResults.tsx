import { SearchQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/messages';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LabelIcon } from '../ui/LabelIcon';
import { useViewer } from '../viewer/ViewerProvider';
import { groupHits } from './group-hits';

/** Search results grouped by label; each opens (or adds) its node on the canvas. */
export function SearchResults({ text, onOpen, action = 'search.open' }: { text: string; onOpen(ids: string[]): void; action?: 'search.open' | 'search.add' }) {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const { data, error, loading, retry } = useQuery(SearchQuery, text ? { text, limit: 50 } : null);
  if (error) return <ErrorNotice error={error} action="action.search" onRetry={retry} />;
  if (loading || !data) return <p role="status">{t('search.searching', { text })}</p>;
  const groups = groupHits(data.search);
  if (!groups.length) {
    return (
      <div className="notice" role="status" data-testid="search-empty">
        <p>{t('search.empty', { text })}</p>
        {viewer.agencies.length === 0 && <p>{t('search.emptyViewer')}</p>}
      </div>
    );
  }
  const count = groups.reduce((n, g) => n + g.hits.length, 0);
  return (
    <section className="search-results" aria-label={t('search.results', { text, count })} data-testid="search-results">
      <p role="status">{t('search.results', { text, count })}</p>
      {groups.map((group) => (
        <section key={group.label} className="hit-group">
          <h3>
            <LabelIcon label={group.label} /> {t(`label.${group.label}`)} <span className="count">{group.hits.length}</span>
          </h3>
          <ul>
            {group.hits.map((hit) => {
              const how = `match.${hit.matchedBy}`;
              return (
                <li key={hit.node.id} className="hit">
                  <span className="hit-caption">{hit.node.caption}</span>
                  <span className="muted">{t('search.matchedBy', { how: isMessageKey(how) ? t(how) : hit.matchedBy })}</span>
                  <button type="button" className="button small" onClick={() => onOpen([hit.node.id])} aria-label={`${t(action)}: ${hit.node.caption}`}>
                    {t(action)}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {count > 1 && (
        <button type="button" className="button" onClick={() => onOpen(groups.flatMap((g) => g.hits.map((h) => h.node.id)))}>
          {t('search.openAll')}
        </button>
      )}
    </section>
  );
}
