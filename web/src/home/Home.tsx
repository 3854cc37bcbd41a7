import { AppLink, useNavigation } from '../app/Navigation';
import { useI18n } from '../i18n/I18nProvider';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { RecentInvestigations } from './RecentInvestigations';
import { StoryCards } from './StoryCards';

/** The first screen: the search box, the demo's stories and the recent investigations. */
export function Home({ q }: { q: string }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchBox large initial={q} onSearch={(text) => navigate({ name: 'home', q: text })} />
      </section>
      {q && (
        <section className="card">
          <SearchResults text={q} onOpen={(ids) => navigate({ name: 'workspace', open: ids, story: null })} />
        </section>
      )}
      <div className="home-columns">
        <section className="card" aria-labelledby="stories-title">
          <h2 id="stories-title">{t('home.stories')}</h2>
          <p className="muted">{t('home.storiesLead')}</p>
          <StoryCards />
        </section>
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('home.recent')}</h2>
          <RecentInvestigations />
          <AppLink className="button" route={{ name: 'workspace', open: [], story: null }}>
            {t('home.newCanvas')}
          </AppLink>
        </section>
      </div>
    </div>
  );
}
