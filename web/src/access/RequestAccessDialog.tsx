import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/I18nProvider';
import { reasonGiven } from './access';
import { RequestAccessMutation } from './access-operations';

/** Asks why, and sends the request for access to the agency that also holds the identifier. */
export function RequestAccessDialog({ nodeId, agency, onClose, onSent }: { nodeId: string; agency: { id: string; name: string }; onClose(): void; onSent(): void }) {
  const { t } = useI18n();
  const request = useApi();
  const [reason, setReason] = useState('');
  const [noReason, setNoReason] = useState(false);
  const { run, problem, busy } = useAction();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    dialog.current?.showModal?.();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNoReason(!reasonGiven(reason));
    if (!reasonGiven(reason)) return;
    await run(async () => {
      await request(RequestAccessMutation, { nodeId, agency: agency.id, reason: reason.trim() });
      onSent();
    });
  };
  const error = noReason ? t('hit.needReason') : problem;
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-title`} className="reveal-dialog" onClose={onClose} data-testid="request-access-dialog">
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('hit.requestTitle', { agency: agency.name })}</h2>
        <p>{t('hit.requestExplain')}</p>
        <label htmlFor={`${id}-reason`}>{t('hit.reason')}</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} data-testid="request-access-reason" />
        {error && (
          <p role="alert" className="login-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button subtle" onClick={onClose}>
            {t('hit.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="request-access-send">
            {t('hit.send')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
