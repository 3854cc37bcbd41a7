import { CaseSeriesQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/messages';
import { ErrorNotice } from '../ui/ErrorNotice';
import { seriesReasonMessage } from './link-reasons';

const PAGE = 50;
/** Cases one series opens on the canvas at most, with the identifiers that join them. */
const OPEN_AT_MOST = 200;

/** Case series (串并案件系列): every case clustered with the cases it is linked to, each with its one-line reason, openable on the canvas. */
export function Series({ offset }: { offset: number }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { data, error, loading, retry } = useQuery(CaseSeriesQuery, { limit: PAGE, offset });
  const page = data?.caseSeries;
  const name = { label: (l: string) => (isMessageKey(`linkage.kind.${l}`) ? t(`linkage.kind.${l}` as never) : l) };
  const reason = (s: NonNullable<typeof page>['series'][number]) => {
    const m = seriesReasonMessage(s, name);
    return 'text' in m ? m.text : t(m.key, m.params);
  };
  return (
    <div className="home series">
      <section className="hero">
        <h1>{t('series.title')}</h1>
        <p className="lead">{t('series.lead')}</p>
      </section>
      {error && <ErrorNotice error={error} onRetry={retry} />}
      {loading && !page && <p role="status">{t('series.loading')}</p>}
      {page && page.total === 0 && <p className="muted">{t('series.none')}</p>}
      {page && page.total > 0 && (
        <section className="card">
          <p role="status">{t('series.count', { total: page.total, from: Math.min(page.total, offset + 1), to: Math.min(page.total, offset + page.series.length) })}</p>
          <table className="report-table" data-testid="series">
            <thead>
              <tr>
                <th scope="col">{t('series.col.size')}</th>
                <th scope="col">{t('series.col.reason')}</th>
                <th scope="col">{t('series.col.categories')}</th>
                <th scope="col">{t('series.col.span')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {page.series.map((s) => (
                <tr key={s.id}>
                  <td>{s.size}</td>
                  <th scope="row">{reason(s)}</th>
                  <td>{s.categories.map((c) => t(`category.${c}`)).join('、')}</td>
                  <td>{s.from && s.to ? `${formatShanghai(s.from)} – ${formatShanghai(s.to)}` : ''}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => navigate({ name: 'workspace', open: [...s.caseIds.slice(0, OPEN_AT_MOST), ...s.keyIdentifiers.map((k) => k.id)], story: null })}
                    >
                      {t('series.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="notice-actions">
            {offset > 0 && (
              <button type="button" className="button" onClick={() => navigate({ name: 'series', offset: Math.max(0, offset - PAGE) })}>
                {t('series.prev')}
              </button>
            )}
            {offset + page.series.length < page.total && (
              <button type="button" className="button" onClick={() => navigate({ name: 'series', offset: offset + PAGE })}>
                {t('series.next')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
