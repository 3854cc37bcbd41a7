import { useState } from 'react';
import { EarlyWarningsQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { reasonMessage } from './reasons';

const LIMIT = 100;

/** Early warning (预警劝阻): whom the gangs reached who are not victims yet, whom to call first, each openable on the canvas. */
export function Warnings({ gang }: { gang: string | null }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const [text, setText] = useState(gang ?? '');
  const { data, error, loading, retry } = useQuery(EarlyWarningsQuery, { gangId: gang, limit: LIMIT });
  const list = data?.earlyWarnings;
  const say = (r: Parameters<typeof reasonMessage>[0]) => {
    const m = reasonMessage(r, (iso) => formatShanghai(iso));
    return 'text' in m ? m.text : t(m.key, m.params);
  };
  return (
    <div className="home warnings">
      <section className="hero">
        <h1>{t('warning.title')}</h1>
        <p className="lead">{t('warning.lead')}</p>
        <form
          className="warnings-form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate({ name: 'warnings', gang: text.trim() || null });
          }}
        >
          <label>
            {t('warning.gang')} <input value={text} onChange={(e) => setText(e.target.value)} placeholder="gang:…" data-testid="warning-gang" />
          </label>
          <button type="submit" className="button primary">
            {t('warning.show')}
          </button>
        </form>
      </section>
      {error && <ErrorNotice error={error} onRetry={retry} />}
      {loading && !list && <p role="status">{t('report.loading')}</p>}
      {list && list.length === 0 && <p className="muted">{t('warning.none')}</p>}
      {list && list.length > 0 && (
        <section className="card">
          <table className="report-table warnings-table" data-testid="warnings">
            <thead>
              <tr>
                <th scope="col">{t('warning.col.rank')}</th>
                <th scope="col">{t('warning.col.who')}</th>
                <th scope="col">{t('warning.col.reached')}</th>
                <th scope="col">{t('warning.col.by')}</th>
                <th scope="col">{t('warning.col.reasons')}</th>
                <th scope="col">{t('warning.col.score')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {list.map((w) => (
                <tr key={w.node.id}>
                  <td>{w.rank}</td>
                  <th scope="row">{w.node.caption}</th>
                  <td>{w.identifiers.map((i) => i.caption).join('、')}</td>
                  <td>{w.contactedBy.map((i) => i.caption).join('、')}</td>
                  <td>
                    <ul className="warnings-reasons">
                      {w.reasons.map((r, i) => (
                        <li key={i}>{say(r)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{w.score}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => navigate({ name: 'workspace', open: [w.node.id, ...w.identifiers.map((i) => i.id), ...w.contactedBy.map((i) => i.id)], story: null })}
                    >
                      {t('warning.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
