import { useState } from 'react';
import type { ResultOf } from '../api/graphql';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { useViewer } from '../viewer/ViewerProvider';
import { grantedOpen, mayDecideAccess, userName } from './access';
import { DecideAccessRequestMutation, WithdrawAccessGrantMutation, type AccessRequestsQuery } from './access-operations';

export type AccessRequestItem = ResultOf<typeof AccessRequestsQuery>['accessRequests'][number];

/**
 * One request for access: the identifier, who asked whom and why, where it stands; to the holding
 * agency's investigators and leads a pending one offers grant and refuse with a note, and a granted
 * one its withdrawal; to the requester a granted one opens the cases it opened.
 */
export function AccessRequestRow({ r, incoming, onDecided }: { r: AccessRequestItem; incoming: boolean; onDecided(): void }) {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const { navigate } = useNavigation();
  const request = useApi();
  const [note, setNote] = useState('');
  const { run, problem: error, busy } = useAction();
  const decide = (grant: boolean) =>
    run(async () => {
      await request(DecideAccessRequestMutation, { id: r.id, grant, note: note.trim() || null });
      onDecided();
    });
  const withdraw = () =>
    run(async () => {
      await request(WithdrawAccessGrantMutation, { id: r.id, note: note.trim() || null });
      onDecided();
    });
  const decides = incoming && mayDecideAccess(viewer.role);
  const noteField = (
    <>
      <label className="visually-hidden" htmlFor={`note-${r.id}`}>
        {t('access.note')}
      </label>
      <input id={`note-${r.id}`} value={note} placeholder={t('access.note')} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="access-note" />
    </>
  );
  return (
    <tr data-testid={`access-request-${r.id}`}>
      <th scope="row">{r.node?.caption ?? r.nodeId}</th>
      <td>{incoming ? r.requester.name : r.holder.name}</td>
      <td>
        {r.reason}
        <div className="muted">
          {userName(r.requestedBy)} · {formatShanghai(r.requestedAt)}
        </div>
      </td>
      <td data-testid="access-status">
        <strong>{t(`access.status.${r.status}`)}</strong>
        {r.decidedAt && <div className="muted">{t('access.decided', { who: userName(r.decidedBy ?? ''), time: formatShanghai(r.decidedAt) })}</div>}
        {r.note && <div className="muted">{t('access.noteShown', { note: r.note })}</div>}
      </td>
      <td>
        {decides && r.status === 'PENDING' && (
          <div className="access-decide">
            {noteField}
            <button type="button" className="button small primary" disabled={busy} onClick={() => void decide(true)} data-testid="access-grant">
              {t('access.grant')}
            </button>
            <button type="button" className="button small" disabled={busy} onClick={() => void decide(false)} data-testid="access-refuse">
              {t('access.refuse')}
            </button>
          </div>
        )}
        {decides && r.status === 'GRANTED' && (
          <div className="access-decide">
            {noteField}
            <button type="button" className="button small" disabled={busy} onClick={() => void withdraw()} data-testid="access-withdraw">
              {t('access.withdraw')}
            </button>
          </div>
        )}
        {incoming && r.status === 'PENDING' && !mayDecideAccess(viewer.role) && <span className="muted">{t('access.mayNotDecide')}</span>}
        {!incoming && r.status === 'GRANTED' && (
          <button type="button" className="button small" onClick={() => navigate({ name: 'workspace', open: grantedOpen(r), story: null })} data-testid="access-open-granted">
            {t('access.openGranted', { count: r.grantedCases.length })}
          </button>
        )}
        {error && (
          <p role="alert" className="login-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
