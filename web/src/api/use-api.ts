import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useViewer } from '../viewer/ViewerProvider';
import { gqlRequest } from './client';
import { ApiError } from './errors';

export type Request = <R, V>(document: TadaDocumentNode<R, V>, variables: V, signal?: AbortSignal) => Promise<R>;

/** Sends operations as the signed-in viewer (the session cookie); a new viewer gives a new function, so queries rerun. */
export function useApi(): Request {
  const { viewer } = useViewer();
  return useCallback<Request>((document, variables, signal) => gqlRequest(document, variables, { signal }), [viewer]); // eslint-disable-line react-hooks/exhaustive-deps
}

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Sends the same request again. */
  retry(): void;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError('unexpected', error instanceof Error ? error.message : String(error)));

/**
 * Runs a query when its variables (or the viewer) change; `variables: null` skips it. A newer
 * request aborts the one in flight, so an answer never lands on the wrong question.
 */
export function useQuery<R, V>(document: TadaDocumentNode<R, V>, variables: V | null): QueryState<R> {
  const request = useApi();
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean }>({ loading: variables !== null });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  const vars = useRef(variables);
  vars.current = variables;
  useEffect(() => {
    if (vars.current === null) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    request(document, vars.current, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error: asApiError(error), loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, request, attempt]);
  return { ...state, data: state.data, error: state.error, retry: () => setAttempt((n) => n + 1) };
}

export { asApiError };
