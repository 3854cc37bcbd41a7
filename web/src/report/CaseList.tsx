import { useState } from 'react';
import { CasesQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { AppLink } from '../app/Navigation';
import { formatMoney, formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { CaseDrill } from './figures';

const PAGE = 20;

/** The cases behind one figure of the report, a page at a time, each openable on the canvas (remount it for a new filter). */
export function CaseList({ title, filter, onClose }: { title: string; filter: CaseDrill & { from: string | null; to: string | null }; onClose(): void }) {
  const { t, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  // The API's enums arrive here as the keys stats gave; the server checks them.
  const variables = {
    from: filter.from,
    to: filter.to,
    month: filter.month ?? null,
    province: filter.province ?? null,
    category: (filter.category ?? null) as never,
    channel: (filter.channel ?? null) as never,
    status: (filter.status ?? null) as never,
    having: filter.having ?? null,
    limit: PAGE,
    offset,
  };
  const { data, error, loading, retry } = useQuery(CasesQuery, variables);
  const page = data?.cases;
  return (
    <section className="card report-cases" aria-labelledby="report-cases-title" data-testid="report-cases">
      <div className="report-cases-head">
        <h2 id="report-cases-title">{t('report.cases.title', { what: title, total: page?.total ?? '…' })}</h2>
        <button type="button" className="button subtle" onClick={onClose}>
          {t('report.cases.close')}
        </button>
      </div>
      {error && <ErrorNotice error={error} onRetry={retry} />}
      {loading && !page && <p role="status">{t('report.loading')}</p>}
      {page && page.total === 0 && <p className="muted">{t('report.cases.none')}</p>}
      {page && page.cases.length > 0 && (
        <>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.caseNo')}</th>
                <th scope="col">{t('report.col.category')}</th>
                <th scope="col">{t('report.col.status')}</th>
                <th scope="col">{t('report.col.province')}</th>
                <th scope="col">{t('report.col.reportedAt')}</th>
                <th scope="col">{t('report.col.loss')}</th>
              </tr>
            </thead>
            <tbody>
              {page.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <AppLink route={{ name: 'workspace', open: [c.id], story: null }} aria-label={`${t('report.cases.open')} ${c.caseNo ?? c.caption}`}>
                      {c.caseNo ?? c.caption}
                    </AppLink>
                  </th>
                  <td>{c.category ? t(`category.${c.category}`) : ''}</td>
                  <td>{c.status ? t(`status.${c.status}` as MessageKey) : ''}</td>
                  <td>{c.province ?? ''}</td>
                  <td>{c.reportedAt ? formatShanghai(c.reportedAt) : ''}</td>
                  <td>{c.loss ? formatMoney(c.loss, lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="report-pager">
            <button type="button" className="button small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('report.cases.prev')}
            </button>
            <span className="muted">{t('report.cases.page', { from: offset + 1, to: offset + page.cases.length, total: page.total })}</span>
            <button type="button" className="button small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              {t('report.cases.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
