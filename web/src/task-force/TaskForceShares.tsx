import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { RevokeShareMutation, ShareCaseMutation } from './task-force-operations';

interface Share {
  id: string;
  caseId: string;
  hops: number;
  agency: string;
  sharedBy: string;
  sharedAt: string;
  nodeCount: number;
  linkCount: number;
  revokedAt: string | null;
}

/** The cases shared into a task force, each openable on the canvas; members share one of their agency's cases, and revoke their shares. */
export function TaskForceShares({ taskForceId, shares, agencyName, onChanged }: { taskForceId: string; shares: readonly Share[]; agencyName(id: string): string; onChanged(): void }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const request = useApi();
  const [caseId, setCaseId] = useState('');
  const [hops, setHops] = useState(1);
  const action = useAction();
  const { problem } = action;
  const run = (act: () => Promise<unknown>) =>
    action.run(async () => {
      await act();
      onChanged();
    });
  const share = (e: FormEvent) => {
    e.preventDefault();
    const id = caseId.trim();
    if (id) void run(() => request(ShareCaseMutation, { taskForceId, caseId: id.startsWith('case:') ? id : `case:${id}`, hops })).then(() => setCaseId(''));
  };
  return (
    <section className="card" aria-labelledby="tf-shares">
      <h2 id="tf-shares">{t('tf.shares')}</h2>
      {shares.length === 0 ? (
        <p className="muted">{t('tf.noShares')}</p>
      ) : (
        <ul className="tf-list" data-testid="tf-shares">
          {shares.map((s) => (
            <li key={s.id}>
              <strong>{s.caseId.replace(/^case:/, '')}</strong>{' '}
              <span className="muted">· {t('tf.shareInfo', { agency: agencyName(s.agency), nodes: s.nodeCount, links: s.linkCount, hops: s.hops, who: s.sharedBy.replace(/^user:/, ''), time: formatShanghai(s.sharedAt) })}</span>
              {s.revokedAt ? (
                <span className="muted"> · {t('tf.revoked', { time: formatShanghai(s.revokedAt) })}</span>
              ) : (
                <>
                  <button type="button" className="button small" onClick={() => navigate({ name: 'workspace', open: [s.caseId], story: null })}>
                    {t('tf.openCase')}
                  </button>
                  <button type="button" className="button small subtle" onClick={() => void run(() => request(RevokeShareMutation, { shareId: s.id }))}>
                    {t('tf.revoke')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={share} className="tf-form">
        <label htmlFor="tf-share-case">{t('tf.caseId')}</label>
        <input id="tf-share-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} maxLength={200} data-testid="tf-share-case" />
        <label htmlFor="tf-share-hops">{t('tf.hops')}</label>
        <select id="tf-share-hops" value={hops} onChange={(e) => setHops(Number(e.target.value))}>
          {[0, 1, 2].map((h) => (
            <option key={h} value={h}>
              {t(`tf.hops.${h}` as 'tf.hops.0')}
            </option>
          ))}
        </select>
        <button type="submit" className="button" data-testid="tf-share">
          {t('tf.shareSubmit')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="login-error">
          {problem}
        </p>
      )}
    </section>
  );
}
