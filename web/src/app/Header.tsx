import { useI18n } from '../i18n/I18nProvider';
import { useOptionalViewer } from '../viewer/ViewerProvider';
import { mayReadAudit } from '../audit/audit-filter';
import { AppLink } from './Navigation';

/** The bar on every screen: the product, the language switch, and who is signed in (agency, role) with logout. */
export function Header() {
  const { t, lang, setLang } = useI18n();
  const session = useOptionalViewer();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {session ? (
        <AppLink route={{ name: 'home', q: '' }} className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          <span>{t('app.name')}</span>
        </AppLink>
      ) : (
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          <span>{t('app.name')}</span>
        </span>
      )}
      <span className="tagline">{t('app.tagline')}</span>
      <nav className="header-actions" aria-label={t('nav.home')}>
        {session && (
          <>
            <AppLink route={{ name: 'report' }} className="button subtle">
              {t('nav.report')}
            </AppLink>
            <AppLink route={{ name: 'warnings', gang: null }} className="button subtle">
              {t('nav.warnings')}
            </AppLink>
            <AppLink route={{ name: 'series', offset: 0 }} className="button subtle">
              {t('nav.series')}
            </AppLink>
            <AppLink route={{ name: 'import' }} className="button subtle">
              {t('nav.import')}
            </AppLink>
            <AppLink route={{ name: 'taskForces' }} className="button subtle">
              {t('nav.taskForces')}
            </AppLink>
            <AppLink route={{ name: 'access' }} className="button subtle" data-testid="nav-access">
              {t('nav.access')}
            </AppLink>
            {mayReadAudit(session.viewer.role) && (
              <AppLink route={{ name: 'audit' }} className="button subtle" data-testid="nav-audit">
                {t('nav.audit')}
              </AppLink>
            )}
          </>
        )}
        <button type="button" className="button subtle" lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} title={t('lang.switchLabel')} onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="lang-switch">
          {t('lang.switch')}
        </button>
        {session && (
          <>
            <span className="session-who" title={t('session.user', { name: session.viewer.name })} data-testid="session-who">
              {t('session.who', { agency: session.viewer.agency.name, role: t(`role.${session.viewer.role}`) })}
            </span>
            <button type="button" className="button subtle" onClick={() => void session.logout()} data-testid="logout">
              {t('session.logout')}
            </button>
          </>
        )}
      </nav>
    </header>
  );
}
