import { GANG_LAYERS } from '../../../../server/src/domain/model';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh-CN';
import type { AnalysisResult } from '../results';

type Gang = Extract<AnalysisResult, { kind: 'gang' }>;

/** The gang of the selected person: its members layer by layer, management first; inferred layers with their confidence and evidence. */
export function GangPanel({ seed, result, onRun, onFocus }: { seed: string | null; result: Gang | undefined; onRun(id: string): void; onFocus(ids: string[]): void }) {
  const { t } = useI18n();
  const gang = result?.gang;
  return (
    <div>
      {seed ? (
        <button type="button" className="button primary" onClick={() => onRun(seed)}>
          {t('gang.run')}
        </button>
      ) : (
        <p className="muted">{t('gang.pick')}</p>
      )}
      {result && !gang && <p role="status">{t('gang.none', { name: result.name })}</p>}
      {gang && (
        <section aria-label={gang.gang.caption}>
          <h3>{gang.gang.caption}</h3>
          <p role="status">{t('gang.members', { count: gang.members.length })}</p>
          {[...GANG_LAYERS, null].map((layer) => {
            const members = gang.members.filter((m) => (m.layer ?? null) === layer);
            if (!members.length) return null;
            return (
              <div key={layer ?? 'none'} className="gang-layer">
                <h4>
                  {layer ? t(`layer.${layer}`) : t('layer.unknown')} <span className="count">{members.length}</span>
                </h4>
                <ul className="chips">
                  {members.map((m) => (
                    <li key={m.person.id}>
                      <button
                        type="button"
                        className="chip"
                        onClick={() => onFocus([m.person.id, ...(m.evidence[0]?.ids ?? [])])}
                        title={m.recorded ? t('gang.recorded') : m.evidence.map((e) => t(`role.${e.rule}` as MessageKey)).join('; ')}
                      >
                        {m.person.caption}
                        {!m.recorded && m.layer && <span className="muted"> {t('gang.inferred', { confidence: Math.round(m.confidence * 100) })}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
