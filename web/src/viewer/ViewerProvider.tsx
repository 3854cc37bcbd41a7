import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { gqlRequest, SESSION_ENDED } from '../api/client';
import { ApiError } from '../api/errors';
import { MeQuery } from './session-operations';
import { viewerFromMe, type Viewer } from './viewer';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; error: ApiError } | { status: 'signed-in'; viewer: Viewer };

interface ViewerState {
  viewer: Viewer;
  logout(): Promise<void>;
}

const ViewerContext = createContext<ViewerState | null>(null);

/** Asks the server who is signed in (the session cookie); shows `login` until someone is. */
export function ViewerProvider({ children, login }: { children: ReactNode; login: (props: { onSignedIn(): void; error?: ApiError }) => ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const load = useCallback(() => {
    gqlRequest(MeQuery, {}, {}).then(
      (data) => setState({ status: 'signed-in', viewer: viewerFromMe(data.me) }),
      (error: unknown) => {
        if (error instanceof ApiError && error.problem === 'unauthenticated') setState({ status: 'anonymous' });
        else setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError('unexpected', String(error)) });
      },
    );
  }, []);
  useEffect(() => {
    load();
    const ended = () => setState({ status: 'anonymous' });
    addEventListener(SESSION_ENDED, ended);
    return () => removeEventListener(SESSION_ENDED, ended);
  }, [load]);
  const logout = useCallback(async () => {
    await fetch('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    setState({ status: 'anonymous' });
  }, []);
  const value = useMemo(() => (state.status === 'signed-in' ? { viewer: state.viewer, logout } : null), [state, logout]);
  if (state.status === 'loading') return null;
  if (!value) return <>{login({ onSignedIn: load, error: state.status === 'error' ? state.error : undefined })}</>;
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer outside ViewerProvider');
  return state;
}

/** The viewer when someone is signed in, else null (the header shows on the login screen too). */
export const useOptionalViewer = (): ViewerState | null => useContext(ViewerContext);
