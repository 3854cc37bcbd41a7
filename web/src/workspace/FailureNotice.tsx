import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { Failure } from './use-tasks';

/**
 * What went wrong with the last request, with a retry. A save that lost the race to someone
 * else's cannot be retried as it is: it offers to save as a new investigation instead.
 */
export function FailureNotice({ failure, onDismiss, onSaveAs }: { failure: Failure; onDismiss(): void; onSaveAs(): void }) {
  const { t } = useI18n();
  if (failure.action === 'action.save' && failure.error.problem === 'stale') {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('save.stale')}</p>
        <div className="notice-actions">
          <button type="button" className="button primary" onClick={onSaveAs}>
            {t('toolbar.saveAs')}
          </button>
          <button type="button" className="button" onClick={onDismiss}>
            {t('error.dismiss')}
          </button>
        </div>
      </div>
    );
  }
  return <ErrorNotice error={failure.error} action={failure.action} onRetry={failure.retry} onDismiss={onDismiss} />;
}
