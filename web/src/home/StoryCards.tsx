import { demoInvestigatorOf } from '../../../server/src/auth/demo-users';
import { StoryAccessQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { AppLink } from '../app/Navigation';
import { useI18n } from '../i18n/I18nProvider';
import { GANG_CALLER_PHONE, STORIES, storyAnchor, type Story } from './stories';

const ANCHORS = STORIES.map(storyAnchor);

/**
 * The demo's stories as cards: each opens the canvas where the story starts. A story whose records
 * the viewer's agency cannot see says who holds them (and which demo user can open it) instead.
 */
export function StoryCards() {
  const { data } = useQuery(StoryAccessQuery, { ids: ANCHORS });
  const hidden = (story: Story) => data !== undefined && !data.nodes.some((n) => n.id === storyAnchor(story));
  const agencyName = (id: string) => data?.agencies.find((a) => a.id === id)?.name ?? id;
  return (
    <ul className="stories">
      {STORIES.map((story) => (
        <li key={story.id} className="story" data-testid={`story-${story.id}`}>
          <StoryText story={story} />
          {hidden(story) ? <HiddenStory holder={story.holder} holderName={agencyName(story.holder)} /> : <StoryActions story={story} />}
        </li>
      ))}
    </ul>
  );
}

function StoryText({ story }: { story: Story }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t(`story.${story.id}.title`)}</h3>
      <p>{t(`story.${story.id}.text`, story.params)}</p>
    </>
  );
}

function StoryActions({ story }: { story: Story }) {
  const { t } = useI18n();
  return (
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
  );
}

function HiddenStory({ holder, holderName }: { holder: string; holderName: string }) {
  const { t } = useI18n();
  const user = demoInvestigatorOf(holder);
  return (
    <p className="muted" data-testid="story-hidden">
      {user ? t('story.hiddenDemo', { agency: holderName, user }) : t('story.hidden', { agency: holderName })}
    </p>
  );
}
