import { AppLink } from '../app/Navigation';
import { useI18n } from '../i18n/I18nProvider';
import { GANG_CALLER_PHONE, STORIES } from './stories';

/** The demo's stories as cards: each opens the canvas where the story starts. */
export function StoryCards() {
  const { t } = useI18n();
  return (
    <ul className="stories">
      {STORIES.map((story) => (
        <li key={story.id} className="story" data-testid={`story-${story.id}`}>
          <h3>{t(`story.${story.id}.title`)}</h3>
          <p>{t(`story.${story.id}.text`, story.params)}</p>
          <div className="row">
            <AppLink className="button primary" route={{ name: 'workspace', open: [], story: story.id }}>
              {t(`story.${story.id}.action`)}
            </AppLink>
            {story.id === 'gang' && (
              <AppLink className="button" route={{ name: 'workspace', open: [GANG_CALLER_PHONE], story: null }}>
                {t('story.gang.phone')}
              </AppLink>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
