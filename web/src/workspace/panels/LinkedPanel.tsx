import { formatShanghai } from '../../graph/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { AnalysisResult } from '../results';

type Linked = Extract<AnalysisResult, { kind: 'linked' }>;

/** Cases that share an identifier or a suspect with the selected case, and what they share. */
export function LinkedPanel({ caseId, result, onRun, onFocus }: { caseId: string | null; result: Linked | undefined; onRun(caseId: string): void; onFocus(ids: string[]): void }) {
  const { t } = useI18n();
  return (
    <div>
      {caseId ? (
        <button type="button" className="button primary" onClick={() => onRun(caseId)}>
          {t('linked.run')}
        </button>
      ) : (
        <p className="muted">{t('linked.pick')}</p>
      )}
      {result &&
        (result.linked.length === 0 ? (
          <p role="status">{t('linked.none', { caseNo: result.caption })}</p>
        ) : (
          <>
            <p role="status">{t('linked.count', { caseNo: result.caption, count: result.linked.length })}</p>
            <ul className="result-list" data-testid="linked-list">
              {result.linked.map((l) => (
                <li key={l.caseId}>
                  <button type="button" className="link-button" onClick={() => onFocus([l.caseId, ...l.shared.map((s) => s.id)])}>
                    {l.case?.caption ?? l.caseId}
                  </button>
                  <span className="muted">
                    {l.case?.category ? t(`category.${l.case.category}`) : ''} {l.case?.reportedAt ? formatShanghai(l.case.reportedAt) : ''}
                  </span>
                  <div>
                    {t('linked.shared')}{' '}
                    {l.shared.map((s) => (
                      <span key={s.id} className="chip">
                        {t(`label.${s.label}`)} {s.caption}
                      </span>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
