import { useI18n } from '../i18n/I18nProvider';

/** The viewer's most recently saved investigations (the investigations API lands with issue 5's server part). */
export function RecentInvestigations() {
  const { t } = useI18n();
  return <p className="muted">{t('home.recentEmpty')}</p>;
}
