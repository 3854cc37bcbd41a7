import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { formatShanghai } from '../graph/format';
import { useI18n } from '../i18n/I18nProvider';
import { AddMemberMutation, RemoveMemberMutation } from './task-force-operations';
import { userMemberId } from './task-force';

interface Member {
  kind: 'AGENCY' | 'USER';
  id: string;
  addedAt: string;
  addedBy: string;
}

/** A task force's members (agencies and users); its lead invites and removes them. */
export function TaskForceMembers({ taskForceId, members, agencies, manages, onChanged }: { taskForceId: string; members: readonly Member[]; agencies: readonly { id: string; name: string }[]; manages: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const request = useApi();
  const [agency, setAgency] = useState('');
  const [user, setUser] = useState('');
  const action = useAction();
  const { problem } = action;
  const nameOf = (m: Member) => (m.kind === 'AGENCY' ? (agencies.find((a) => a.id === m.id)?.name ?? m.id) : m.id.replace(/^user:/, ''));
  const run = (act: () => Promise<unknown>) =>
    action.run(async () => {
      await act();
      onChanged();
    });
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (agency) void run(() => request(AddMemberMutation, { taskForceId, agency, userId: null })).then(() => setAgency(''));
    else if (user.trim()) void run(() => request(AddMemberMutation, { taskForceId, agency: null, userId: userMemberId(user) })).then(() => setUser(''));
  };
  return (
    <section className="card" aria-labelledby="tf-members">
      <h2 id="tf-members">{t('tf.members')}</h2>
      <ul className="tf-list" data-testid="tf-members">
        {members.map((m) => (
          <li key={`${m.kind}:${m.id}`}>
            <strong>{nameOf(m)}</strong> <span className="muted">· {t(`tf.member.${m.kind}`)} · {t('tf.added', { who: m.addedBy.replace(/^user:/, ''), time: formatShanghai(m.addedAt) })}</span>
            {manages && (
              <button type="button" className="button small subtle" onClick={() => void run(() => request(RemoveMemberMutation, m.kind === 'AGENCY' ? { taskForceId, agency: m.id, userId: null } : { taskForceId, agency: null, userId: m.id }))}>
                {t('tf.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manages && (
        <form onSubmit={add} className="tf-form">
          <label htmlFor="tf-add-agency">{t('tf.addAgency')}</label>
          <select id="tf-add-agency" value={agency} onChange={(e) => setAgency(e.target.value)} data-testid="tf-add-agency">
            <option value="">—</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor="tf-add-user">{t('tf.addUser')}</label>
          <input id="tf-add-user" value={user} onChange={(e) => setUser(e.target.value)} maxLength={70} data-testid="tf-add-user" />
          <button type="submit" className="button" data-testid="tf-add-member">
            {t('tf.invite')}
          </button>
        </form>
      )}
      {problem && (
        <p role="alert" className="login-error">
          {problem}
        </p>
      )}
    </section>
  );
}
