import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

function Crashed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <div className="home">
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{t('error.crash')}</p>
        <p>
          <code>{message}</code>
        </p>
        <button type="button" className="button primary" onClick={() => location.reload()}>
          {t('error.reload')}
        </button>
      </div>
    </div>
  );
}

/** A fault while drawing a screen shows a message and a reload, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <Crashed message={this.state.error.message} /> : this.props.children;
  }
}
