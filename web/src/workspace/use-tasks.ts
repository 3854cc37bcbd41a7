import { useCallback, useRef, useState } from 'react';
import { asApiError } from '../api/use-api';
import type { ApiError } from '../api/errors';
import type { MessageKey } from '../i18n/messages';

export interface Failure {
  error: ApiError;
  /** What was being done, for "Could not expand". */
  action: MessageKey;
  /** Runs the same task again: the request is kept. */
  retry(): void;
}

export interface Tasks {
  /** What is being done right now, for the status line. */
  busy: MessageKey | null;
  failure: Failure | null;
  dismiss(): void;
  /** Runs a task; true when it finished, false when it failed (the failure is shown) or was aborted. */
  run(action: MessageKey, task: (signal: AbortSignal) => Promise<void>): Promise<boolean>;
}

/** Runs the workspace's requests one after another's errors: busy state, failures in words, retry. */
export function useTasks(): Tasks {
  const [busy, setBusy] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const running = useRef(0);
  const controllers = useRef(new Set<AbortController>());
  const run = useCallback(async (action: MessageKey, task: (signal: AbortSignal) => Promise<void>): Promise<boolean> => {
    const controller = new AbortController();
    controllers.current.add(controller);
    running.current += 1;
    setBusy(action);
    setFailure(null);
    try {
      await task(controller.signal);
      return true;
    } catch (error) {
      if (!controller.signal.aborted && !(error instanceof DOMException && error.name === 'AbortError')) {
        setFailure({ error: asApiError(error), action, retry: () => void run(action, task) });
      }
      return false;
    } finally {
      controllers.current.delete(controller);
      running.current -= 1;
      if (running.current === 0) setBusy(null);
    }
  }, []);
  return { busy, failure, dismiss: () => setFailure(null), run };
}
