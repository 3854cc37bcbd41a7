import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { asApiError, useApi } from '../api/use-api';
import { problemMessage } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { RevealMutation } from './session-operations';
import type { Role } from './viewer';

/** Whether a role may ask to see a masked value (the server decides again). */
export const mayReveal = (role: Role) => role === 'INVESTIGATOR' || role === 'TASK_FORCE_LEAD' || role === 'PROSECUTOR';

/** A masked value shows with a button; the dialog asks why, and the answer replaces the mask. */
export function RevealButton({ nodeId, property, label, onRevealed }: { nodeId: string; property: string; label: string; onRevealed(value: string | null): void }) {
  const { t } = useI18n();
  const request = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) dialog.current?.showModal?.();
    else dialog.current?.close?.();
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 4) {
      setError(t('reveal.needReason'));
      return;
    }
    try {
      const data = await request(RevealMutation, { nodeId, property, reason: reason.trim() });
      onRevealed(data.reveal.value ?? null);
      setOpen(false);
    } catch (err) {
      const problem = asApiError(err);
      setError(t(problemMessage(problem.problem), { detail: problem.detail }));
    }
  };
  return (
    <>
      <button type="button" className="button subtle small" onClick={() => { setReason(''); setError(''); setOpen(true); }} data-testid={`reveal-${property}`}>
        {t('reveal.button')}
      </button>
      {open && (
        <dialog ref={dialog} aria-labelledby={`${id}-title`} className="reveal-dialog" onClose={() => setOpen(false)} data-testid="reveal-dialog">
          <form onSubmit={submit}>
            <h2 id={`${id}-title`}>{t('reveal.title', { what: label })}</h2>
            <p>{t('reveal.explain')}</p>
            <label htmlFor={`${id}-reason`}>{t('reveal.reason')}</label>
            <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} data-testid="reveal-reason" />
            {error && <p role="alert" className="login-error">{error}</p>}
            <div className="dialog-actions">
              <button type="button" className="button subtle" onClick={() => setOpen(false)}>
                {t('reveal.cancel')}
              </button>
              <button type="submit" className="button primary" data-testid="reveal-submit">
                {t('reveal.submit')}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
