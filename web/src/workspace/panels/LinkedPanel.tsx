import { useState } from 'react';
import { asApiError, useApi } from '../../api/use-api';
import type { ApiError } from '../../api/errors';
import { JudgeCaseLinkMutation } from '../../api/operations';
import { formatShanghai } from '../../graph/format';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/messages';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { linkReasonMessage } from '../../linkage/link-reasons';
import type { AnalysisResult } from '../results';

type Linked = Extract<AnalysisResult, { kind: 'linked' }>;
type Verdict = 'CONFIRMED' | 'REJECTED';

/** A confirm or reject with its required reason, sent as the viewer; `onDone` re-reads the links. */
function JudgeForm({ caseA, caseB, verdict, onDone, onCancel }: { caseA: string; caseB: string; verdict: Verdict; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const request = useApi();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="judge-form"
      data-testid="judge-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length === 0) return setMissing(true);
        setBusy(true);
        request(JudgeCaseLinkMutation, { caseA, caseB, verdict, reason })
          .then(onDone, (err: unknown) => setError(asApiError(err)))
          .finally(() => setBusy(false));
      }}
    >
      <label>
        {t('linkage.reasonLabel')}
        <textarea value={reason} rows={2} maxLength={1000} aria-required="true" onChange={(e) => (setReason(e.target.value), setMissing(false))} data-testid="judge-reason" />
      </label>
      {missing && <p role="alert">{t('linkage.reasonMissing')}</p>}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <button type="submit" className="button primary small" disabled={busy} data-testid="judge-save">
        {t('linkage.save')}
      </button>{' '}
      <button type="button" className="button small" onClick={onCancel}>
        {t('linkage.cancel')}
      </button>
    </form>
  );
}

/** Cases linked to the selected case, each with its score and reasons, to confirm or reject. */
export function LinkedPanel({ caseId, result, onRun, onFocus }: { caseId: string | null; result: Linked | undefined; onRun(caseId: string): void; onFocus(ids: string[]): void }) {
  const { t } = useI18n();
  const [judging, setJudging] = useState<{ caseId: string; verdict: Verdict } | null>(null);
  const name = {
    label: (l: string) => (isMessageKey(`linkage.kind.${l}`) ? t(`linkage.kind.${l}` as never) : l),
    category: (c: string) => (isMessageKey(`category.${c}`) ? t(`category.${c}` as never) : c),
  };
  const say = (r: Parameters<typeof linkReasonMessage>[0]) => {
    const m = linkReasonMessage(r, name);
    return 'text' in m ? m.text : t(m.key, m.params);
  };
  const linkedCount = result?.linked.filter((l) => l.linked).length ?? 0;
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
            <p role="status">{t('linked.count', { caseNo: result.caption, count: linkedCount })}</p>
            <ul className="result-list" data-testid="linked-list">
              {result.linked.map((l) => (
                <li key={l.caseId} data-linked={l.linked}>
                  <button type="button" className="link-button" onClick={() => onFocus([l.caseId, ...l.shared.map((s) => s.id)])}>
                    {l.case?.caption ?? l.caseId}
                  </button>{' '}
                  <span className="chip" data-testid="linked-score">
                    {l.linked ? t('linkage.score', { score: l.score }) : t('linkage.rejected')}
                  </span>
                  <span className="muted">
                    {l.case?.category ? t(`category.${l.case.category}`) : ''} {l.case?.reportedAt ? formatShanghai(l.case.reportedAt) : ''}
                  </span>
                  <ul className="linked-reasons">
                    {l.reasons.map((r, i) => (
                      <li key={i}>{say(r)}</li>
                    ))}
                  </ul>
                  {l.judgement && (
                    <p className="muted">
                      {t('linkage.judged', { verdict: t(`linkage.verdict.${l.judgement.verdict}`), by: l.judgement.judgedBy, at: formatShanghai(l.judgement.judgedAt), reason: l.judgement.reason })}
                    </p>
                  )}
                  {judging?.caseId === l.caseId ? (
                    <JudgeForm
                      caseA={result.caseId}
                      caseB={l.caseId}
                      verdict={judging.verdict}
                      onCancel={() => setJudging(null)}
                      onDone={() => {
                        setJudging(null);
                        onRun(result.caseId);
                      }}
                    />
                  ) : (
                    <div className="judge-actions">
                      {l.judgement?.verdict !== 'CONFIRMED' && (
                        <button type="button" className="button small" onClick={() => setJudging({ caseId: l.caseId, verdict: 'CONFIRMED' })} data-testid="judge-confirm">
                          {t('linkage.confirm')}
                        </button>
                      )}{' '}
                      {l.judgement?.verdict !== 'REJECTED' && (
                        <button type="button" className="button small" onClick={() => setJudging({ caseId: l.caseId, verdict: 'REJECTED' })} data-testid="judge-reject">
                          {t('linkage.reject')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
