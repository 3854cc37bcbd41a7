import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { parseViewer, type Viewer } from './viewer';

interface ViewerState {
  viewer: Viewer;
  setViewer(viewer: Viewer): void;
}

const ViewerContext = createContext<ViewerState | null>(null);
const STORAGE_KEY = 'case-linkage.viewer';

/** The development viewer, remembered in the browser (see viewer.ts). */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [viewer, setState] = useState<Viewer>(() => parseViewer(localStorage.getItem(STORAGE_KEY)));
  const setViewer = useCallback((next: Viewer) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setState(next);
  }, []);
  const value = useMemo(() => ({ viewer, setViewer }), [viewer, setViewer]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer outside ViewerProvider');
  return state;
}
