import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { problemMessage } from './errors';
import { asApiError } from './use-api';

/**
 * Runs an action a user started (a mutation and what follows it), keeping its failure as a
 * sentence to show and whether it is still under way.
 */
export function useAction() {
  const { t } = useI18n();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setProblem('');
    setBusy(true);
    try {
      await action();
    } catch (err) {
      const p = asApiError(err);
      setProblem(t(problemMessage(p.problem), { detail: p.detail }));
    } finally {
      setBusy(false);
    }
  };
  return { run, problem, busy };
}
