import { useState } from 'react';
import { ReportStatsQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { formatMoney } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { CaseList } from './CaseList';
import { headline, shares, type Bucket, type CaseDrill, type Figure } from './figures';

/** A year as the window of instants of its Asia/Shanghai calendar. */
const yearWindow = (year: string | null) => (year ? { from: `${year}-01-01T00:00:00+08:00`, to: `${Number(year) + 1}-01-01T00:00:00+08:00` } : { from: null, to: null });

const UNIT: Partial<Record<Figure['key'], MessageKey>> = { reported: 'report.unit.cases', solved: 'report.unit.cases', suspects: 'report.unit.people', frozen: 'report.unit.accounts' };

/** The yearly report, live: the Shanghai report's figures computed from the graph, each one opening the cases behind it. */
export function Report() {
  const { t, lang } = useI18n();
  const { viewer } = useViewer();
  const [year, setYear] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ title: string; filter: CaseDrill } | null>(null);
  const window = yearWindow(year);
  const all = useQuery(ReportStatsQuery, { from: null, to: null });
  const stats = useQuery(ReportStatsQuery, window);
  const years = [...new Set((all.data?.stats.byMonth ?? []).map((b) => b.key.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))].sort();
  const s = stats.data?.stats;
  const money = (fen: string | number) => formatMoney(fen, lang);
  const open = (title: string, filter: CaseDrill) => setDrill({ title, filter });

  const breakdown = (id: string, title: MessageKey, buckets: readonly Bucket[], label: (key: string) => string, field: keyof CaseDrill, order: 'cases' | 'key' = 'cases') => (
    <section className="card report-breakdown" aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('report.col.key')}</th>
            <th scope="col">{t('report.col.cases')}</th>
            <th scope="col">{t('report.col.share')}</th>
            <th scope="col">{t('report.col.loss')}</th>
          </tr>
        </thead>
        <tbody>
          {shares(buckets, order).map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.key === 'UNKNOWN' ? t('report.unknown') : label(row.key)}</th>
              <td>
                <button type="button" className="link-button" onClick={() => open(`${t(title)} · ${label(row.key)}`, row.key === 'UNKNOWN' ? {} : { [field]: row.key })}>
                  {row.cases}
                </button>
              </td>
              <td className="report-share">
                <svg width="100" height="10" aria-hidden="true">
                  <rect width={row.bar} height="10" rx="2" className="report-bar" />
                </svg>
                <span>{row.percent}%</span>
              </td>
              <td>{row.loss === undefined ? '' : money(row.loss)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  return (
    <div className="home report">
      <section className="hero">
        <h1>{t('report.title')}</h1>
        <p className="lead">{t('report.lead')}</p>
        {viewer.oversees.length > 0 && (
          <p className="muted" data-testid="report-scope">
            {t('report.scope', { agency: viewer.agency.name, count: viewer.oversees.length, names: viewer.oversees.map((a) => a.name).join(lang === 'zh-CN' ? '、' : ', ') })}
          </p>
        )}
        <label>
          {t('report.year')}{' '}
          <select value={year ?? ''} onChange={(e) => (setYear(e.target.value || null), setDrill(null))} data-testid="report-year">
            <option value="">{t('report.allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </section>
      {stats.error && <ErrorNotice error={stats.error} onRetry={stats.retry} />}
      {!s && stats.loading && <p role="status">{t('report.loading')}</p>}
      {s && (
        <>
          <ul className="report-figures" data-testid="report-figures">
            {headline(s).map((f) => (
              <li key={f.key}>
                <button type="button" className="report-figure" onClick={() => open(t(`report.figure.${f.key}`), f.drill)} data-testid={`figure-${f.key}`}>
                  <span className="report-figure-label">{t(`report.figure.${f.key}`)}</span>
                  <span className="report-figure-value">
                    {f.money ? money(f.value) : f.value}
                    {UNIT[f.key] && <small> {t(UNIT[f.key]!)}</small>}
                  </span>
                  {f.extra && <span className="muted">{t('report.frozenAmount', { amount: money(f.extra) })}</span>}
                </button>
              </li>
            ))}
          </ul>
          {drill && <CaseList key={JSON.stringify([drill, window])} title={drill.title} filter={{ ...drill.filter, ...window }} onClose={() => setDrill(null)} />}
          <div className="report-grid">
            {breakdown('by-category', 'report.byCategory', s.byCategory, (k) => t(`category.${k}` as MessageKey), 'category')}
            {breakdown('by-channel', 'report.byChannel', s.byChannel, (k) => t(`channel.${k}` as MessageKey), 'channel')}
            {breakdown('by-province', 'report.byProvince', s.byProvince, (k) => k, 'province')}
            {breakdown('by-month', 'report.byMonth', s.byMonth, (k) => k, 'month', 'key')}
          </div>
        </>
      )}
    </div>
  );
}
