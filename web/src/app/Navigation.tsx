import { createContext, useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { parseRoute, routeHref, type Route } from './route';

interface Navigation {
  route: Route;
  /** Changes on every navigation except one that keeps the screen (a new investigation getting its address on save). */
  visit: number;
  navigate(route: Route, options?: { replace?: boolean; keepScreen?: boolean }): void;
}

const NavigationContext = createContext<Navigation | null>(null);

const current = () => parseRoute(location.pathname, location.search);

/** The address bar as the app's state: pushState on navigation, popstate on back and forward. */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(current);
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setRoute(current());
      setVisit((v) => v + 1);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route, options: { replace?: boolean; keepScreen?: boolean } = {}) => {
    const href = routeHref(next);
    if (options.replace) history.replaceState(null, '', href);
    else if (href !== location.pathname + location.search) history.pushState(null, '', href);
    setRoute(parseRoute(location.pathname, location.search));
    if (!options.keepScreen) setVisit((v) => v + 1);
  }, []);
  const value = useMemo(() => ({ route, visit, navigate }), [route, visit, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}

/** A link to a route of the app: a real href (open in a new tab works), navigated in place on a plain click. */
export function AppLink({ route, className, children, ...rest }: { route: Route; className?: string; children: ReactNode; 'aria-label'?: string; 'data-testid'?: string }) {
  const { navigate } = useNavigation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };
  return (
    <a href={routeHref(route)} className={className} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
