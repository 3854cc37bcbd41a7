import { problemMessage, type ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/**
 * An API error in words a person understands, what was being done when it happened, and a retry
 * that sends the same request again.
 */
export function ErrorNotice({ error, action, onRetry, onDismiss }: { error: ApiError; action?: MessageKey; onRetry?: () => void; onDismiss?: () => void }) {
  const { t } = useI18n();
  const detail = error.detail || error.problem;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{action ? t('error.while', { action: t(action) }) : t('error.title')}</p>
      <p>{t(problemMessage(error.problem), { detail })}</p>
      <div className="notice-actions">
        {onRetry && (
          <button type="button" className="button primary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button" onClick={onDismiss}>
            {t('error.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
