import { useState } from 'react';
import type { Label } from '../../../server/src/domain/model';
import { useQuery } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useViewer } from '../viewer/ViewerProvider';
import { grantedOpen, mayRequestAccess } from './access';
import { DeconflictionQuery } from './access-operations';
import { RequestAccessDialog } from './RequestAccessDialog';

/**
 * The deconfliction hit on an identifier (card, phone, account, device, person by national id):
 * which other agencies also hold it — their names, nothing of their data — and the request for
 * access to each, or where it stands. Nothing shows when no other agency holds it.
 */
export function DeconflictionHit({ nodeId, label }: { nodeId: string; label: Label }) {
  const { t, lang } = useI18n();
  const { viewer } = useViewer();
  const { navigate } = useNavigation();
  const { data, error, retry } = useQuery(DeconflictionQuery, { nodeIds: [nodeId] });
  const [asking, setAsking] = useState<{ id: string; name: string } | null>(null);
  if (error) return <ErrorNotice error={error} action="hit.loading" onRetry={retry} />;
  const hit = data?.deconfliction.find((h) => h.nodeId === nodeId);
  if (!hit) return null;
  const what = lang === 'en' ? t(`label.${label}`).toLowerCase() : t(`label.${label}`);
  return (
    <section className="notice deconfliction" aria-label={t('hit.title')} data-testid="deconfliction-hit">
      <p className="notice-title">{t('hit.title')}</p>
      <ul>
        {hit.holders.map(({ agency, request }) => (
          <li key={agency.id} data-testid={`hit-${agency.id}`}>
            <strong>{t('hit.holds', { agency: agency.name, what })}</strong>
            {request && (
              <span className="muted" data-testid="hit-status">
                {' '}
                {t(`hit.status.${request.status}`)}
              </span>
            )}
            <div className="notice-actions">
              {request?.status === 'GRANTED' && (
                <button type="button" className="button small" onClick={() => navigate({ name: 'workspace', open: grantedOpen(request), story: null })} data-testid="hit-open-granted">
                  {t('hit.openGranted')}
                </button>
              )}
              {mayRequestAccess(viewer.role) && (!request || request.status === 'REFUSED') && (
                <button type="button" className="button small primary" onClick={() => setAsking(agency)} data-testid="hit-request">
                  {t('hit.request')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">{t('hit.explain')}</p>
      {asking && (
        <RequestAccessDialog
          nodeId={nodeId}
          agency={asking}
          onClose={() => setAsking(null)}
          onSent={() => {
            setAsking(null);
            retry();
          }}
        />
      )}
    </section>
  );
}
