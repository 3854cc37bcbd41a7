import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import { problemMessage } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { loginProblem, type LoginProblem } from './viewer';

/** The first screen without a session: login name and password, posted to /auth/login. */
export function LoginScreen({ onSignedIn, error }: { onSignedIn(): void; error?: ApiError }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ kind: LoginProblem; seconds: number } | null>(null);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name.trim(), password }) });
      const kind = loginProblem(response.status);
      if (!kind) {
        setPassword('');
        onSignedIn();
        return;
      }
      setProblem({ kind, seconds: Number(response.headers.get('retry-after') ?? 0) });
    } catch {
      setProblem({ kind: 'failed', seconds: 0 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="login" aria-labelledby={`${id}-title`} data-testid="login">
      <h1 id={`${id}-title`}>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {error && <p role="alert" className="login-error">{t(problemMessage(error.problem), { detail: error.detail })}</p>}
      <form onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('login.name')}</label>
        <input id={`${id}-name`} name="username" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} data-testid="login-name" />
        <label htmlFor={`${id}-password`}>{t('login.password')}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={256} data-testid="login-password" />
        {problem && (
          <p role="alert" className="login-error" data-testid="login-problem">
            {problem.kind === 'throttled' ? t('login.throttled', { seconds: problem.seconds }) : t(problem.kind === 'wrong' ? 'login.wrong' : 'login.failed')}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
