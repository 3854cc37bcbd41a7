import { useI18n } from '../i18n/I18nProvider';
import type { StoryId } from '../home/stories';

/** The investigation workspace (canvas, panels, toolbar). */
export function Workspace({ open }: { open: string[]; story: StoryId | null; investigationId: string | null }) {
  const { t } = useI18n();
  return (
    <div className="home">
      <p>{t('canvas.empty')}</p>
      <ul>
        {open.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
    </div>
  );
}
